import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { PackApi } from '../../../../../../../src/renderer/transport/pack-api';
import { EventPackPanel } from '../../../../../../../src/renderer/views/operator/editor/pack/EventPackPanel';
import { coreText } from '../../../../../../../src/shared/protocol/localized-text';
import { createTranslator } from '../../../../../../../src/shared/i18n';
import type { PackImported } from '../../../../../../../src/shared/protocol/content-api';

const LISTS = [
  { id: 'merch-table', kind: 'playlist', title: 'Merch table' },
  { id: 'concert', kind: 'setlist', title: 'Concert' },
];

const SUMMARY: PackImported = {
  dryRun: true,
  items: { case: 2, statement: 3, playlist: 1 },
  totalSize: 3 * 1024 * 1024,
  appVersion: '0.1.0',
  createdAt: '2026-11-30T10:00:00.000Z',
  playlists: [],
  previous: null,
};

function fakePackApi(overrides: Partial<PackApi> = {}) {
  return {
    exportPack: vi.fn<PackApi['exportPack']>(async () => ({
      status: 'ok' as const,
      value: {
        zip: new Blob([new Uint8Array(2048)]),
        fileName: 'free-them-all-2026-12-06.zip',
        sizes: { case: 4096, media: 2 * 1024 * 1024 },
      },
    })),
    importPack: vi.fn<PackApi['importPack']>(async (_zip, dryRun) => ({
      status: 'ok' as const,
      value: { ...SUMMARY, dryRun, previous: dryRun ? null : '/srv/show/content.previous' },
    })),
    ...overrides,
  };
}

function renderPanel(api: PackApi, wrap: (node: ReactNode) => ReactNode = (n) => n) {
  const save = vi.fn();
  render(wrap(<EventPackPanel api={api} lists={LISTS} onClose={() => {}} save={save} />));
  return { save };
}

const zipFile = () => new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'picket.zip');

describe('the event pack panel: export', () => {
  it('exports the whole pack by default, downloads the zip and shows the sizes per kind', async () => {
    const api = fakePackApi();
    const { save } = renderPanel(api);
    fireEvent.click(screen.getByTestId('pack-export'));
    await screen.findByTestId('pack-exported');
    expect(api.exportPack).toHaveBeenCalledWith([], false);
    expect(save).toHaveBeenCalledWith(expect.any(Blob), 'free-them-all-2026-12-06.zip');
    const sizes = screen.getByTestId('pack-export-sizes');
    expect(sizes).toHaveTextContent('Cases');
    expect(sizes).toHaveTextContent('Media');
    expect(sizes).toHaveTextContent('2 MB');
  });

  it('exports only the chosen playlists and setlists', async () => {
    const api = fakePackApi();
    renderPanel(api);
    fireEvent.click(screen.getByTestId('pack-list-concert'));
    expect(screen.getByTestId('pack-export')).toHaveTextContent('Export 1 list');
    fireEvent.click(screen.getByTestId('pack-export'));
    await waitFor(() => expect(api.exportPack).toHaveBeenCalledWith(['concert'], false));
  });

  it('shows a refusal with the content’s problems, and offers to export anyway only then', async () => {
    const api = fakePackApi({
      exportPack: vi.fn<PackApi['exportPack']>(async () => ({
        status: 'refused' as const,
        refused: {
          error: coreText('eventPack.hasProblems', { count: 1, dir: '/srv/show/content' }),
          errors: [{ file: 'cases/x.yaml', field: 'name', message: 'name is missing' }],
        },
      })),
    });
    const { save } = renderPanel(api);
    expect(screen.queryByTestId('pack-export-force')).toBeNull();
    fireEvent.click(screen.getByTestId('pack-export'));
    const error = await screen.findByTestId('pack-export-error');
    expect(error).toHaveTextContent('the content has problems');
    expect(error).toHaveTextContent('cases/x.yaml name');
    expect(save).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('pack-export-force'));
    await waitFor(() => expect(api.exportPack).toHaveBeenLastCalledWith([], true));
  });
});

describe('the event pack panel: import', () => {
  it('checks the zip first (a dry run), shows what it holds, and replaces only on confirm', async () => {
    const api = fakePackApi();
    renderPanel(api);
    const file = zipFile();
    fireEvent.change(screen.getByTestId('pack-import-file'), { target: { files: [file] } });
    const summary = await screen.findByTestId('pack-import-summary');
    expect(api.importPack).toHaveBeenCalledTimes(1);
    expect(api.importPack).toHaveBeenCalledWith(file, true);
    expect(summary).toHaveTextContent('picket.zip');
    expect(screen.getByTestId('pack-import-items')).toHaveTextContent('Statements3');
    fireEvent.click(screen.getByTestId('pack-import-replace'));
    const done = await screen.findByTestId('pack-imported');
    expect(api.importPack).toHaveBeenLastCalledWith(file, false);
    expect(done).toHaveTextContent('The previous content is kept in /srv/show/content.previous');
  });

  it('cancel after the check replaces nothing', async () => {
    const api = fakePackApi();
    renderPanel(api);
    fireEvent.change(screen.getByTestId('pack-import-file'), { target: { files: [zipFile()] } });
    fireEvent.click(await screen.findByTestId('pack-import-cancel'));
    expect(screen.queryByTestId('pack-import-summary')).toBeNull();
    expect(api.importPack).toHaveBeenCalledTimes(1);
  });

  it('a refused zip says why in the reader’s language, and offers no replace', async () => {
    const api = fakePackApi({
      importPack: vi.fn<PackApi['importPack']>(async () => ({
        status: 'refused' as const,
        refused: { error: coreText('eventPack.nameParent', { name: '../evil.yaml' }), errors: [] },
      })),
    });
    renderPanel(api, (node) => (
      <I18nextProvider i18n={createTranslator('fr')}>{node}</I18nextProvider>
    ));
    fireEvent.change(screen.getByTestId('pack-import-file'), { target: { files: [zipFile()] } });
    const error = await screen.findByTestId('pack-import-error');
    expect(error).toHaveTextContent('Refusé');
    expect(error).toHaveTextContent('../evil.yaml');
    expect(error).not.toHaveTextContent('would lead out of the pack');
    expect(screen.queryByTestId('pack-import-replace')).toBeNull();
  });
});
