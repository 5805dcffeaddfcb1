import path from 'node:path';
import { parseArgs } from 'node:util';
import { translate } from '../../shared/i18n';
import { isAppLanguage, SOURCE_LANGUAGE, type AppLanguage } from '../../shared/i18n/languages';
import { isPrintFormat, PRINT_FORMATS } from '../../shared/print/formats';
import { DEFAULT_CHROMIUM, renderPrintPdf, type PrintJob } from '../exports/print/render-pdf';
import type { CliIo } from './serve';

export const PRINT_USAGE = `Usage:
  npm run print -- --content DIR --item ID --format a3|a4|a5|a6|tent [--lang L]...
                   [--event ID] --out FILE.pdf [--chromium PATH]
`;

export type PrintCommand =
  { command: 'print'; job: PrintJob } | { command: 'error'; message: string };

/** `print` and its options; paths resolved against `cwd`. */
export function parsePrintArgs(
  argv: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  rendererDir: string,
): PrintCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        content: { type: 'string' },
        item: { type: 'string' },
        format: { type: 'string' },
        lang: { type: 'string', multiple: true },
        event: { type: 'string' },
        out: { type: 'string' },
        chromium: { type: 'string' },
        renderer: { type: 'string' },
      },
    }));
  } catch (error) {
    return { command: 'error', message: (error as Error).message };
  }
  if (!values.item?.trim()) return { command: 'error', message: 'Say what to print: --item ID.' };
  const format = (values.format ?? '').trim().toLowerCase();
  if (!isPrintFormat(format)) {
    return { command: 'error', message: `--format must be one of ${PRINT_FORMATS.join(', ')}.` };
  }
  const languages = values.lang ?? [];
  if (languages.length > 2) {
    return { command: 'error', message: 'At most two languages side by side: --lang A --lang B.' };
  }
  if (!values.out?.trim())
    return { command: 'error', message: 'Say where to write: --out FILE.pdf.' };
  return {
    command: 'print',
    job: {
      contentDir: path.resolve(cwd, values.content ?? 'content'),
      rendererDir: values.renderer ? path.resolve(cwd, values.renderer) : rendererDir,
      itemId: values.item.trim(),
      format,
      languages,
      eventId: values.event,
      out: path.resolve(cwd, values.out),
      chromium: values.chromium ?? env.CHROMIUM ?? DEFAULT_CHROMIUM,
    },
  };
}

/** The CLI's words follow the first printed language the app speaks, else English. */
function cliLanguage(languages: readonly string[]): AppLanguage {
  return languages.find((language) => isAppLanguage(language)) ?? SOURCE_LANGUAGE;
}

export async function runPrint(
  argv: readonly string[],
  context: CliIo & { cwd: string; env?: NodeJS.ProcessEnv; rendererDir: string },
): Promise<number> {
  const parsed = parsePrintArgs(argv, context.cwd, context.env ?? process.env, context.rendererDir);
  if (parsed.command === 'error') {
    context.err(`${parsed.message}\n${PRINT_USAGE}`);
    return 2;
  }
  const { job } = parsed;
  const t = translate(cliLanguage(job.languages), 'core');
  let outcome;
  try {
    outcome = await renderPrintPdf(job);
  } catch (error) {
    context.err(t('print.failed', { reason: (error as Error).message ?? String(error) }));
    return 1;
  }
  if (!outcome.ok) {
    context.err(t(outcome.key, outcome.params));
    return 1;
  }
  // Printing a sensitive item is the operator's choice; they are told, never refused.
  if (outcome.sensitive) context.err(t('print.sensitive', { id: job.itemId }));
  context.out(t('print.written', { file: job.out, format: job.format }));
  return 0;
}
