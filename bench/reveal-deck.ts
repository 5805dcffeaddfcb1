// A reveal.js deck of the same slides as a generated pack: the same items in the same order,
// the same text (in the pack's default language) and the same image files. It stands for "a
// static deck" in the first-slide comparison, so it is plain reveal.js: the stock theme, the
// script from node_modules, images through reveal's own lazy loading (`data-src`) and sizing
// (`r-stretch`: the drawing fills what the credit line leaves).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { GeneratedPackSize } from './generate-pack';

type Localized = string | Record<string, string> | undefined;
type Fields = Record<string, unknown>;

const FOLDERS: Record<string, string> = {
  case: 'cases',
  song: 'songs',
  drawing: 'drawings',
  statement: 'statements',
};

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

function textIn(language: string) {
  return (value: unknown): string => {
    const v = value as Localized;
    if (v === undefined) return '';
    const chosen = typeof v === 'string' ? v : (v[language] ?? Object.values(v)[0] ?? '');
    return escapeHtml(String(chosen));
  };
}

/** One `<section>` per item, with what our slide of that kind shows. */
function section(id: string, item: Fields, text: (v: unknown) => string): string {
  const body = (() => {
    switch (item.kind) {
      case 'drawing':
        // The pack names images relative to itself; the deck serves the pack's media/ at /media/.
        return `<img data-src="/${escapeHtml(String(item.image))}" alt="" class="r-stretch">
      <p>${text(item.artist)}</p>`;
      case 'case': {
        const link = (item.links as { label: unknown; url: string }[] | undefined)?.[0];
        return `<h2>${text(item.name)}</h2>
      <p>Arrested ${escapeHtml(String(item.arrested))}</p>
      <p>${text(item.charge)}</p>
      <p>${text(item.status)}</p>
      <p>${text(item.summary)}</p>
      <p>As of ${text(item.asOf)}</p>${link ? `\n      <p>${text(link.label)}: ${escapeHtml(link.url)}</p>` : ''}`;
      }
      case 'song': {
        const sections = (item.sections as { lines: Localized[] }[] | undefined) ?? [];
        const first = sections[0]?.lines ?? [];
        return `<h2>${text(item.title)}</h2>
      <p>${text(item.artist)}</p>
      ${first.map((line) => `<p>${textIn(String(item.language ?? ''))(line) || text(line)}</p>`).join('\n      ')}`;
      }
      case 'statement':
        return `<blockquote>${text(item.text)}</blockquote>`;
      default:
        throw new Error(`${id}: no reveal.js slide for kind ${String(item.kind)}`);
    }
  })();
  return `    <section data-item-id="${escapeHtml(id)}">
      ${body}
    </section>`;
}

/** 30 slides, interleaved from a drawing, as in the comparison the issue describes. */
export const REVEAL_PACK: GeneratedPackSize = { cases: 8, songs: 7, drawings: 8, statements: 7 };

export interface RevealDeck {
  dir: string;
  slides: number;
  /** For bench/static-server.mjs: URL prefix = folder. */
  mounts: string[];
}

/** Writes `deckDir/index.html` from the pack's default playlist. */
export function buildRevealDeck(packDir: string, deckDir: string, revealDist: string): RevealDeck {
  const read = (file: string) => parse(readFileSync(path.join(packDir, file), 'utf8')) as Fields;
  const pack = read('pack.yaml');
  const text = textIn(String(pack.defaultLanguage ?? 'en'));
  const playlist = read(`playlists/${String(pack.defaultPlaylist)}.yaml`);
  const ids = playlist.items as string[];
  const sections = ids.map((id) => {
    const kind = id.slice(0, id.lastIndexOf('-'));
    const folder = FOLDERS[kind];
    if (!folder) throw new Error(`${id}: not an item the pack generator writes`);
    return section(id, read(`${folder}/${id}.yaml`), text);
  });
  mkdirSync(deckDir, { recursive: true });
  writeFileSync(
    path.join(deckDir, 'index.html'),
    `<!doctype html>
<html lang="${escapeHtml(String(pack.defaultLanguage ?? 'en'))}">
<head>
  <meta charset="utf-8">
  <title>${text(pack.title)}</title>
  <link rel="stylesheet" href="/reveal/reveal.css">
  <link rel="stylesheet" href="/reveal/theme/black.css">
</head>
<body>
<div class="reveal">
  <div class="slides">
${sections.join('\n')}
  </div>
</div>
<script src="/reveal/reveal.js"></script>
<script>Reveal.initialize({ hash: false, controls: false, progress: false });</script>
</body>
</html>
`,
  );
  return {
    dir: deckDir,
    slides: sections.length,
    mounts: [`/=${deckDir}`, `/media/=${path.join(packDir, 'media')}`, `/reveal/=${revealDist}`],
  };
}
