import { describe, expect, it } from 'vitest';
import { runValidate } from '../../../../src/main/content';
import { brokenPack, goodPack } from './helpers';

async function run(dir: string): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runValidate(dir, (line) => lines.push(line));
  return { code, lines };
}

describe('runValidate', () => {
  it('exits 0 on a clean pack with a one-line summary', async () => {
    const { code, lines } = await run(goodPack);
    expect(code).toBe(0);
    expect(lines).toEqual([`${goodPack}/: 7 items, no problems`]);
  });

  it('exits 1 on the broken pack and prints every problem, formatted', async () => {
    const { code, lines } = await run(`${brokenPack}/`);
    expect(code).toBe(1);
    expect(lines).toContain(
      'cases/boris.yaml:7 arrested: expected a date like 2023-07-25, got "July"',
    );
    expect(lines).toContain('playlists/main.yaml:7 items.3: no item with id "nobody"');
    expect(lines).toContain(
      'cases/boris.txt: unsupported file type .txt; item files are .yaml, .yml or .md',
    );
    expect(lines.at(-1)).toBe(`${brokenPack}/: 8 items, ${lines.length - 1} problems`);
  });

  it('counts in the singular', async () => {
    const { code, lines } = await run('/nonexistent/pack');
    expect(code).toBe(1);
    expect(lines).toEqual([
      '.: the pack folder /nonexistent/pack does not exist',
      '/nonexistent/pack/: 0 items, 1 problem',
    ]);
  });
});
