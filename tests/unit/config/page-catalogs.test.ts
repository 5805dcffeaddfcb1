// Which catalogs a page's code carries. Every catalog of every language and room was bundled
// into the pages' first script (~234 kB evaluated before the first render, most of the
// display's start-up beside reveal.js). A page now fetches only its own rooms in its own
// language (`shared/i18n/catalog-loaders.ts`); a static import of the full table, or of any
// non-English catalog, anywhere in a page's code would quietly put them all back.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../../src');

/** Value imports, re-exports and `import('./x')` (`import type` and `export type` load nothing). */
const IMPORTS = [
  /^\s*(?:import|export)\s+(?!type\s)(?:[\s\S]*?\s+from\s+)?'([^']+)'/gm,
  /\bimport\(\s*'([^']+)'\s*\)/g,
];

function resolveLocal(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (
      existsSync(candidate) &&
      !candidate.endsWith(path.sep) &&
      /\.(tsx?|json)$/.test(candidate)
    ) {
      return candidate;
    }
  }
  throw new Error(`${from}: cannot resolve ${specifier}`);
}

/** Every file of ours a page's code reaches, each with the chain that reaches it. */
function reached(entry: string): Map<string, string[]> {
  const files = new Map<string, string[]>();
  const walk = (file: string, chain: string[]) => {
    const name = path.relative(SRC, file);
    if (files.has(name)) return;
    const here = [...chain, name];
    files.set(name, here);
    if (file.endsWith('.json')) return;
    const source = readFileSync(file, 'utf8');
    for (const pattern of IMPORTS) {
      for (const match of source.matchAll(pattern)) {
        const specifier = match[1]!;
        if (!specifier.startsWith('.') || specifier.endsWith('.css')) continue;
        walk(resolveLocal(file, specifier), here);
      }
    }
  };
  walk(path.join(SRC, entry), []);
  return files;
}

/** The English the core's words carry (`coreText`, `problem`): a page words its own refusals. */
const ENGLISH_FOR_CORE_WORDS = [
  'shared/i18n/locales/en/core.json',
  'shared/i18n/locales/en/problems.json',
];

describe("a page's code carries no catalog of its own", () => {
  it.each(['renderer/app/main.tsx', 'renderer/views/kiosk-lock/main.ts'])(
    '%s (and every view it loads) reaches neither the table of all catalogs nor another language',
    (entry) => {
      const files = reached(entry);
      const bundled = [...files.keys()].filter(
        (file) =>
          file === 'shared/i18n/catalogs.ts' ||
          (file.startsWith('shared/i18n/locales/') && !ENGLISH_FOR_CORE_WORDS.includes(file)),
      );
      expect(bundled.map((file) => files.get(file)!.join(' -> '))).toEqual([]);
      // The walk itself works: the fetching translator is found on the same path.
      expect(files.has('shared/i18n/lazy-translator.ts')).toBe(true);
    },
  );

  it('the views the entry loads are walked too', () => {
    const files = reached('renderer/app/main.tsx');
    for (const view of ['display/DisplayView', 'operator/OperatorView', 'overlay/OverlayView']) {
      expect(files.has(`renderer/views/${view}.tsx`)).toBe(true);
    }
  });
});
