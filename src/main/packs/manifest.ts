import { z } from 'zod';
import { itemKinds, type ItemKind } from '../../shared/content';

/** Raised when the manifest's shape changes; an importer refuses any version it does not know. */
export const PACK_SCHEMA_VERSION = 1;

export const MANIFEST_FILE = 'manifest.json';
/** The fonts' licence notes; each file is named LICENSE* so the loader passes over it. */
export const LICENCES_DIR = 'licences';
export const PACK_FORMAT = 'solidarity-screens-pack';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestFileSchema = z.strictObject({
  /** Pack-relative, `/`-separated. */
  path: z.string().min(1).max(1024),
  size: z.number().int().nonnegative(),
  sha256,
});

export const manifestSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  schemaVersion: z.literal(PACK_SCHEMA_VERSION),
  appVersion: z.string().min(1).max(64),
  createdAt: z.iso.datetime(),
  /** The playlists (or setlists) asked for; empty when the whole pack was exported. */
  playlists: z.array(z.string()),
  items: z.array(
    z.strictObject({
      id: z.string().min(1),
      kind: z.enum(itemKinds as [ItemKind, ...ItemKind[]]),
      file: z.string().min(1),
    }),
  ),
  files: z.array(manifestFileSchema),
  totalSize: z.number().int().nonnegative(),
});

export type PackManifest = z.infer<typeof manifestSchema>;
export type ManifestFile = z.infer<typeof manifestFileSchema>;
