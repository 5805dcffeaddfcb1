// @vitest-environment node
// The core renders the kept first slide in plain Node: no document, no window.
import { describe, expect, it } from 'vitest';
import { renderOnAirSlide } from '../../../../src/renderer/first-slide/render-on-air';
import { mediaUrl } from '../../../../src/renderer/slides/context';
import { caseItem, drawingItem } from '../fixtures';
import { NOW, PLAIN_SLIDES, TOKEN, content, onAir } from './on-air-fixtures';

describe('renderOnAirSlide in Node', () => {
  it('runs without a DOM', () => {
    expect(typeof document).toBe('undefined');
    expect(typeof window).toBe('undefined');
  });

  it.each(PLAIN_SLIDES)('renders $name', ({ content: c, show }) => {
    const kept = renderOnAirSlide({ content: c, show, mediaToken: TOKEN, nowMs: NOW });
    expect(kept?.itemId).toBe(show.itemId);
    expect(kept?.html).toMatch(
      /^<div class="display cursor-idle" [^>]*><div class="stage" [^>]*><div class="slide-frame" data-phase="in"/,
    );
  });

  it('has the catalogs’ words around the pack’s own text', () => {
    const html = (itemId: string) =>
      renderOnAirSlide({ content: content(), show: onAir(itemId), mediaToken: TOKEN, nowMs: NOW })!
        .html;
    expect(html(caseItem.id)).toContain('>days behind bars<');
    expect(html(caseItem.id)).toContain('<dt>Arrested</dt>');
    expect(html('free-boris-site')).toContain('<p class="action-type">Read and act</p>');
  });

  it('speaks the slide’s language, catalog words included', () => {
    const russian = PLAIN_SLIDES.find((slide) => slide.show.sequence === 1)!;
    const kept = renderOnAirSlide({ ...russian, mediaToken: TOKEN, nowMs: NOW })!;
    expect(kept.lang).toBe('ru');
    expect(kept.html).toContain('lang="ru"');
    expect(kept.html).toContain('Борис Кагарлицкий');
    expect(kept.html).toContain('за решёткой');
  });

  it('counts the days to the calendar date it is given', () => {
    const render = (nowMs: number) =>
      renderOnAirSlide({ content: content(), show: onAir(caseItem.id), mediaToken: TOKEN, nowMs });
    const counter = (html: string) => /case-days-number">([^<]*)</.exec(html)?.[1];
    expect(counter(render(NOW)!.html)).toBe('78');
    expect(counter(render(NOW + 86_400_000)!.html)).toBe('79');
  });

  it('leaves no token or version behind for the next call', () => {
    const show = onAir(drawingItem.id);
    const first = renderOnAirSlide({ content: content(), show, mediaToken: 'first', nowMs: NOW })!;
    expect(first.pictures[0]?.url).toContain('token=first');
    const bare = { ...content(), media: undefined };
    const second = renderOnAirSlide({ content: bare, show, mediaToken: 'second', nowMs: NOW })!;
    expect(second.pictures).toEqual([
      {
        file: 'media/drawings/raised fist.svg',
        url: '/media/media/drawings/raised%20fist.svg?token=second',
      },
    ]);
    expect(second.html).not.toContain('first');
    expect(mediaUrl('media/drawings/raised fist.svg', null)).toBe(
      '/media/media/drawings/raised%20fist.svg',
    );
  });

  it('names copies at the width it is given, and the files themselves by default', () => {
    const raster = PLAIN_SLIDES.map((slide) =>
      renderOnAirSlide({ ...slide, mediaToken: TOKEN, nowMs: NOW, mediaWidth: 1920 }),
    ).find((kept) => kept?.pictures.some(({ url }) => /\.(png|jpe?g|webp)\?/.test(url)));
    expect(raster).toBeDefined();
    const rasters = raster!.pictures
      .map((p) => p.url)
      .filter((u) => /\.(png|jpe?g|webp)\?/.test(u));
    for (const url of rasters) {
      expect(new URLSearchParams(url.split('?')[1]).get('w')).toBe('1920');
      expect(raster!.html).toContain(`src="${url.replace(/&/g, '&amp;')}"`);
    }
    const files = PLAIN_SLIDES.map((slide) =>
      renderOnAirSlide({ ...slide, mediaToken: TOKEN, nowMs: NOW }),
    ).flatMap((kept) => kept?.pictures.map((p) => p.url) ?? []);
    expect(files.length).toBeGreaterThan(0);
    for (const url of files) expect(url).not.toContain('w=');
  });

  it('gives nothing for a blackout', () => {
    const show = onAir(caseItem.id, { blackout: true });
    expect(
      renderOnAirSlide({ content: content(), show, mediaToken: TOKEN, nowMs: NOW }),
    ).toBeNull();
  });
});
