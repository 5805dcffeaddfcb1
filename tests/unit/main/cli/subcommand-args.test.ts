import { describe, expect, it } from 'vitest';
import { parseSubcommandArgs } from '../../../../src/main/cli/subcommand-args';
import { parseAutostartArgs } from '../../../../src/main/cli/autostart';
import { parseExportArgs } from '../../../../src/main/cli/export';
import { parsePackArgs } from '../../../../src/main/cli/pack';

const options = { out: { type: 'string' }, force: { type: 'boolean' } } as const;

describe('a sub-command’s arguments', () => {
  it('gives the values, the positionals and the language, in its normal form', () => {
    const parsed = parseSubcommandArgs(
      ['export', '--out', 'a.zip', '--lang', ' RU ', '--force'],
      options,
    );
    expect(parsed).toEqual({
      values: { out: 'a.zip', force: true, lang: ' RU ' },
      positionals: ['export'],
      language: 'ru',
    });
  });

  it('speaks English when no language is asked for', () => {
    expect(parseSubcommandArgs(['export'], options)).toMatchObject({ language: 'en' });
  });

  it('refuses an option it does not know rather than ignore it', () => {
    expect(parseSubcommandArgs(['export', '--outt', 'a.zip'], options)).toEqual({
      error: expect.stringContaining("'--outt'"),
    });
  });

  it('refuses a language the app does not speak, naming it', () => {
    expect(parseSubcommandArgs(['export', '--lang', 'xx'], options)).toEqual({
      error: '--lang must be en, ru, fr or uk, not "xx".',
    });
  });

  it('is the one reading of every sub-command: pack, export and autostart refuse alike', () => {
    const context = { cwd: '/tmp', home: '/home/a', appRoot: '/app', node: '/usr/bin/node' };
    for (const result of [
      parsePackArgs(['export', '--lang', 'xx'], '/tmp'),
      parseExportArgs(['player', '--lang', 'xx'], '/tmp'),
      parseAutostartArgs(['status', '--lang', 'xx'], context as never),
    ]) {
      expect(result).toEqual({
        command: 'error',
        message: '--lang must be en, ru, fr or uk, not "xx".',
      });
    }
  });
});
