import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../../../src/main/content';
import { copyPack, goodPack, yamlish } from './helpers';

let pack: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ pack, cleanup } = await copyPack(goodPack));
});
afterAll(() => cleanup());

describe('loadPack on random item files', () => {
  it.each(['fuzz.yaml', 'fuzz.md'])(
    'never throws and either loads %s or names it in an error',
    async (name) => {
      const file = path.join(pack, 'statements', name);
      await fc.assert(
        fc.asyncProperty(yamlish, fc.boolean(), async (text, asMarkdown) => {
          const content = name.endsWith('.md') && asMarkdown ? `---\n${text}\n---\nBody` : text;
          await writeFile(file, content);
          const result = await loadPack(pack);
          const source = `statements/${name}`;
          const loaded = result.items.some((i) => i.source === source);
          const reported = result.errors.some((e) => e.file === source);
          expect(loaded || reported).toBe(true);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          for (const error of result.errors) {
            expect(typeof error.message).toBe('string');
            expect(error.message.length).toBeGreaterThan(0);
            if (error.line !== undefined) expect(error.line).toBeGreaterThanOrEqual(1);
          }
        }),
        { numRuns: 100 },
      );
    },
    60_000,
  );
});
