import { describe, expect, it } from 'vitest';
import { describeItem } from '../../../../../../../src/renderer/views/operator/editor/form/describe';
import type {
  FieldEntry,
  FieldSpec,
} from '../../../../../../../src/renderer/views/operator/editor/form/spec';
import { itemKinds, itemSchemas } from '../../../../../../../src/shared/content/schema';

function field(fields: readonly FieldEntry[], key: string): FieldEntry {
  const found = fields.find((f) => f.key === key);
  if (!found) throw new Error(`no field ${key}`);
  return found;
}

function specsOf(kind: (typeof itemKinds)[number]): Record<string, FieldSpec> {
  return Object.fromEntries(describeItem(kind).fields.map((f) => [f.key, f.spec]));
}

function allSpecs(spec: FieldSpec): FieldSpec[] {
  if (spec.type === 'object') return [spec, ...spec.fields.flatMap((f) => allSpecs(f.spec))];
  if (spec.type === 'array') return [spec, ...allSpecs(spec.of)];
  return [spec];
}

describe('describeItem', () => {
  it.each(itemKinds)('%s: every field of the schema but kind and id, in order', (kind) => {
    const shape = Object.keys(itemSchemas[kind].shape).filter((k) => k !== 'kind' && k !== 'id');
    expect(describeItem(kind).fields.map((f) => f.key)).toEqual(shape);
    expect(describeItem(kind).type).toBe('object');
  });

  it.each(['case', 'drawing'] as const)('%s is sensitive unless the file says not', (kind) => {
    const sensitive = field(describeItem(kind).fields, 'sensitive');
    expect(sensitive).toEqual({
      key: 'sensitive',
      spec: { type: 'boolean' },
      optional: true,
      defaultValue: true,
    });
  });

  it.each(['song', 'action', 'event', 'statement', 'playlist', 'setlist'] as const)(
    '%s shows sensitive too, off by default',
    (kind) => {
      expect(field(describeItem(kind).fields, 'sensitive').defaultValue).toBe(false);
    },
  );

  it('case: semantic types from the shared fields, nested objects and lists', () => {
    const fields = describeItem('case').fields;
    const s = specsOf('case');
    // The id names the file: the page heading shows it, the form never edits it.
    expect(s.id).toBeUndefined();
    expect(s.kind).toBeUndefined();
    expect(s.name).toEqual({ type: 'localized', multiline: false });
    expect(s.summary).toEqual({ type: 'localized', multiline: true });
    expect(field(fields, 'summary').optional).toBe(false);
    expect(field(fields, 'body').optional).toBe(true);
    expect(s.age).toEqual({ type: 'number', integer: true, min: 1, max: 130 });
    expect(s.arrested).toEqual({ type: 'partialDate' });
    // releaseDate is a partial date to the form: the loader explains why it needs a day.
    expect(s.released).toEqual({ type: 'partialDate' });
    const photo = s.photo;
    expect(photo?.type).toBe('object');
    if (photo?.type !== 'object') return;
    expect(specsOf('case').photo).toBeDefined();
    expect(field(photo.fields, 'file').spec).toEqual({ type: 'media' });
    expect(field(photo.fields, 'consent')).toEqual({
      key: 'consent',
      spec: { type: 'boolean' },
      optional: false,
    });
    expect(s.custody).toMatchObject({ type: 'array', min: 1, of: { type: 'object' } });
    expect(field(fields, 'events').defaultValue).toEqual([]);
    const events = s.events;
    if (events?.type !== 'array' || events.of.type !== 'object') throw new Error('events');
    expect(field(events.of.fields, 'kind').spec).toEqual({
      type: 'enum',
      options: ['arrest', 'sentence', 'appeal', 'transfer', 'release', 'other'],
    });
    expect(field(events.of.fields, 'text').spec).toEqual({ type: 'localized', multiline: true });
    // A source is a link or a link with a title: a union the form edits as raw text.
    expect(field(events.of.fields, 'source').spec).toEqual({ type: 'raw' });
    const links = s.links;
    if (links?.type !== 'array' || links.of.type !== 'object') throw new Error('links');
    expect(field(links.of.fields, 'url').spec).toEqual({ type: 'url' });
  });

  it('song: lyrics, language from the pack, long texts', () => {
    const s = describeItem('song', { languages: ['ru', 'en'] });
    expect(field(s.fields, 'sections')).toEqual({
      key: 'sections',
      spec: { type: 'lyrics' },
      optional: true,
      defaultValue: [],
    });
    expect(field(s.fields, 'language').spec).toEqual({ type: 'enum', options: ['ru', 'en'] });
    expect(field(s.fields, 'video').spec).toEqual({ type: 'url' });
    expect(field(s.fields, 'description').spec).toEqual({ type: 'localized', multiline: true });
    expect(field(s.fields, 'lrc').spec).toEqual({ type: 'text', multiline: true });
  });

  it('drawing: media image, a year-or-date union as text, required consent', () => {
    const s = specsOf('drawing');
    expect(s.image).toEqual({ type: 'media' });
    expect(s.made).toEqual({ type: 'text', multiline: false });
    expect(s.caption).toEqual({ type: 'localized', multiline: true });
    expect(field(describeItem('drawing').fields, 'consent').optional).toBe(false);
    expect(s.licence).toEqual({ type: 'text', multiline: false });
  });

  it('action: enum with its default, url, booleans', () => {
    const fields = describeItem('action').fields;
    expect(field(fields, 'type')).toEqual({
      key: 'type',
      spec: { type: 'enum', options: ['petition', 'site', 'donation', 'letter'] },
      optional: true,
      defaultValue: 'site',
    });
    expect(field(fields, 'url')).toEqual({ key: 'url', spec: { type: 'url' }, optional: false });
    expect(field(fields, 'tagLink').defaultValue).toBe(false);
    expect(field(fields, 'callToAction').spec.type).toBe('localized');
  });

  it('event: date-times and a time zone from Intl', () => {
    const s = specsOf('event');
    expect(s.start).toEqual({ type: 'dateTime' });
    expect(s.end).toEqual({ type: 'dateTime' });
    const zone = s.timeZone;
    if (zone?.type !== 'enum') throw new Error('timeZone');
    expect(zone.options).toEqual(Intl.supportedValuesOf('timeZone'));
    expect(zone.options).toContain('Europe/Paris');
    expect(s.description).toEqual({ type: 'localized', multiline: true });
  });

  it('statement: long text, optional title', () => {
    const fields = describeItem('statement').fields;
    expect(field(fields, 'text').spec).toEqual({ type: 'localized', multiline: true });
    expect(field(fields, 'title').optional).toBe(true);
  });

  it('playlist: entries widget, seconds as a number, days and times of day', () => {
    const s = specsOf('playlist');
    expect(s.items).toEqual({ type: 'playlistEntries' });
    expect(s.duration).toEqual({ type: 'number', integer: false, min: 0, max: 86_400 });
    // A day, or a time of day: the date-time input takes both.
    expect(s.from).toEqual({ type: 'dateTime' });
    expect(field(describeItem('playlist').fields, 'pastEvents').defaultValue).toBe('show');
  });

  it('setlist: songs refer to songs, the interlude to a playlist', () => {
    const s = specsOf('setlist');
    // Played in order, like a playlist: the same draggable list, of songs, without options.
    expect(s.songs).toEqual({ type: 'playlistEntries', kinds: ['song'], entryOptions: false });
    expect(s.interlude).toEqual({ type: 'itemRef', kinds: ['playlist'] });
  });

  it.each(itemKinds)('%s: no field is left undescribed by accident', (kind) => {
    const raws = describeItem(kind)
      .fields.flatMap((f) => allSpecs(f.spec))
      .filter((s) => s.type === 'raw');
    // Only case sources (custody, events, sentences) are raw today; a new raw field must be a choice, not a surprise.
    expect(raws.length).toBe(kind === 'case' ? 3 : 0);
  });
});
