import { render } from '@testing-library/react';
import { act, type ReactNode } from 'react';
import { vi } from 'vitest';
import type { ItemBody, ItemList } from '../../../../../../src/shared/protocol/content-api';
import type { ContentApi } from '../../../../../../src/renderer/transport/content-api';
import { StoresContext, applyContent, createStores } from '../../../../../../src/renderer/stores';
import { EditorApiContext } from '../../../../../../src/renderer/views/operator/editor/api-context';
import EditorTab from '../../../../../../src/renderer/views/operator/editor/EditorTab';
import { snapshot } from '../../../fixtures';

export const V1 = 'aaaaaaaa';
export const V2 = 'bbbbbbbb';
export const V3 = 'cccccccc';

export const caseBody: ItemBody = {
  kind: 'case',
  name: { en: 'Boris Kagarlitsky', ru: 'Борис Кагарлицкий' },
  arrested: '2023-07-25',
  summary: { en: 'A prominent Russian socialist thinker.' },
};

export const itemList: ItemList = {
  languages: ['en', 'ru', 'fr'],
  defaultLanguage: 'en',
  items: [
    {
      id: 'boris-kagarlitsky',
      kind: 'case',
      title: 'Boris Kagarlitsky',
      file: 'items/boris-kagarlitsky.yaml',
      problems: [],
    },
    {
      id: 'azat-miftakhov',
      kind: 'case',
      title: 'Azat Miftakhov',
      file: 'items/azat-miftakhov.yaml',
      problems: [
        { message: 'The status has no French text.', field: 'status.fr', severity: 'warning' },
        { message: 'arrested is not a date', field: 'arrested', severity: 'error' },
        { message: 'x', field: 'photo', severity: 'error' },
      ],
    },
    {
      id: 'internationale',
      kind: 'song',
      title: 'The Internationale',
      file: 'items/internationale.yaml',
      problems: [],
    },
    { id: 'main', kind: 'playlist', title: 'Main loop', file: 'playlists/main.yaml', problems: [] },
  ],
};

/** A content API answering from memory; each method a spy the tests read and re-program. */
export function fakeApi() {
  const api = {
    list: vi.fn(async () => ({ status: 'ok' as const, value: itemList })),
    read: vi.fn(async (id: string) => ({
      status: 'ok' as const,
      value: {
        id,
        kind: 'case',
        file: `items/${id}.yaml`,
        version: V1,
        item: caseBody,
        problems: [],
      },
    })),
    save: vi.fn(async (id: string, _item: ItemBody, _ifMatch: string | null) => ({
      status: 'ok' as const,
      value: { id, file: `items/${id}.yaml`, version: V2, warnings: [] },
    })),
    remove: vi.fn(async (id: string, _removeReferences: boolean, _forget?: boolean) => ({
      status: 'ok' as const,
      value: { id, trashed: `.trash/${id}.yaml`, removedFrom: [] },
    })),
    history: vi.fn(async () => ({
      status: 'ok' as const,
      value: [{ version: V3, savedAt: '2026-11-02T10:15:00Z', size: 1234 }],
    })),
    restore: vi.fn(async (id: string, _version: string, _ifMatch: string | null) => ({
      status: 'ok' as const,
      value: { id, file: `items/${id}.yaml`, version: V3, warnings: [] },
    })),
    upload: vi.fn(),
    listImages: vi.fn(async () => ({ status: 'ok' as const, value: [] })),
    uploadVideo: vi.fn(),
    uploadSubtitles: vi.fn(),
  };
  // Checked here: the fake must stay a ContentApi as the contract changes.
  const contract: ContentApi = api;
  return Object.assign(contract, api);
}

export function renderEditor(api: ReturnType<typeof fakeApi> = fakeApi(), extra: ReactNode = null) {
  const stores = createStores();
  act(() => applyContent(snapshot(), stores.content));
  const result = render(
    <StoresContext.Provider value={stores}>
      <EditorApiContext.Provider value={api}>
        <EditorTab />
        {extra}
      </EditorApiContext.Provider>
    </StoresContext.Provider>,
  );
  return { ...result, stores, api };
}
