import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../../../src/main/content';
import type { ContentError } from '../../../../src/shared/content';
import {
  APP_LANGUAGES,
  CATALOGS,
  translate,
  type Catalog,
  type Namespace,
} from '../../../../src/shared/i18n';
import { renderText } from '../../../../src/shared/protocol/localized-text';
import { brokenPack, copyPack, goodPack } from './helpers';

const src = path.resolve(__dirname, '../../../../src');
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(catalog: Catalog, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) => {
    if (!prefix && key === '_meta') return [];
    const full = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [full.replace(PLURAL, '')] : flatten(value, full);
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** What a reader would see if i18next met a key it lacks, or a value it did not fill. */
function expectReadable(text: string, context: string): void {
  expect(text, context).not.toMatch(/\{\{|\}\}|\$t\(|problems:|core:/);
  // An echoed key looks like `zod.textEmpty` or `refs.noItem`: a dotted camelCase path.
  expect(text, context).not.toMatch(
    /\b(?:value|kind|orKind|itemKind|imageType|wrap|zod|schema|yaml|file|walk|pack|refs|media|warning|validate|command|show|lyrics|remote|obs|notice)\.[a-z]+[A-Z]\w*/,
  );
  expect(text, context).not.toMatch(/\b[a-z]+[A-Z]?\w*\.[a-z]+\w*\.[A-Za-z]\w*\b/);
  expect(text.trim(), context).not.toBe('');
}

describe('every problems key the code can produce', () => {
  const known = (namespace: Namespace) => new Set(flatten(CATALOGS.en[namespace]));

  it('is in the English catalog (a typo in a key fails here)', () => {
    const namespaces: Namespace[] = ['problems', 'core'];
    const groups = new Map(
      namespaces.map((ns) => [
        ns,
        new Set(Object.keys(CATALOGS.en[ns]).filter((k) => k !== '_meta')),
      ]),
    );
    const used: [Namespace, string, string][] = [];
    for (const file of sourceFiles(src)) {
      const text = readFileSync(file, 'utf8');
      if (!/problem\(|coreText\(|schemaProblem\(|ProblemKey|CoreKey/.test(text)) continue;
      // Every literal that looks like a key of one of the two catalogs: the calls, the
      // tables (yaml's friendlier messages, the SVG checks) and the zod issue codes alike.
      for (const match of text.matchAll(
        /'((?:problems:|core:)?([a-z][A-Za-z]*)\.[A-Za-z][A-Za-z0-9.]*)'/g,
      )) {
        const [, literal, group] = match;
        if (/\.(ya?ml|md|json|png|jpe?g|svg|txt)$/.test(literal!)) continue; // a file name
        const explicit = /^(problems|core):/.exec(literal!)?.[1] as Namespace | undefined;
        const candidates = explicit
          ? [explicit]
          : namespaces.filter((ns) => groups.get(ns)!.has(group!));
        if (explicit && !groups.get(explicit)!.has(literal!.split(':')[1]!.split('.')[0]!)) {
          used.push([explicit, literal!.split(':')[1]!, path.relative(src, file)]);
          continue;
        }
        for (const ns of candidates)
          used.push([ns, literal!.replace(/^\w+:/, ''), path.relative(src, file)]);
      }
    }
    expect(used.length).toBeGreaterThan(100);
    const missing = used.filter(([ns, key]) => !known(ns).has(key));
    expect(missing).toEqual([]);
  });

  it(
    'renders in every language with every parameter filled and no key echoed',
    { timeout: 30_000 },
    () => {
      // Parameters that name another message take real values; every other one is a word.
      const params = {
        gotKind: 'text',
        expectedKind: 'string',
        orKind: 'number',
        kind: 'case',
        claimed: 'png',
        actual: 'jpg',
        reason: 'problems:zod.textEmpty',
        task: 'save',
        count: 3,
      };
      for (const namespace of ['problems', 'core'] as const) {
        const translators = APP_LANGUAGES.map((language) => ({
          language,
          t: translate(language, namespace),
          keys: new Set(flatten(CATALOGS[language][namespace])),
        }));
        for (const key of known(namespace)) {
          const names = new Set<string>();
          for (const { language, keys } of translators) {
            expect(keys.has(key), `${language}/${namespace} ${key}`).toBe(true);
          }
          const english = JSON.stringify(CATALOGS.en[namespace]);
          for (const m of english.matchAll(/\{\{\s*(\w+)/g)) names.add(m[1]!);
          names.add('count');
          const filled: Record<string, string | number> = {};
          for (const name of names)
            filled[name] = name in params ? params[name as keyof typeof params] : 'X';
          for (const { language, t } of translators) {
            expectReadable(t(key, filled), `${language}/${namespace} ${key}`);
          }
        }
      }
    },
  );
});

/** A pack with one problem of each family the loader reports, besides the broken fixture's. */
async function packOfProblems(): Promise<{ pack: string; cleanup: () => Promise<void> }> {
  const copy = await copyPack(goodPack);
  const write = async (name: string, text: string) => {
    await mkdir(path.dirname(path.join(copy.pack, name)), { recursive: true });
    await writeFile(path.join(copy.pack, name), text);
  };
  await write(
    'statements/number-title.yaml',
    'kind: statement\ntitle: 1984\ntext: 7\nauthor: [a]\n',
  );
  await write('statements/unknown.yaml', 'kind: statement\ntext: t\nauthr: x\nsensitive: maybe\n');
  await write('events/bad-date.yaml', 'kind: event\ntitle: t\nstart: July\ntimeZone: Mars/Base\n');
  await write('playlists/empty.yaml', 'kind: playlist\ntitle: t\nitems: []\npastEvents: later\n');
  await write(
    'songs/untimed.yaml',
    [
      'kind: song',
      'title: t',
      'artist: a',
      'language: ru',
      'sections: [{ lines: [{ ru: a }, { ru: b }] }]',
      "lrc: '[00:01.00]a'",
    ].join('\n'),
  );
  await write('songs/tabs.yaml', 'kind: song\n\ttitle: t\n');
  await write('misc/notes.txt', 'hello');
  const packFile = path.join(copy.pack, 'pack.yaml');
  const packText = readFileSync(packFile, 'utf8').replace(
    'defaultLanguage: en',
    'defaultLanguage: de',
  );
  await writeFile(packFile, packText);
  await write('Ünïcødé name.yaml', 'kind: statement\ntext: t\n');
  await write('media/fake.png', 'not a png');
  await write(
    'drawings/fake.yaml',
    'kind: drawing\ntitle: t\nartist: a\nimage: media/fake.png\nconsent: true\n',
  );
  return copy;
}

describe('content problems of every family', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  async function allProblems(): Promise<ContentError[]> {
    const made = await packOfProblems();
    cleanups.push(made.cleanup);
    return [...(await loadPack(brokenPack)).errors, ...(await loadPack(made.pack)).errors];
  }

  it('each carries a key, and its English is the English catalog with its parameters', async () => {
    const errors = await allProblems();
    expect(errors.length).toBeGreaterThan(30);
    const english = translate('en', 'problems');
    for (const error of errors) {
      expect(error.key, error.message).toMatch(/^problems:[A-Za-z.]+$/);
      expect(renderText(english, error)).toBe(error.message);
    }
    const families = new Set(errors.map((e) => e.key!.split(':')[1]!.split('.')[0]));
    for (const family of ['wrap', 'zod', 'schema', 'yaml', 'file', 'refs', 'media', 'pack']) {
      expect(families, family).toContain(family);
    }
  });

  it('reads in ru, fr and uk with every parameter filled, never as English or a key', async () => {
    const errors = await allProblems();
    for (const language of APP_LANGUAGES) {
      const t = translate(language, 'problems');
      for (const error of errors) {
        const text = renderText(t, error);
        expectReadable(text, `${language}: ${error.key} ${error.message}`);
        for (const value of Object.values(error.params ?? {})) {
          // The value the author wrote is quoted as written, in every language.
          if (typeof value === 'string' && value.startsWith('"')) expect(text).toContain(value);
        }
        if (language !== 'en' && !/^problems:(yaml\.invalid|value\.)/.test(error.key!)) {
          expect(text, `${language}: ${error.message}`).not.toBe(error.message);
        }
      }
    }
  });

  it('quotes what an author typed without running it as a message', async () => {
    const copy = await copyPack(goodPack);
    cleanups.push(copy.cleanup);
    await writeFile(
      path.join(copy.pack, 'events/inject.yaml'),
      "kind: event\ntitle: t\nstart: '{{reason}} $t(problems:zod.invalid)'\ntimeZone: Europe/Paris\n",
    );
    const [error] = (await loadPack(copy.pack)).errors;
    for (const language of APP_LANGUAGES) {
      const text = renderText(translate(language, 'problems'), error!);
      expect(text).toContain('"{{reason}} $t(problems:zod.invalid)"');
    }
  });
});
