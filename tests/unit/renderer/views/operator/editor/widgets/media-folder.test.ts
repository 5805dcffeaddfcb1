import { describe, expect, it } from 'vitest';
import {
  mediaFolderFor,
  uploadNotes,
} from '../../../../../../../src/renderer/views/operator/editor/widgets/media-folder';

const uploaded = {
  path: 'media/photos/ivan.jpg',
  type: 'jpeg' as const,
  width: 800,
  height: 600,
  scaled: false,
  metadataRemoved: false,
};

describe('mediaFolderFor', () => {
  it('sends a case photo to photos, a drawing to drawings, anything else to images', () => {
    expect(mediaFolderFor(['photo', 'file'], { file: 'x', consent: true })).toBe('photos');
    expect(mediaFolderFor(['image'], { kind: 'drawing' })).toBe('drawings');
    expect(mediaFolderFor(['image'], undefined)).toBe('drawings');
    expect(mediaFolderFor(['poster', 'file'], { kind: 'event' })).toBe('images');
  });
});

describe('uploadNotes', () => {
  it('says nothing when the file was kept as it came', () => {
    expect(uploadNotes(uploaded, 'ivan.jpg')).toEqual([]);
    expect(uploadNotes(uploaded, 'IVAN.JPEG')).toEqual([]);
  });

  it('says a file was renamed for what it is, scaled, and stripped of its metadata', () => {
    const notes = uploadNotes(
      {
        ...uploaded,
        path: 'media/photos/ivan.png',
        type: 'png',
        scaled: true,
        metadataRemoved: true,
      },
      'ivan.jpg',
    );
    expect(notes.map((note) => note.key)).toEqual([
      'widgets.media.renamed',
      'widgets.media.scaled',
      'widgets.media.metadataRemoved',
    ]);
    expect(notes[0]?.params).toEqual({ ext: 'png', type: 'PNG' });
  });
});
