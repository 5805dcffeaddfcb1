import { z } from 'zod';
import { contentErrorSchema } from './messages';
import { localizedTextSchema } from './localized-text';
import { videoFactsSchema } from '../content/video-facts';

/*
 * The content API (`/api/v1`): how the console's editor, and anything else holding the
 * operator's token, reads and writes the pack. One schema per body, shared by the routes,
 * the console's client and the tests. The files on disk stay the truth: every write goes
 * through the content store's one writer, and the show picks it up through its normal reload.
 */

export const API_PREFIX = '/api/v1';

export const apiPaths = {
  items: `${API_PREFIX}/items`,
  item: (id: string) => `${API_PREFIX}/items/${encodeURIComponent(id)}`,
  history: (id: string) => `${API_PREFIX}/items/${encodeURIComponent(id)}/history`,
  restore: (id: string, version: string) =>
    `${API_PREFIX}/items/${encodeURIComponent(id)}/history/${encodeURIComponent(version)}/restore`,
  media: `${API_PREFIX}/media`,
  mediaVideo: `${API_PREFIX}/media/video`,
  mediaSubtitles: `${API_PREFIX}/media/subtitles`,
  packExport: `${API_PREFIX}/pack/export`,
  packImport: `${API_PREFIX}/pack/import`,
} as const;

/** The longest id the API takes: an id is also a file and a folder name. */
export const API_ITEM_ID_MAX = 120;
/** The loader's id rule (`itemId`), at most `API_ITEM_ID_MAX` long. */
export const API_ITEM_ID = new RegExp(`^[a-z0-9][a-z0-9-]{0,${API_ITEM_ID_MAX - 1}}$`);

/** Names one state of a file's bytes (a hash of them): what `If-Match` and `ETag` carry. */
export const versionSchema = z.string().regex(/^[a-f0-9]{8,64}$/);
export type Version = z.infer<typeof versionSchema>;

/**
 * One problem of an item, at a field. `field` is the dotted path as the YAML is written
 * (`status.fr`, `items.4`; positions counted from 1); `message` is the English, and `key` with
 * `params` let the console say it in its reader's language.
 */
export const fieldProblemSchema = localizedTextSchema.extend({
  field: z.string(),
  /** Warnings (a text missing in one language) do not stop a save; errors do. */
  severity: z.enum(['error', 'warning']).default('error'),
});
export type FieldProblem = z.infer<typeof fieldProblemSchema>;

export const itemSummarySchema = z.strictObject({
  id: z.string(),
  kind: z.string(),
  /** The title (or name) in the pack's default language; the id when it has none. */
  title: z.string(),
  /** Pack-relative, `/`-separated. */
  file: z.string(),
  problems: z.array(fieldProblemSchema),
});
export type ItemSummary = z.infer<typeof itemSummarySchema>;

export const itemListSchema = z.strictObject({
  items: z.array(itemSummarySchema),
  /** The pack's languages, default first: the editor's language tabs. */
  languages: z.array(z.string()),
  defaultLanguage: z.string(),
});
export type ItemList = z.infer<typeof itemListSchema>;

/** A JSON object shaped like the item's YAML (`kind` included). */
export const itemBodySchema = z.record(z.string(), z.unknown());
export type ItemBody = z.infer<typeof itemBodySchema>;

export const itemRecordSchema = z.strictObject({
  id: z.string(),
  kind: z.string(),
  file: z.string(),
  version: versionSchema,
  /** What the file says, as JSON (no defaults filled in), so a save writes back only that. */
  item: itemBodySchema,
  problems: z.array(fieldProblemSchema),
});
export type ItemRecord = z.infer<typeof itemRecordSchema>;

/** `200` after a `PUT` or a restore. */
export const savedSchema = z.strictObject({
  id: z.string(),
  file: z.string(),
  version: versionSchema,
  /** Warnings found while saving (the save happened). */
  warnings: z.array(fieldProblemSchema).default([]),
});
export type Saved = z.infer<typeof savedSchema>;

/** `422`: every problem at once; nothing was written. */
export const invalidSchema = z.strictObject({ errors: z.array(fieldProblemSchema).min(1) });

/** `409`: the file changed since the version the editor started from; nothing was written. */
export const conflictSchema = z.strictObject({
  error: z.literal('conflict'),
  /** The version the request said it edited, and what it sent. */
  yours: z.strictObject({ version: versionSchema.nullable(), item: itemBodySchema }),
  /** What is on disk now. */
  current: z.strictObject({ version: versionSchema, item: itemBodySchema }),
});
export type Conflict = z.infer<typeof conflictSchema>;

/** `409` on `DELETE`: playlists and setlists still use the item. */
export const inUseSchema = z.strictObject({
  error: z.literal('in-use'),
  usedBy: z.array(z.strictObject({ id: z.string(), kind: z.string(), file: z.string() })),
});

export const deletedSchema = z.strictObject({
  id: z.string(),
  /** Where the file went, pack-relative (`.trash/…`): restorable by moving it back. */
  trashed: z.string().optional(),
  /**
   * With `?forget=true`: the pack paths unlinked (the item's file, its `.history/` files, its
   * `.trash/` copies, the media only it used). Nothing goes to the trash then.
   */
  forgotten: z.array(z.string()).optional(),
  /** Playlists and setlists the item was taken out of (only when asked to). */
  removedFrom: z.array(z.string()),
});

export const historyEntrySchema = z.strictObject({
  version: versionSchema,
  /** When this version was replaced, ISO 8601. */
  savedAt: z.string(),
  size: z.number().int().nonnegative(),
});
export const historySchema = z.strictObject({
  id: z.string(),
  entries: z.array(historyEntrySchema),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** Where an upload goes, under `media/`. */
export const mediaFolderSchema = z.enum(['images', 'photos', 'drawings']);
export type MediaFolder = z.infer<typeof mediaFolderSchema>;

/** One image file under `media/`, as `GET /api/v1/media` lists it. */
export const packImageSchema = z.strictObject({
  /** Its pack path, as an item names it (`media/drawings/cell.jpg`). */
  path: z.string(),
  /** The ids of the item files that name it, broken ones included; empty when none does. */
  usedBy: z.array(z.string()),
});
export type PackImage = z.infer<typeof packImageSchema>;

/** `200` after `GET /api/v1/media`: the pack's images, to reuse one in another item. */
export const packImagesSchema = z.strictObject({ images: z.array(packImageSchema) });
export type PackImages = z.infer<typeof packImagesSchema>;

/** `201` after `POST /api/v1/media`. */
export const uploadedSchema = z.strictObject({
  /** The pack path to put in the item (`media/photos/ivan.jpg`). */
  path: z.string(),
  /** The type its bytes are, whatever its name said. */
  type: z.enum(['jpeg', 'png', 'webp', 'gif', 'svg']),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Made smaller to fit 4096 px. */
  scaled: z.boolean(),
  /** Metadata (EXIF, GPS, XMP) was removed. */
  metadataRemoved: z.boolean(),
});
export type Uploaded = z.infer<typeof uploadedSchema>;

/** Where a streamed upload goes, under `media/`: `POST /media/video`, `POST /media/subtitles`. */
export const streamedFolderSchema = z.enum(['videos', 'subtitles']);
export type StreamedFolder = z.infer<typeof streamedFolderSchema>;

/** `201` after `POST /api/v1/media/video`: where it went and what its bytes are. */
export const videoUploadedSchema = z.strictObject({
  path: z.string(),
  facts: videoFactsSchema,
});
export type VideoUploaded = z.infer<typeof videoUploadedSchema>;

/** `201` after `POST /api/v1/media/subtitles?lang=`: where it went, its format, its cues. */
export const subtitlesUploadedSchema = z.strictObject({
  path: z.string(),
  language: z.string(),
  format: z.enum(['vtt', 'srt']),
  cues: z.number().int().nonnegative(),
});
export type SubtitlesUploaded = z.infer<typeof subtitlesUploadedSchema>;

/** `422` of a subtitle upload that does not parse: each problem with its line in the file. */
export const subtitlesRefusedSchema = z.strictObject({
  error: localizedTextSchema,
  problems: z.array(
    z.strictObject({ line: z.number().int().positive(), message: localizedTextSchema }),
  ),
});
export type SubtitlesRefused = z.infer<typeof subtitlesRefusedSchema>;

/** Any other refusal (401, 403, 404, 413, 415): one sentence, localizable. */
export const apiErrorSchema = z.strictObject({ error: localizedTextSchema });

/*
 * Event packs (issue 15): `GET /pack/export[?playlist=ID…][&force=true]` answers the zip
 * itself (`application/zip`, `Content-Disposition: attachment`), with its sizes per kind in
 * `X-Pack-Sizes` (JSON); `POST /pack/import[?dryRun=true]` takes the zip as the raw body
 * (`Content-Type: application/zip`).
 */

/** The header of an export's answer that carries the bytes per kind (item kinds, media, …). */
export const PACK_SIZES_HEADER = 'x-pack-sizes';
export const packSizesSchema = z.record(z.string(), z.number().int().nonnegative());
export type PackSizes = z.infer<typeof packSizesSchema>;

/** The largest zip the import takes: far past any real event pack, and held in memory. */
export const PACK_IMPORT_LIMIT = 512 * 1024 * 1024;

/** `200` after an import (or its dry run). */
export const packImportedSchema = z.strictObject({
  dryRun: z.boolean(),
  /** Items per kind in the imported pack. */
  items: z.record(z.string(), z.number().int().nonnegative()),
  /** Bytes of all the pack's files, unpacked. */
  totalSize: z.number().int().nonnegative(),
  appVersion: z.string(),
  createdAt: z.string(),
  /** The playlists the pack was made for; empty for a whole pack. */
  playlists: z.array(z.string()),
  /** Where the replaced content is kept (on the core's machine); null on a dry run or when none. */
  previous: z.string().nullable(),
});
export type PackImported = z.infer<typeof packImportedSchema>;

/**
 * `422` from either route: why the pack was refused, and the content's problems when that is
 * the reason. Nothing was changed.
 */
export const packRefusedSchema = z.strictObject({
  error: localizedTextSchema,
  errors: z.array(contentErrorSchema),
});
export type PackRefused = z.infer<typeof packRefusedSchema>;
