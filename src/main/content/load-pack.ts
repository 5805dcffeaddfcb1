import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { packSchema } from '../../shared/content';
import { assemblePack, ownItems } from './assemble-pack';
import { isRecord, loadItemFile, type PackPaths } from './interpret-item';
import { issuesToErrors, valueParams } from './issues';
import { rawPackRefs } from './item-refs';
import { problem } from '../../shared/protocol/localized-text';
import {
  FILES_PER_TURN,
  mapLimited,
  messageOf,
  MISNAMED_PACK_FILE,
  nextTurn,
  PACK_FILE,
  PARALLEL_FILES,
  readTextFile,
  walk,
} from './pack-files';
import { resolveInsidePack } from './paths';
import { noLines, parseYaml } from './source';
import type { PackFileResult, PackLoadResult, PackRead } from './types';

/* Loading a pack: read every file (`pack-files.ts`), interpret each on its own
   (`interpret-item.ts`), then assemble the pack across files (`assemble-pack.ts`). */

async function loadPackFile(packDir: string): Promise<PackFileResult> {
  const file = PACK_FILE;
  try {
    try {
      await stat(path.join(packDir, file));
    } catch {
      const misnamed = await stat(path.join(packDir, MISNAMED_PACK_FILE)).then(
        () => true,
        () => false,
      );
      return {
        pack: null,
        lines: noLines,
        errors: [
          {
            file,
            field: '',
            ...problem(misnamed ? 'pack.misnamed' : 'pack.missing'),
          },
        ],
      };
    }
    const resolved = await resolveInsidePack(packDir, file);
    if (!resolved.ok) {
      return { pack: null, lines: noLines, errors: [{ file, field: '', ...resolved.error }] };
    }
    const read = readTextFile(resolved.path);
    if ('error' in read) {
      return { pack: null, lines: noLines, errors: [{ file, field: '', ...read.error }] };
    }
    const parsed = parseYaml(read.text, file);
    if (parsed.errors.length > 0) return { pack: null, lines: parsed.lines, errors: parsed.errors };
    if (!isRecord(parsed.data)) {
      return {
        pack: null,
        lines: parsed.lines,
        errors: [
          {
            file,
            field: '',
            ...(parsed.data === null || parsed.data === undefined
              ? problem('pack.empty')
              : problem('pack.notFields', valueParams(parsed.data))),
          },
        ],
      };
    }
    const result = packSchema.safeParse(parsed.data, { reportInput: true });
    if (!result.success) {
      return {
        pack: null,
        lines: parsed.lines,
        refs: rawPackRefs(parsed.data),
        errors: issuesToErrors(result.error.issues, {
          file,
          lines: parsed.lines,
          schema: packSchema,
          kind: 'pack',
        }),
      };
    }
    return { pack: result.data, lines: parsed.lines, errors: [] };
  } catch (error) {
    return {
      pack: null,
      lines: noLines,
      errors: [{ file, field: '', ...problem('file.notLoaded', { detail: messageOf(error) }) }],
    };
  }
}

/** Reads every file of the pack and runs the checks that need only that file. */
export async function readPack(packDir: string): Promise<PackRead> {
  try {
    const info = await stat(packDir).catch(() => undefined);
    if (!info?.isDirectory()) {
      return {
        packFile: { pack: null, lines: noLines, errors: [] },
        files: [],
        others: [],
        media: [],
        errors: [{ file: '.', field: '', ...problem('pack.folderMissing', { dir: packDir }) }],
        readable: false,
      };
    }
    const real = await realpath(packDir);
    const [packFile, walked] = await Promise.all([loadPackFile(packDir), walk(packDir, real)]);
    const pack: PackPaths = { dir: packDir, real, files: [...walked.media, ...walked.others] };
    let started = 0;
    const files = await mapLimited(walked.items, PARALLEL_FILES, async (file) => {
      if (++started % FILES_PER_TURN === 0) await nextTurn();
      return loadItemFile(pack, file);
    });
    return {
      packFile,
      files,
      others: walked.others,
      media: walked.media,
      errors: walked.errors,
      readable: !walked.errors.some((e) => e.file === '.'),
    };
  } catch (error) {
    return {
      packFile: { pack: null, lines: noLines, errors: [] },
      files: [],
      others: [],
      media: [],
      errors: [{ file: '.', field: '', ...problem('pack.notRead', { detail: messageOf(error) }) }],
      readable: false,
    };
  }
}

/**
 * Reads a pack folder once. Never throws: every problem, including an unexpected exception,
 * becomes an error naming the file; items with errors are left out, everything else loads.
 */
export async function loadPack(packDir: string): Promise<PackLoadResult> {
  try {
    const read = await readPack(packDir);
    const { bySource: _bySource, ...result } = assemblePack(read, ownItems(read));
    return result;
  } catch (error) {
    return {
      pack: null,
      items: [],
      errors: [
        { file: '.', field: '', ...problem('pack.notLoaded', { detail: messageOf(error) }) },
      ],
    };
  }
}
