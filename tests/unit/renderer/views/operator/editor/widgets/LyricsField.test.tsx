import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LyricsField } from '../../../../../../../src/renderer/views/operator/editor/widgets/LyricsField';
import { renderWidget } from './harness';

const spec = { type: 'lyrics' } as const;
const song = { kind: 'song', language: 'ru' };
const cell = (line: number, language: string) =>
  screen.getByRole('textbox', { name: `Line ${line}, ${language}` });

function paste(target: HTMLElement, text: string) {
  return fireEvent.paste(target, { clipboardData: { getData: () => text } });
}

describe('LyricsField', () => {
  it('has a column per language, the song’s own first, and one for any other a line has', () => {
    renderWidget(LyricsField, {
      path: ['sections'],
      spec,
      parent: song,
      value: [{ lines: [{ ru: 'Стены рухнут', uk: 'Стіни впадуть' }] }],
    });
    const headers = within(screen.getByRole('table'))
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    expect(headers.slice(1, -1)).toEqual(['RU', 'EN', 'FR', 'UK']);
    expect(cell(1, 'uk')).toHaveValue('Стіни впадуть');
  });

  it('fills a column line by line from three pasted lines, adding the lines it needs', () => {
    const form = renderWidget(LyricsField, {
      path: ['sections'],
      spec,
      parent: song,
      value: [{ label: 'Куплет', lines: [{ ru: 'Стены рухнут' }] }],
    });
    paste(cell(1, 'en'), 'The walls will fall\r\nThe doors will open\n\nWe will be free\n');
    expect(form.last()).toEqual([
      {
        label: 'Куплет',
        lines: [
          { ru: 'Стены рухнут', en: 'The walls will fall' },
          { en: 'The doors will open' },
          { en: 'We will be free' },
        ],
      },
    ]);
    expect(screen.getAllByRole('row')).toHaveLength(4);
  });

  it('leaves a one-line paste to the cell itself', () => {
    const form = renderWidget(LyricsField, {
      path: ['sections'],
      spec,
      parent: song,
      value: [{ lines: [{ ru: 'а' }] }],
    });
    const event = paste(cell(1, 'en'), 'only one line');
    expect(event).toBe(true);
    expect(form.changes).toEqual([]);
  });

  it('writes a cell, and takes an emptied cell out of its line', () => {
    const form = renderWidget(LyricsField, {
      path: ['sections'],
      spec,
      parent: song,
      value: [{ lines: [{ ru: 'а', en: 'a' }] }],
    });
    fireEvent.change(cell(1, 'fr'), { target: { value: 'à' } });
    expect(form.last()).toEqual([{ lines: [{ ru: 'а', en: 'a', fr: 'à' }] }]);
    fireEvent.change(cell(1, 'en'), { target: { value: '' } });
    expect(form.last()).toEqual([{ lines: [{ ru: 'а', fr: 'à' }] }]);
  });

  it('adds, moves and removes lines and sections', () => {
    const form = renderWidget(LyricsField, {
      path: ['sections'],
      spec,
      parent: song,
      value: [{ lines: [{ ru: 'один' }, { ru: 'два' }] }],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Move line 2 up' }));
    expect(form.last()).toEqual([{ lines: [{ ru: 'два' }, { ru: 'один' }] }]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove line 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a line' }));
    expect(form.last()).toEqual([{ lines: [{ ru: 'один' }, {}] }]);
    fireEvent.click(screen.getByRole('button', { name: 'Add a section' }));
    fireEvent.change(screen.getAllByRole('textbox', { name: 'Label' })[1]!, {
      target: { value: 'Припев' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Move section 2 up' }));
    expect(form.last()).toEqual([
      { label: 'Припев', lines: [{}] },
      { lines: [{ ru: 'один' }, {}] },
    ]);
    fireEvent.click(screen.getAllByRole('button', { name: 'Remove section' })[0]!);
    expect(form.last()).toEqual([{ lines: [{ ru: 'один' }, {}] }]);
  });

  it('edits a label written per language in the song’s language, keeping the others', () => {
    const form = renderWidget(LyricsField, {
      path: ['sections'],
      spec,
      parent: song,
      value: [{ label: { ru: 'Припев', en: 'Chorus' }, lines: [{ ru: 'а' }] }],
    });
    const label = screen.getByRole('textbox', { name: 'Label' });
    expect(label).toHaveValue('Припев');
    fireEvent.change(label, { target: { value: 'Рефрен' } });
    expect(form.last()).toEqual([{ label: { ru: 'Рефрен', en: 'Chorus' }, lines: [{ ru: 'а' }] }]);
  });
});
