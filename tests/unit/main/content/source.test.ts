import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, parseYaml, parseYamlCarefully } from '../../../../src/main/content/source';
import { fixturesDir, yamlish } from './helpers';

const builtInPack = path.resolve(fixturesDir, '../../content');

describe('parseYaml', () => {
  it('reads plain item YAML, with dates kept as text', () => {
    const parsed = parseYaml('kind: event\nstarts: 2026-05-01\ncount: 0o17\nok: True\n', 'e.yaml');
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual({ kind: 'event', starts: '2026-05-01', count: 15, ok: true });
  });

  it('finds the line of a field without having kept positions from the first parse', () => {
    const parsed = parseYaml(
      'kind: song\ntitle:\n  en: Hi\n  ru: Привет\nsections: []\n',
      's.yaml',
    );
    expect(parsed.lines.lineOf(['title', 'ru'])).toBe(4);
    expect(parsed.lines.lineOf(['sections'])).toBe(5);
    expect(parsed.lines.lineOf(['nothing', 'here'])).toBe(1);
  });

  it('shifts lines for front matter inside Markdown', () => {
    const parsed = parseMarkdown('---\nkind: case\nname: Boris\n---\n\nThe text.\n', 'c.md');
    expect(parsed.errors).toEqual([]);
    expect(parsed.lines.lineOf(['name'])).toBe(3);
    expect(parsed.body).toEqual({ text: 'The text.', line: 6 });
  });

  it.each([
    ['a duplicate key', 'kind: case\nkind: song\n', /the same field is written twice/, 2],
    ['an unclosed quote', 'kind: case\nname: "Boris\nbody: x\n', /"quoted text" is not closed/, 2],
    ['tab indentation', 'title:\n\ten: Hi\n', /tabs cannot be used/, 2],
    ['two documents', 'kind: case\n---\nkind: song\n', /several documents/, 2],
  ])('reports %s with the friendly message and its line', (_what, text, message, line) => {
    const parsed = parseYaml(text, 'x.yaml');
    expect(parsed.data).toBeUndefined();
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toMatchObject({ file: 'x.yaml', line });
    expect(parsed.errors[0]?.message).toMatch(message);
  });

  it('still refuses an alias bomb', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) {
      const ref = `*${String.fromCharCode(96 + i)}`;
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(ref).join(', ')}]`,
      );
    }
    const parsed = parseYaml(levels.join('\n'), 'bomb.yaml');
    expect(parsed.errors[0]?.message).toMatch(/alias bomb/);
  });

  it('allows the few aliases an author may use', () => {
    const parsed = parseYaml('a: &name Boris\nb: *name\n', 'ok.yaml');
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual({ a: 'Boris', b: 'Boris' });
  });

  // The fast path must never accept what the careful one refuses, nor read a value differently:
  // authors see the careful parser's errors, the show sees the fast one's data.
  it('agrees with the careful parser on random YAML-like text', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        const fast = parseYaml(text, 'fuzz.yaml');
        const careful = parseYamlCarefully(text, 'fuzz.yaml');
        expect(fast.errors).toEqual(careful.errors);
        expect(fast.data).toEqual(careful.data);
        for (const path of [[], ['kind'], ['title', 'en'], ['items', 1]]) {
          expect(fast.lines.lineOf(path)).toBe(careful.lines.lineOf(path));
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2_000) },
    );
  }, 120_000);

  it('agrees with the careful parser on every YAML file of the built-in pack and the fixtures', () => {
    const files = [builtInPack, path.join(fixturesDir, 'packs')].flatMap((root) =>
      readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
        .map((entry) => path.join(entry.parentPath, entry.name)),
    );
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const careful = parseYamlCarefully(text, file);
      const fast = parseYaml(text, file);
      expect({ file, errors: fast.errors, data: fast.data }).toEqual({
        file,
        errors: careful.errors,
        data: careful.data,
      });
    }
  });
});
