import { act, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  renderOnAirSlide,
  type OnAirInput,
} from '../../../../src/renderer/first-slide/render-on-air';
import { mediaUrl, setMediaToken } from '../../../../src/renderer/slides/context';
import {
  StoresContext,
  applyContent,
  applyShow,
  connectionWelcomed,
  createStores,
} from '../../../../src/renderer/stores';
import { DisplayView, FADE_MS } from '../../../../src/renderer/views/display/DisplayView';
import { createPreloader } from '../../../../src/renderer/views/display/preload';
import type { ContentSnapshot } from '../../../../src/shared/content';
import type { ShowState } from '../../../../src/shared/protocol';
import { inLanguage } from '../in-language';
import { caseItem, drawingItem, pack } from '../fixtures';
import {
  HOSTILE,
  NOW,
  PLAIN_SLIDES,
  TOKEN,
  content,
  hostileStatement,
  onAir,
  photoCase,
  video,
} from './on-air-fixtures';

const input = (c: ContentSnapshot, show: ShowState): OnAirInput => ({
  content: c,
  show,
  mediaToken: TOKEN,
  nowMs: NOW,
});

/** The kept markup as a page's parser reads it. */
function parse(html: string): HTMLElement {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  expect(holder.children).toHaveLength(1);
  return holder.firstElementChild as HTMLElement;
}

/**
 * The live display, connected the way the socket connects it (its media token, then the
 * content and the show, received at the show's serverTime: a zero clock offset), once its first
 * slide is up. Returns its root, the `.display`.
 */
async function liveDisplay(c: ContentSnapshot, show: ShowState): Promise<HTMLElement> {
  setMediaToken(TOKEN);
  const stores = createStores();
  const preloader = createPreloader(async () => undefined);
  const send = vi.fn(async () => ({ ok: true as const }));
  const { container } = render(
    inLanguage(
      <StoresContext.Provider value={stores}>
        <DisplayView fadeMs={FADE_MS} search="" send={send} preloader={preloader} />
      </StoresContext.Provider>,
    ).ui,
  );
  act(() => {
    connectionWelcomed({ clientId: 'c', role: 'display' }, stores.connection);
    applyContent(c, stores.content);
    applyShow(show, stores.show, show.serverTime);
  });
  await waitFor(() =>
    expect(container.querySelector('.slide-frame[data-phase="in"]')).not.toBeNull(),
  );
  // A copy: the live tree keeps rendering (its clocks), the comparison is of this moment.
  return container.firstElementChild!.cloneNode(true) as HTMLElement;
}

/** The live root's connection and sync state: what the socket says, never part of the look. */
const LIVE_ONLY = new Set(['data-status', 'data-sync-offset', 'data-lyric-line']);

/**
 * What the browser's text fit writes after measuring (fit/fit.ts): `--fit` in a box's style
 * and `data-fit`. The kept copy has neither (its boxes at their design size), so both are
 * left out of the comparison; nothing else is normalised.
 */
function styleOf(value: string): string {
  return value
    .split(';')
    .map((declaration) => declaration.trim())
    .filter(Boolean)
    .map((declaration) => {
      const at = declaration.indexOf(':');
      return `${declaration.slice(0, at).trim()}:${declaration.slice(at + 1).trim()}`;
    })
    .filter((declaration) => !declaration.startsWith('--fit:'))
    .sort()
    .join(';');
}

type Tree = string | { tag: string; attributes: Record<string, string>; children: Tree[] };

/** An element as compared: its tag, attributes and children, adjacent text joined. */
function tree(node: Node, root = true): Tree | null {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return null;
  const attributes: Record<string, string> = {};
  for (const { name, value } of [...node.attributes]) {
    if (name === 'data-fit' || (root && LIVE_ONLY.has(name))) continue;
    const kept = name === 'style' ? styleOf(value) : value;
    if (name !== 'style' || kept) attributes[name] = kept;
  }
  const copy = node.cloneNode(true);
  // React's client writes `— {author}` as two text nodes, its static markup as one.
  copy.normalize();
  const children = [...copy.childNodes]
    .map((child) => tree(child, false))
    .filter((child): child is Tree => child !== null);
  return { tag: `${node.namespaceURI}|${node.localName}`, attributes, children };
}

describe('renderOnAirSlide', () => {
  beforeEach(() => {
    // The display's clock and the kept copy's: the day counts must agree.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    // A screen whose pages ask for scaled photos (`w=`): the first slide still shows the files.
    vi.spyOn(window.screen, 'width', 'get').mockReturnValue(1920);
    vi.spyOn(window.screen, 'height', 'get').mockReturnValue(1080);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    setMediaToken(null);
  });

  describe('paints what the live display paints for its first slide', () => {
    it.each(PLAIN_SLIDES)('$name', async ({ content: c, show }) => {
      const kept = renderOnAirSlide(input(c, show));
      expect(kept).not.toBeNull();
      const live = await liveDisplay(c, show);
      const parsed = parse(kept!.html);
      expect(tree(parsed)).toEqual(tree(live));
      // The wrapper is there, and so is the frame the brief names.
      expect(
        parsed.querySelector(':scope > .stage > .slide-frame[data-phase="in"]'),
      ).not.toBeNull();
      expect(kept!.itemId).toBe(show.itemId);
      expect(kept!.lang).toBe(live.getAttribute('lang'));
    });

    it('shows the safe slide instead of a sensitive item in safe mode, as the display does', async () => {
      const show = onAir(caseItem.id, { safeMode: true });
      const kept = renderOnAirSlide(input(content(), show));
      expect(kept?.itemId).toBe('safe-statement');
      expect(tree(parse(kept!.html))).toEqual(tree(await liveDisplay(content(), show)));
      expect(kept!.html).not.toContain('Kagarlitsky');
    });

    it('fails when the markup differs from the display’s', async () => {
      const show = onAir(drawingItem.id);
      const kept = renderOnAirSlide(input(content(), show))!;
      const live = await liveDisplay(content(), show);
      const changed = parse(kept.html.replace('data-phase="in"', 'data-phase="out"'));
      expect(tree(changed)).not.toEqual(tree(live));
    });
  });

  describe('gives nothing when the first screen is not a plain slide', () => {
    const merchOn = {
      display: { ...pack.display, merchTable: { enabled: true, idleSeconds: 60 } },
    };
    const noSafeSlide = { safeSlide: undefined };
    const cases: { name: string; content: ContentSnapshot; show: ShowState }[] = [
      { name: 'a blackout', content: content(), show: onAir(caseItem.id, { blackout: true }) },
      { name: 'nothing on air (neutral)', content: content(), show: onAir(null) },
      { name: 'an item gone from the content', content: content(), show: onAir('gone') },
      { name: 'an event', content: content(), show: onAir('concert-paris') },
      { name: 'a song', content: content(), show: onAir('il-galeone') },
      {
        name: 'a song being sung',
        content: content(),
        show: onAir('internationale', {
          lyrics: { songId: 'internationale', line: 0, timed: null },
        }),
      },
      { name: 'a video', content: content(), show: onAir(video.id) },
      { name: 'the merch table mode', content: content(merchOn), show: onAir(caseItem.id) },
      {
        name: 'a sensitive item in safe mode with no safe slide',
        content: content(noSafeSlide),
        show: onAir(caseItem.id, { safeMode: true }),
      },
      {
        name: 'a screen turned by its own look',
        content: content(),
        show: onAir(caseItem.id, { look: { theme: 'pack', orientation: 'portrait' } }),
      },
      {
        name: 'a screen with its own theme',
        content: content(),
        show: onAir(caseItem.id, { look: { theme: 'dark', orientation: 'auto' } }),
      },
    ];
    it.each(cases)('$name', ({ content: c, show }) => {
      expect(renderOnAirSlide(input(c, show))).toBeNull();
    });

    it('but renders a screen whose own look is the pack’s, upright', () => {
      const show = onAir(caseItem.id, { look: { theme: 'pack', orientation: 'auto' } });
      expect(renderOnAirSlide(input(content(), show))).not.toBeNull();
    });
  });

  describe('lists the slide’s pictures', () => {
    it.each([
      [drawingItem.id, 'media/drawings/raised%20fist.svg?v=d1'],
      [photoCase.id, 'media/cases/boris%20photo.jpg?v=p2'],
    ])('%s: as written in the html, with the version and the token, unscaled', (id, file) => {
      const kept = renderOnAirSlide(input(content(), onAir(id)))!;
      const token = new URLSearchParams({ token: TOKEN }).toString();
      expect(kept.pictures.map((p) => p.url)).toEqual([`/media/${file}&${token}`]);
      expect(kept.pictures.map((p) => encodeURI(p.file))).toEqual([file.split('?')[0]]);
      const sources = [...parse(kept.html).querySelectorAll('img')].map((img) =>
        img.getAttribute('src'),
      );
      expect(sources).toEqual(kept.pictures.map((p) => p.url));
      // React's own image preloads are left out: the page's head names the pictures.
      expect(kept.html).not.toContain('<link');
      // Attribute-escaped in the html, plain in the list.
      expect(kept.html).toContain(`src="/media/${file}&amp;${token}"`);
      for (const { url } of kept.pictures) {
        const query = new URL(url, 'http://core').searchParams;
        expect(query.get('token')).toBe(TOKEN);
        expect(query.get('v')).not.toBeNull();
        expect(query.has('w')).toBe(false);
      }
      expect(parse(kept.html).querySelector('[style*="url("]')).toBeNull();
    });

    it('would ask this page’s width of any other slide (the check above can fail)', () => {
      expect(mediaUrl('media/cases/boris photo.jpg')).toContain('w=');
    });

    it('is empty for a slide with none', () => {
      expect(renderOnAirSlide(input(content(), onAir(caseItem.id)))?.pictures).toEqual([]);
    });
  });

  it('escapes the content’s text and attributes', () => {
    const kept = renderOnAirSlide(input(content(), onAir(hostileStatement.id)))!;
    expect(kept.html).not.toContain('<script');
    expect(kept.html).not.toContain('<b>');
    expect(kept.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ');
    expect(kept.html).toContain('Tom &amp; &quot;Jerry&quot;');
    const parsed = parse(kept.html);
    expect(parsed.querySelector('script, b')).toBeNull();
    expect(parsed.querySelector('.statement-text')?.textContent).toBe(HOSTILE);

    // An attribute: the drawing's alt text, from its title.
    const drawing = { ...drawingItem, title: { en: 'Fist "raised" & <b>' } };
    const c = content();
    c.items = c.items.map((item) => (item.id === drawing.id ? { ...item, ...drawing } : item));
    const keptDrawing = renderOnAirSlide(input(c, onAir(drawing.id)))!;
    expect(keptDrawing.html).toContain('alt="Fist &quot;raised&quot; &amp; &lt;b&gt;"');
    expect(parse(keptDrawing.html).querySelector('img')?.getAttribute('alt')).toBe(
      'Fist "raised" & <b>',
    );
  });
});
