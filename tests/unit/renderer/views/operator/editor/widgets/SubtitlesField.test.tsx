import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  SubtitlesField,
  type SubtitleUploadApi,
} from '../../../../../../../src/renderer/views/operator/editor/widgets/SubtitlesField';
import { renderWidget } from './harness';

const vtt = (name = 'talk.vtt') => new File(['WEBVTT\n'], name);
const row = (language: string) => screen.getByRole('row', { name: new RegExp(`^${language}\\b`) });

function fakeApi(reply: SubtitleUploadApi['uploadSubtitles']) {
  return { uploadSubtitles: vi.fn<SubtitleUploadApi['uploadSubtitles']>(reply) };
}

describe('SubtitlesField', () => {
  it('has a row per pack language and marks the ones without subtitles', () => {
    renderWidget(SubtitlesField, {
      path: ['subtitles'],
      spec: { type: 'subtitles' },
      value: { en: 'media/subtitles/talk.en.vtt' },
      extra: { api: fakeApi(async () => ({ status: 'error', httpStatus: 0, error: 'unused' })) },
    });
    expect(within(row('en')).getByText('media/subtitles/talk.en.vtt')).toBeInTheDocument();
    expect(within(row('ru')).getByText('No subtitles in ru')).toBeInTheDocument();
    expect(within(row('fr')).getByText('No subtitles in fr')).toBeInTheDocument();
  });

  it('uploads one language, keeps the others, and says how many cues it read', async () => {
    const api = fakeApi(async (_file, _name, language) => ({
      status: 'ok',
      value: { path: `media/subtitles/talk.${language}.vtt`, language, format: 'vtt', cues: 2 },
    }));
    const form = renderWidget(SubtitlesField, {
      path: ['subtitles'],
      spec: { type: 'subtitles' },
      value: { en: 'media/subtitles/talk.en.vtt' },
      extra: { api },
    });
    fireEvent.change(screen.getByLabelText('Upload subtitles in fr'), {
      target: { files: [vtt('talk.fr.vtt')] },
    });
    await waitFor(() =>
      expect(form.last()).toEqual({
        en: 'media/subtitles/talk.en.vtt',
        fr: 'media/subtitles/talk.fr.vtt',
      }),
    );
    expect(api.uploadSubtitles).toHaveBeenCalledWith(expect.any(File), 'talk.fr.vtt', 'fr');
    expect(within(row('fr')).getByText('Read: 2 subtitles')).toBeInTheDocument();
  });

  it('shows a refused file’s problems with their lines and leaves the field as it was', async () => {
    const api = fakeApi(async () => ({
      status: 'lines',
      refused: {
        error: { message: 'x.vtt was not stored: the lines below cannot be read.' },
        problems: [
          { line: 3, message: { message: 'the cue ends before it starts: 1 --> 0' } },
          { line: 6, message: { message: '"no timing" has no timing line' } },
        ],
      },
    }));
    const form = renderWidget(SubtitlesField, {
      path: ['subtitles'],
      spec: { type: 'subtitles' },
      extra: { api },
    });
    fireEvent.change(screen.getByLabelText('Upload subtitles in en'), {
      target: { files: [vtt('x.vtt')] },
    });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Line 3: the cue ends before it starts: 1 --> 0')).toBeVisible();
    expect(within(alert).getByText('Line 6: "no timing" has no timing line')).toBeVisible();
    expect(form.changes).toEqual([]);
  });

  it('removes one language and leaves the field out when none is left', () => {
    const form = renderWidget(SubtitlesField, {
      path: ['subtitles'],
      spec: { type: 'subtitles' },
      value: { en: 'media/subtitles/a.en.vtt', ru: 'media/subtitles/a.ru.srt' },
      extra: { api: null },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove the subtitles in ru' }));
    expect(form.last()).toEqual({ en: 'media/subtitles/a.en.vtt' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove the subtitles in en' }));
    expect(form.last()).toEqual({});
  });
});
