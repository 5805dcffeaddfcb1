import type { z } from 'zod';
import type { LocalizedText } from '../../shared/protocol';
import {
  apiErrorSchema,
  apiPaths,
  conflictSchema,
  deletedSchema,
  historySchema,
  inUseSchema,
  invalidSchema,
  itemListSchema,
  itemRecordSchema,
  packImagesSchema,
  savedSchema,
  subtitlesRefusedSchema,
  subtitlesUploadedSchema,
  uploadedSchema,
  videoUploadedSchema,
  type Conflict,
  type FieldProblem,
  type HistoryEntry,
  type ItemBody,
  type ItemList,
  type ItemRecord,
  type MediaFolder,
  type PackImage,
  type Saved,
  type SubtitlesRefused,
  type SubtitlesUploaded,
  type Uploaded,
  type VideoUploaded,
  type Version,
} from '../../shared/protocol/content-api';

/** What an API call came back with, each answer already checked against its schema. */
export type ApiAnswer<T> =
  | { status: 'ok'; value: T }
  | { status: 'invalid'; errors: FieldProblem[] }
  | { status: 'conflict'; conflict: Conflict }
  | { status: 'in-use'; usedBy: { id: string; kind: string; file: string }[] }
  | { status: 'error'; httpStatus: number; error: LocalizedText | string };

export interface ContentApi {
  list(): Promise<ApiAnswer<ItemList>>;
  read(id: string): Promise<ApiAnswer<ItemRecord>>;
  save(id: string, item: ItemBody, ifMatch: Version | null): Promise<ApiAnswer<Saved>>;
  /** To the trash; with `forget`, gone with its history, trash copies and the photos only it used. */
  remove(
    id: string,
    removeReferences: boolean,
    forget?: boolean,
  ): Promise<ApiAnswer<z.infer<typeof deletedSchema>>>;
  history(id: string): Promise<ApiAnswer<HistoryEntry[]>>;
  restore(id: string, version: Version, ifMatch: Version | null): Promise<ApiAnswer<Saved>>;
  upload(file: Blob, filename: string, folder: MediaFolder): Promise<ApiAnswer<Uploaded>>;
  /** The images already in the pack, each with the items that use it. */
  listImages(): Promise<ApiAnswer<PackImage[]>>;
  /** A video, streamed by the browser from the file; judged by its bytes. */
  uploadVideo(file: Blob, filename: string): Promise<ApiAnswer<VideoUploaded>>;
  /** One language's subtitles; a file that does not parse answers its problems by line. */
  uploadSubtitles(
    file: Blob,
    filename: string,
    language: string,
  ): Promise<ApiAnswer<SubtitlesUploaded> | { status: 'lines'; refused: SubtitlesRefused }>;
}

type Fetch = typeof fetch;

/**
 * The console's client of `/api/v1`, with the operator's token (the one in the console's
 * link). Never throws: a network failure or an answer of the wrong shape is an `error`.
 */
export function createContentApi(token: string, base = '', fetchImpl: Fetch = fetch): ContentApi {
  async function call<T>(
    path: string,
    init: RequestInit,
    schema: z.ZodType<T>,
    /** Sees a refusal's body first (an answer shape of one route's own). */
    onRefusal?: (status: number, body: unknown) => void,
  ): Promise<ApiAnswer<T>> {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${token}`, ...init.headers },
      });
    } catch (error) {
      return { status: 'error', httpStatus: 0, error: String(error) };
    }
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) {
      const parsed = schema.safeParse(body);
      return parsed.success
        ? { status: 'ok', value: parsed.data }
        : { status: 'error', httpStatus: response.status, error: parsed.error.message };
    }
    onRefusal?.(response.status, body);
    if (response.status === 422) {
      const invalid = invalidSchema.safeParse(body);
      if (invalid.success) return { status: 'invalid', errors: invalid.data.errors };
    }
    if (response.status === 409) {
      const conflict = conflictSchema.safeParse(body);
      if (conflict.success) return { status: 'conflict', conflict: conflict.data };
      const inUse = inUseSchema.safeParse(body);
      if (inUse.success) return { status: 'in-use', usedBy: inUse.data.usedBy };
    }
    const refusal = apiErrorSchema.safeParse(body);
    return {
      status: 'error',
      httpStatus: response.status,
      error: refusal.success ? refusal.data.error : response.statusText,
    };
  }

  const json = (method: string, body?: unknown, headers: Record<string, string> = {}) => ({
    method,
    headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const match = (version: Version | null): Record<string, string> =>
    version ? { 'If-Match': `"${version}"` } : {};

  const raw = (body: Blob, filename: string, type: string): RequestInit => ({
    method: 'POST',
    // Header values are Latin-1: the name travels percent-encoded.
    headers: { 'Content-Type': type, 'X-Filename': encodeURIComponent(filename) },
    body,
  });

  return {
    uploadVideo: (file, filename) =>
      call(
        apiPaths.mediaVideo,
        raw(file, filename, 'application/octet-stream'),
        videoUploadedSchema,
      ),
    uploadSubtitles: async (file, filename, language) => {
      const path = `${apiPaths.mediaSubtitles}?lang=${encodeURIComponent(language)}`;
      let lines: SubtitlesRefused | null = null;
      const answer = await call(
        path,
        raw(file, filename, 'text/plain'),
        subtitlesUploadedSchema,
        (status, body) => {
          const refused = status === 422 ? subtitlesRefusedSchema.safeParse(body) : null;
          if (refused?.success) lines = refused.data;
        },
      );
      return lines ? { status: 'lines', refused: lines } : answer;
    },
    list: () => call(apiPaths.items, json('GET'), itemListSchema),
    listImages: async () => {
      const answer = await call(apiPaths.media, json('GET'), packImagesSchema);
      return answer.status === 'ok' ? { status: 'ok', value: answer.value.images } : answer;
    },
    read: (id) => call(apiPaths.item(id), json('GET'), itemRecordSchema),
    save: (id, item, ifMatch) =>
      call(apiPaths.item(id), json('PUT', item, match(ifMatch)), savedSchema),
    remove: (id, removeReferences, forget = false) => {
      const query = [removeReferences && 'removeReferences=true', forget && 'forget=true']
        .filter(Boolean)
        .join('&');
      return call(`${apiPaths.item(id)}${query ? `?${query}` : ''}`, json('DELETE'), deletedSchema);
    },
    history: async (id) => {
      const answer = await call(apiPaths.history(id), json('GET'), historySchema);
      return answer.status === 'ok' ? { status: 'ok', value: answer.value.entries } : answer;
    },
    restore: (id, version, ifMatch) =>
      call(apiPaths.restore(id, version), json('POST', undefined, match(ifMatch)), savedSchema),
    upload: (file, filename, folder) =>
      call(
        `${apiPaths.media}?folder=${folder}`,
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/octet-stream',
            // Header values are Latin-1: the name travels percent-encoded.
            'X-Filename': encodeURIComponent(filename),
          },
          body: file,
        },
        uploadedSchema,
      ),
  };
}
