import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isAppLanguage, SOURCE_LANGUAGE, type AppLanguage } from '../../shared/i18n/languages';

type CliOptions = NonNullable<ParseArgsConfig['options']>;

/** A sub-command's options, with the `--lang` every one of them takes for its messages. */
type WithLang<O extends CliOptions> = O & { lang: { type: 'string' } };

interface StrictConfig<O extends CliOptions> {
  args: string[];
  allowPositionals: true;
  strict: true;
  options: WithLang<O>;
}

export type SubcommandArgs<O extends CliOptions> =
  | (Pick<ReturnType<typeof parseArgs<StrictConfig<O>>>, 'values' | 'positionals'> & {
      language: AppLanguage;
      error?: undefined;
    })
  | { error: string };

/**
 * The one way the sub-commands (`pack`, `export`, `autostart`) read their arguments: strict
 * (an unknown option is an error, not ignored), positionals allowed, and `--lang` checked
 * against the app's languages. Each command then reads its own positionals.
 */
export function parseSubcommandArgs<O extends CliOptions>(
  argv: readonly string[],
  options: O,
): SubcommandArgs<O> {
  const config: StrictConfig<O> = {
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: { ...options, lang: { type: 'string' } },
  };
  let parsed;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    return { error: (error as Error).message };
  }
  // The generic values are opaque here; `lang` is there by the config above.
  const asked = (parsed.values as { lang?: unknown }).lang;
  const language = (typeof asked === 'string' ? asked : SOURCE_LANGUAGE).trim().toLowerCase();
  if (!isAppLanguage(language)) {
    return { error: `--lang must be en, ru, fr or uk, not "${String(asked)}".` };
  }
  return { values: parsed.values, positionals: parsed.positionals, language };
}
