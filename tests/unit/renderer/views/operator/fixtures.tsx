import { render } from '@testing-library/react';
import { act } from 'react';
import { vi } from 'vitest';
import { songSchema, type ContentSnapshot } from '../../../../../src/shared/content';
import type { ShowState } from '../../../../../src/shared/protocol';
import {
  StoresContext,
  applyContent,
  applyShow,
  connectionWelcomed,
  createStores,
} from '../../../../../src/renderer/stores';
import { OperatorView } from '../../../../../src/renderer/views/operator/OperatorView';
import { allItems, showState, snapshot } from '../../fixtures';

/** A song of two stanzas with an LRC, so the timed controls show. */
export const timedSong = songSchema.parse({
  kind: 'song',
  id: 'timed-song',
  title: { en: 'A timed song', ru: 'Песня' },
  artist: 'Someone',
  language: 'ru',
  sections: [
    {
      label: { en: 'Verse 1' },
      lines: [
        { ru: 'Первая строка', en: 'First line' },
        { ru: 'Вторая строка', en: 'Second line' },
      ],
    },
    {
      label: { en: 'Refrain' },
      lines: [{ ru: 'Припев', en: 'Refrain line' }],
    },
  ],
  lrc: '[00:01.00]Первая строка\n[00:04.50]Вторая строка\n[00:09.00]Припев\n',
});

export const setlist = {
  kind: 'setlist',
  id: 'concert',
  sensitive: false,
  title: { en: 'Concert night' },
  songs: ['internationale', 'il-galeone', 'timed-song'],
  interlude: 'main',
};

export const operatorItems = [...allItems, timedSong, setlist];

export function operatorSnapshot(overrides: Partial<ContentSnapshot> = {}): ContentSnapshot {
  return { ...snapshot(operatorItems), ...overrides };
}

/** The show with the Internationale on air and its lyrics cursor at `line`. */
export function lyricsShow(line = 0, overrides: Partial<ShowState> = {}): ShowState {
  return showState({
    itemId: 'internationale',
    order: ['boris-kagarlitsky', 'internationale'],
    position: 1,
    lyrics: { songId: 'internationale', line, timed: null },
    ...overrides,
  });
}

export function renderOperator(show: ShowState = showState(), content = operatorSnapshot()) {
  const stores = createStores();
  const operator = stores.operator;
  const send = vi.fn(async () => ({ ok: true as const }));
  const result = render(
    <StoresContext.Provider value={stores}>
      <OperatorView send={send} />
    </StoresContext.Provider>,
  );
  act(() => {
    connectionWelcomed({ clientId: 'me', role: 'operator' }, stores.connection);
    applyContent(content, stores.content);
    applyShow(show, stores.show);
  });
  return { ...result, stores, operator, send };
}
