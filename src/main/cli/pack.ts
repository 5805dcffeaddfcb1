import path from 'node:path';
import { formatContentError, type ContentError } from '../../shared/content';
import type { AppLanguage } from '../../shared/i18n/languages';
import { translate } from '../../shared/i18n';
import { parseSubcommandArgs } from './subcommand-args';
import type { CliIo } from './serve';

export const PACK_USAGE = `Usage:
  npm run pack -- export --content DIR --out FILE.zip [--playlist ID]... [--force] [--lang LANG]
  npm run pack -- import FILE.zip --to DIR [--lang LANG]
`;

export type PackCommand =
  | {
      command: 'export';
      contentDir: string;
      out: string;
      playlists: string[];
      force: boolean;
      language: AppLanguage;
    }
  | { command: 'import'; zipFile: string; to: string; language: AppLanguage }
  | { command: 'error'; message: string };

/** `pack export|import` and its options; paths resolved against `cwd`. */
export function parsePackArgs(argv: readonly string[], cwd: string): PackCommand {
  const parsed = parseSubcommandArgs(argv, {
    content: { type: 'string' },
    out: { type: 'string' },
    playlist: { type: 'string', multiple: true },
    force: { type: 'boolean' },
    to: { type: 'string' },
  });
  if (parsed.error !== undefined) return { command: 'error', message: parsed.error };
  const { values, positionals, language } = parsed;
  const [command, ...rest] = positionals;
  if (command === 'export') {
    if (rest.length > 0) return { command: 'error', message: `Unexpected argument "${rest[0]}".` };
    if (values.to !== undefined) return { command: 'error', message: 'export does not take --to.' };
    if (!values.out?.trim()) {
      return { command: 'error', message: 'Say where to write the pack: --out FILE.zip.' };
    }
    return {
      command: 'export',
      contentDir: path.resolve(cwd, values.content ?? 'content'),
      out: path.resolve(cwd, values.out),
      playlists: values.playlist ?? [],
      force: values.force === true,
      language,
    };
  }
  if (command === 'import') {
    const stray = (['content', 'out', 'playlist', 'force'] as const).find(
      (k) => values[k] !== undefined,
    );
    if (stray) return { command: 'error', message: `import does not take --${stray}.` };
    if (rest.length !== 1) {
      return { command: 'error', message: 'Say which pack to import: import FILE.zip --to DIR.' };
    }
    if (!values.to?.trim()) {
      return { command: 'error', message: 'Say which content folder to replace: --to DIR.' };
    }
    return {
      command: 'import',
      zipFile: path.resolve(cwd, rest[0]!),
      to: path.resolve(cwd, values.to),
      language,
    };
  }
  return {
    command: 'error',
    message:
      command === undefined
        ? 'Say what to do: export or import.'
        : `Unknown pack command "${command}"; expected export or import.`,
  };
}

function formatBytes(bytes: number, language: AppLanguage): string {
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / (1024 * 1024), 'megabyte']
      : bytes >= 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes, 'byte'];
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}

/** `npm run pack -- …`: resolves to the exit code (0 done, 1 refused or failed, 2 bad arguments). */
export async function runPack(argv: readonly string[], cwd: string, io: CliIo): Promise<number> {
  const parsed = parsePackArgs(argv, cwd);
  if (parsed.command === 'error') {
    io.err(`${parsed.message}\n${PACK_USAGE.trimEnd()}`);
    return 2;
  }
  const t = translate(parsed.language, 'core');
  const problemsT = translate(parsed.language, 'problems');
  const listErrors = (errors: readonly ContentError[], write: (line: string) => void) => {
    for (const error of errors) write(`  ${formatContentError(error, problemsT)}`);
  };
  if (parsed.command === 'export') {
    const { exportPack } = await import('../packs/export-pack');
    const result = await exportPack(parsed);
    if (!result.ok) {
      io.err(`${t('eventPack.refusedExport')} ${t(result.problem.key, result.problem.params)}`);
      listErrors(result.errors, io.err);
      return 1;
    }
    const size = (bytes: number) => formatBytes(bytes, parsed.language);
    io.out(t('eventPack.exported', { file: parsed.out, size: size(result.zipBytes) }));
    io.out(
      t('eventPack.items', {
        count: result.manifest.items.length,
        size: size(result.manifest.totalSize),
      }),
    );
    for (const [kind, bytes] of Object.entries(result.sizes)) {
      io.out(
        `  ${t('eventPack.sizeLine', { kind: t(`eventPack.kind.${kind}`), size: size(bytes) })}`,
      );
    }
    if (result.errors.length > 0) {
      io.err(t('eventPack.forced'));
      listErrors(result.errors, io.err);
    }
    return 0;
  }
  const { importPack } = await import('../packs/import-pack');
  const result = await importPack({ zipFile: parsed.zipFile, to: parsed.to });
  if (!result.ok) {
    io.err(
      `${t('eventPack.refusedImport', { file: parsed.zipFile })} ${t(result.problem.key, result.problem.params)}`,
    );
    listErrors(result.errors, io.err);
    return 1;
  }
  io.out(t('eventPack.imported', { dir: result.dir }));
  if (result.previous) io.out(t('eventPack.previousKept', { previous: result.previous }));
  return 0;
}
