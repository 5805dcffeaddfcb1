import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generatePack } from '../../../bench/generate-pack';
import { buildRevealDeck } from '../../../bench/reveal-deck';

describe('buildRevealDeck', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const build = () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'reveal-deck-'));
    const pack = path.join(root, 'pack');
    generatePack(
      pack,
      { cases: 2, songs: 1, drawings: 2, statements: 1 },
      { order: 'interleaved' },
    );
    return { pack, deck: buildRevealDeck(pack, path.join(root, 'deck'), '/reveal-dist') };
  };

  it('has one slide per playlist item, in the playlist order, with the same image files', () => {
    const { pack, deck } = build();
    const html = readFileSync(path.join(deck.dir, 'index.html'), 'utf8');
    const ids = [...html.matchAll(/<section data-item-id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['drawing-0', 'case-0', 'song-0', 'statement-0', 'drawing-1', 'case-1']);
    expect(deck.slides).toBe(6);
    expect(html).toContain('data-src="/media/drawings/drawing-0.png"');
    expect(html).toContain('Free them all 0');
    expect(deck.mounts).toContain(`/media/=${path.join(pack, 'media')}`);
    expect(deck.mounts).toContain('/reveal/=/reveal-dist');
  });

  it('loads reveal.js only from the local mount, never from another origin', () => {
    const { deck } = build();
    const html = readFileSync(path.join(deck.dir, 'index.html'), 'utf8');
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(source).toMatch(/^\/(?!\/)/);
  });

  it('escapes text from the pack, so a slide cannot inject markup', () => {
    const { pack } = build();
    const statement = path.join(pack, 'statements', 'statement-0.yaml');
    writeFileSync(statement, 'kind: statement\ntext: { en: "<script>alert(1)</script> & co" }\n');
    const deck = buildRevealDeck(pack, path.join(root, 'deck2'), '/reveal-dist');
    const html = readFileSync(path.join(deck.dir, 'index.html'), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(html).not.toContain('<script>alert(1)');
  });
});
