import type { LocalizedText } from '../../shared/protocol';
import {
  PACK_SIZES_HEADER,
  apiErrorSchema,
  apiPaths,
  packImportedSchema,
  packRefusedSchema,
  packSizesSchema,
  type PackImported,
  type PackRefused,
  type PackSizes,
} from '../../shared/protocol/content-api';

export interface ExportedPack {
  zip: Blob;
  /** From `Content-Disposition`: `<pack>-<date>.zip`. */
  fileName: string;
  sizes: PackSizes;
}

/** What a pack call came back with, checked against its schema. Never throws. */
export type PackAnswer<T> =
  | { status: 'ok'; value: T }
  /** 422: the pack was refused (the reason, and the content's problems when that is why). */
  | { status: 'refused'; refused: PackRefused }
  | { status: 'error'; httpStatus: number; error: LocalizedText | string };

export interface PackApi {
  exportPack(playlists: readonly string[], force: boolean): Promise<PackAnswer<ExportedPack>>;
  importPack(zip: Blob, dryRun: boolean): Promise<PackAnswer<PackImported>>;
}

const FILE_NAME = /filename="([A-Za-z0-9._-]+)"/;

/** The console's client of `/api/v1/pack/*`, with the operator's token. */
export function createPackApi(token: string, base = '', fetchImpl: typeof fetch = fetch): PackApi {
  async function send(path: string, init: RequestInit): Promise<Response | PackAnswer<never>> {
    try {
      return await fetchImpl(`${base}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${token}`, ...init.headers },
      });
    } catch (error) {
      return { status: 'error', httpStatus: 0, error: String(error) };
    }
  }

  async function failure(response: Response): Promise<PackAnswer<never>> {
    const body: unknown = await response.json().catch(() => null);
    const refused = packRefusedSchema.safeParse(body);
    if (response.status === 422 && refused.success)
      return { status: 'refused', refused: refused.data };
    const error = apiErrorSchema.safeParse(body);
    return {
      status: 'error',
      httpStatus: response.status,
      error: error.success ? error.data.error : response.statusText,
    };
  }

  return {
    async exportPack(playlists, force) {
      const query = new URLSearchParams();
      for (const id of playlists) query.append('playlist', id);
      if (force) query.set('force', 'true');
      const text = query.toString();
      const response = await send(`${apiPaths.packExport}${text ? `?${text}` : ''}`, {
        method: 'GET',
      });
      if (!(response instanceof Response)) return response;
      if (!response.ok) return failure(response);
      const sizes = packSizesSchema.safeParse(
        JSON.parse(response.headers.get(PACK_SIZES_HEADER) ?? '{}'),
      );
      const fileName =
        FILE_NAME.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'event-pack.zip';
      return {
        status: 'ok',
        value: { zip: await response.blob(), fileName, sizes: sizes.success ? sizes.data : {} },
      };
    },

    async importPack(zip, dryRun) {
      const response = await send(`${apiPaths.packImport}${dryRun ? '?dryRun=true' : ''}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/zip' },
        body: zip,
      });
      if (!(response instanceof Response)) return response;
      if (!response.ok) return failure(response);
      const parsed = packImportedSchema.safeParse(await response.json().catch(() => null));
      return parsed.success
        ? { status: 'ok', value: parsed.data }
        : { status: 'error', httpStatus: response.status, error: parsed.error.message };
    },
  };
}
