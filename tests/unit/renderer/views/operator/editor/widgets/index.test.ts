import { describe, expect, it } from 'vitest';
import { editorWidgets } from '../../../../../../../src/renderer/views/operator/editor/widgets';
import type { WidgetType } from '../../../../../../../src/renderer/views/operator/editor/form/spec';

describe('editorWidgets', () => {
  it('draws every widget field type the form can ask for', () => {
    const types: WidgetType[] = [
      'media',
      'itemRef',
      'playlistEntries',
      'lyrics',
      'videoFile',
      'subtitles',
    ];
    expect(Object.keys(editorWidgets).sort()).toEqual([...types].sort());
    for (const type of types) expect(typeof editorWidgets[type]).toBe('function');
  });
});
