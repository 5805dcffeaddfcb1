import { describe, expect, it } from 'vitest';
import {
  consoleLanguage,
  itemName,
  itemTitle,
  kindLabel,
  roleKey,
  since,
} from '../../../../src/renderer/controls/text';
import { itemKinds, type ContentItem } from '../../../../src/shared/content';
import { APP_LANGUAGES, translate } from '../../../../src/shared/i18n';
import { snapshot } from '../fixtures';

const untitledDrawing = {
  kind: 'drawing',
  id: 'cell-window',
  artist: { en: 'Azat', ru: 'Азат' },
} as unknown as ContentItem;
const song = {
  kind: 'song',
  id: 'song',
  title: { en: 'The Internationale' },
} as unknown as ContentItem;

describe('item names on the console', () => {
  it('keeps the pack’s own words, and gives a key for the only words of ours', () => {
    expect(itemName(song, 'en')).toBe('The Internationale');
    expect(itemName(untitledDrawing, 'ru')).toEqual({
      key: 'item.drawingBy',
      params: { artist: 'Азат' },
    });
  });

  it('says "Drawing by …" in the reader’s language, the artist’s name as the pack spells it', () => {
    expect(itemTitle(untitledDrawing, 'en', translate('en', 'console'))).toBe('Drawing by Azat');
    expect(itemTitle(untitledDrawing, 'ru', translate('ru', 'console'))).toBe('Рисунок: Азат');
    expect(itemTitle(untitledDrawing, 'en', translate('fr', 'console'))).toBe('Dessin de Azat');
    // Any translator of the page will do: the key names its namespace itself.
    expect(itemTitle(untitledDrawing, 'en', translate('uk', 'remote'))).toBe('Малюнок: Azat');
  });

  it('names kinds and roles in the reader’s language; an unknown kind as it is', () => {
    expect(kindLabel('song', translate('fr', 'console'))).toBe('Chanson');
    expect(kindLabel('hologram', translate('fr', 'console'))).toBe('hologram');
    expect(kindLabel('video', translate('uk', 'console'))).toBe('Відео');
    expect(translate('ru', 'console')(roleKey('display'))).toBe('Экран в зале');
  });
});

describe('kindLabel for every kind', () => {
  it.each(APP_LANGUAGES)('names every item kind in %s, none left as its code', (language) => {
    const t = translate(language, 'console');
    expect(itemKinds.filter((kind) => kindLabel(kind, t) === kind)).toEqual([]);
  });
});

describe('since', () => {
  const now = Date.UTC(2026, 0, 1, 12);
  it('says how long ago by Intl, with the language’s own plural forms', () => {
    expect(since(now - 30_000, now, 'en')).toBe('now');
    expect(since(now - 4 * 60_000, now, 'en')).toBe('4 minutes ago');
    expect(since(now - 4 * 60_000, now, 'ru')).toBe('4 минуты назад');
    expect(since(now - 5 * 60_000, now, 'ru')).toBe('5 минут назад');
    expect(since(now - 21 * 60_000, now, 'uk')).toBe('21 хвилину тому');
    expect(since(now - 125 * 60_000, now, 'fr')).toBe('il y a 2 heures');
  });

  it('never says "in" for a clock that runs a little ahead', () => {
    expect(since(now + 90_000, now, 'en')).toBe('now');
  });
});

describe('consoleLanguage', () => {
  const content = snapshot();

  it("names items in the reader's language when the pack is written in it", () => {
    const written = content.pack.languages.find((l) => l !== content.pack.defaultLanguage);
    expect(written).toBeDefined();
    expect(consoleLanguage(content, written)).toBe(written);
  });

  it("falls back to the pack's default language for a reader the pack does not speak", () => {
    const unwritten = ['uk', 'fr', 'ru', 'de'].find((l) => !content.pack.languages.includes(l));
    expect(consoleLanguage(content, unwritten)).toBe(content.pack.defaultLanguage);
    expect(consoleLanguage(content)).toBe(content.pack.defaultLanguage);
    expect(consoleLanguage(null, 'fr')).toBe('en');
  });
});
