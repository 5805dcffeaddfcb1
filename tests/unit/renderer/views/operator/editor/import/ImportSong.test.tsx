import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { songSchema } from '../../../../../../../src/shared/content/schema';
import { MAX_IMPORT_BYTES } from '../../../../../../../src/shared/content/import';
import { ImportSong } from '../../../../../../../src/renderer/views/operator/editor/import/ImportSong';
import { inLanguage } from '../../../../in-language';
import bilingualXml from '../../../../../../fixtures/import/internationale-bilingual.xml?raw';

function renderDialog(language: 'en' | 'fr' | 'ru' | 'uk' = 'en') {
  const onImported = vi.fn();
  const onCancel = vi.fn();
  render(
    inLanguage(
      <ImportSong languages={['ru', 'en', 'fr']} onImported={onImported} onCancel={onCancel} />,
      language,
    ).ui,
  );
  return { onImported, onCancel };
}

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

async function chooseFile(file: File) {
  fireEvent.click(screen.getByRole('tab', { name: 'File' }));
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
}

describe('ImportSong', () => {
  it('turns two pasted columns into a song of line pairs and hands it on', () => {
    const { onImported } = renderDialog();
    expect(screen.getByTestId('import-use')).toBeDisabled();
    type(
      'Original lyrics',
      'Вставай, проклятьем заклеймённый,\nВесь мир голодных и рабов!\n\nЭто есть наш последний',
    );
    type(
      'Translated lyrics',
      'Arise, you who are branded with a curse,\nThe whole world of the hungry and the slaves!\n\nThis is our last',
    );
    type('Title', 'Интернационал');
    type('Artist', 'Аркадий Коц');

    const stanzas = screen.getAllByTestId('import-stanza');
    expect(stanzas).toHaveLength(2);
    expect(within(stanzas[0]!).getByText('Весь мир голодных и рабов!')).toBeInTheDocument();
    expect(
      within(stanzas[0]!).getByText('The whole world of the hungry and the slaves!'),
    ).toBeInTheDocument();
    expect(screen.getByText('2 stanzas · 3 lines')).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('import-use'));
    expect(onImported).toHaveBeenCalledTimes(1);
    const song = onImported.mock.calls[0]![0] as Record<string, unknown>;
    expect(song).toMatchObject({
      kind: 'song',
      title: 'Интернационал',
      artist: 'Аркадий Коц',
      language: 'ru',
    });
    expect(song.sections).toEqual([
      {
        lines: [
          {
            ru: 'Вставай, проклятьем заклеймённый,',
            en: 'Arise, you who are branded with a curse,',
          },
          { ru: 'Весь мир голодных и рабов!', en: 'The whole world of the hungry and the slaves!' },
        ],
      },
      { lines: [{ ru: 'Это есть наш последний', en: 'This is our last' }] },
    ]);
    expect(songSchema.safeParse(song).success).toBe(true);
  });

  it('says in words which stanza lost its pair, and still keeps the line', () => {
    const { onImported } = renderDialog();
    type('Original lyrics', 'Один\nДва');
    type('Translated lyrics', 'One');
    expect(screen.getByTestId('import-warnings')).toHaveTextContent(
      'Stanza 1: lines in the original: 2; in the translation: 1.',
    );
    fireEvent.click(screen.getByTestId('import-use'));
    const song = onImported.mock.calls[0]![0] as { sections: unknown };
    expect(song.sections).toEqual([{ lines: [{ ru: 'Один', en: 'One' }, { ru: 'Два' }] }]);
  });

  it('reads one box of alternating lines with the translation language chosen', () => {
    const { onImported } = renderDialog();
    fireEvent.click(screen.getByLabelText('One box'));
    fireEvent.change(screen.getByLabelText('Translation'), { target: { value: 'fr' } });
    type('Lyrics', 'Вставай\nDebout\n\nБой\nLutte');
    fireEvent.click(screen.getByTestId('import-use'));
    expect((onImported.mock.calls[0]![0] as { sections: unknown }).sections).toEqual([
      { lines: [{ ru: 'Вставай', fr: 'Debout' }] },
      { lines: [{ ru: 'Бой', fr: 'Lutte' }] },
    ]);
  });

  it('loads an OpenLyrics file and shows its stanzas and warnings', async () => {
    const { onImported } = renderDialog();
    await chooseFile(new File([bilingualXml], 'song.xml', { type: 'text/xml' }));
    await waitFor(() => expect(screen.getAllByTestId('import-stanza')).toHaveLength(4));
    expect(screen.getByText('Read as OpenLyrics: song.xml')).toBeInTheDocument();
    expect(screen.getByTestId('import-warnings')).toHaveTextContent(
      'Verse “v2”: lines in the original: 4; in English: 3.',
    );
    fireEvent.click(screen.getByTestId('import-use'));
    expect(songSchema.safeParse(onImported.mock.calls[0]![0]).success).toBe(true);
  });

  it('refuses a file larger than a song by its size, and one it cannot read', async () => {
    const { onImported } = renderDialog();
    const huge = new File(['x'.repeat(MAX_IMPORT_BYTES + 1)], 'huge.cho');
    const text = vi.spyOn(huge, 'text');
    await chooseFile(huge);
    await waitFor(() =>
      expect(screen.getByTestId('import-error')).toHaveTextContent('larger than 1,024 KiB'),
    );
    expect(text).not.toHaveBeenCalled();
    await chooseFile(new File(['MZ'], 'virus.exe'));
    await waitFor(() =>
      expect(screen.getByTestId('import-error')).toHaveTextContent('cannot be imported'),
    );
    expect(screen.getByTestId('import-use')).toBeDisabled();
    expect(onImported).not.toHaveBeenCalled();
  });

  it('refuses an XML file with a DOCTYPE in words', async () => {
    renderDialog();
    await chooseFile(
      new File(['<!DOCTYPE song [<!ENTITY x SYSTEM "file:///etc/passwd">]><song/>'], 'evil.xml'),
    );
    await waitFor(() => expect(screen.getByTestId('import-error')).toHaveTextContent('DOCTYPE'));
  });

  it('speaks the reader’s language', () => {
    renderDialog('fr');
    expect(screen.getByRole('tab', { name: 'Coller' })).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Paroles originales'), {
      target: { value: 'Один\nДва' },
    });
    fireEvent.change(screen.getByLabelText('Paroles traduites'), { target: { value: 'Un' } });
    expect(screen.getByTestId('import-warnings')).toHaveTextContent('Strophe 1');
    expect(screen.getByRole('button', { name: 'Prendre cette chanson' })).toBeEnabled();
  });

  it('cancels', () => {
    const { onCancel, onImported } = renderDialog();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
    expect(onImported).not.toHaveBeenCalled();
  });
});
