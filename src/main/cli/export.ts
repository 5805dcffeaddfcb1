import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatContentError } from '../../shared/content';
import type { AppLanguage } from '../../shared/i18n/languages';
import { translate } from '../../shared/i18n';
import { parseSubcommandArgs } from './subcommand-args';
import type { CliIo } from './serve';

export const EXPORT_USAGE = `Usage:
  npm run export -- player --content DIR --out FOLDER [--playlist ID]... [--safe] [--force] [--lang LANG]
`;

export type ExportCommand =
  | {
      command: 'player';
      contentDir: string;
      out: string;
      playlists: string[];
      force: boolean;
      safe: boolean;
      language: AppLanguage;
    }
  | { command: 'error'; message: string };

/** `export player` and its options; paths resolved against `cwd`. */
export function parseExportArgs(argv: readonly string[], cwd: string): ExportCommand {
  const parsed = parseSubcommandArgs(argv, {
    content: { type: 'string' },
    out: { type: 'string' },
    playlist: { type: 'string', multiple: true },
    force: { type: 'boolean' },
    safe: { type: 'boolean' },
  });
  if (parsed.error !== undefined) return { command: 'error', message: parsed.error };
  const { values, positionals, language } = parsed;
  const [command, ...rest] = positionals;
  if (command !== 'player') {
    return {
      command: 'error',
      message:
        command === undefined
          ? 'Say what to export: player.'
          : `Unknown export "${command}"; expected player.`,
    };
  }
  if (rest.length > 0) return { command: 'error', message: `Unexpected argument "${rest[0]}".` };
  if (!values.out?.trim()) {
    return { command: 'error', message: 'Say where to write the player: --out FOLDER.' };
  }
  return {
    command: 'player',
    contentDir: path.resolve(cwd, values.content ?? 'content'),
    out: path.resolve(cwd, values.out),
    playlists: values.playlist ?? [],
    force: values.force === true,
    safe: values.safe === true,
    language,
  };
}

/** The built player: `out/player`, beside `out/main` when built, else the repository's. */
export function defaultPlayerDir(entryUrl: string): string {
  const here = path.dirname(fileURLToPath(entryUrl));
  const built = path.basename(here) === 'main' && path.basename(path.dirname(here)) === 'out';
  return built ? path.resolve(here, '../player') : path.resolve(here, '../../out/player');
}

/** `npm run export -- …`: resolves to the exit code (0 done, 1 refused or failed, 2 bad arguments). */
export async function runExport(
  argv: readonly string[],
  cwd: string,
  io: CliIo,
  playerDir: string,
): Promise<number> {
  const parsed = parseExportArgs(argv, cwd);
  if (parsed.command === 'error') {
    io.err(`${parsed.message}\n${EXPORT_USAGE.trimEnd()}`);
    return 2;
  }
  const t = translate(parsed.language, 'core');
  const problemsT = translate(parsed.language, 'problems');
  const { exportPlayer } = await import('../exports/player/export-player');
  const result = await exportPlayer({ ...parsed, playerDir });
  const listErrors = (write: (line: string) => void) => {
    for (const error of result.errors) write(`  ${formatContentError(error, problemsT)}`);
  };
  if (!result.ok) {
    io.err(`${t('exportPlayer.refused')} ${t(result.problem.key, result.problem.params)}`);
    listErrors(io.err);
    return 1;
  }
  const size = new Intl.NumberFormat(parsed.language, {
    style: 'unit',
    unit: 'megabyte',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(result.bytes / (1024 * 1024));
  io.out(t('exportPlayer.written', { dir: parsed.out, size }));
  io.out(t('exportPlayer.items', { count: result.items.length }));
  if (parsed.safe) io.out(t('exportPlayer.safeLeftOut', { count: result.leftOut.length }));
  io.out(t('exportPlayer.open', { file: path.join(parsed.out, 'index.html') }));
  if (result.errors.length > 0) {
    io.err(t('exportPlayer.forced'));
    listErrors(io.err);
  }
  return 0;
}
