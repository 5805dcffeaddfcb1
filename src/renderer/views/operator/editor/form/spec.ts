import type { ComponentType } from 'react';
import type { FieldProblem } from '../../../../../shared/protocol/content-api';

/*
 * What the editor knows of a field, worked out once from the item's zod schema
 * (`describe.ts`), so forms are generated, not written per kind by hand. Pure data: tested
 * without a DOM.
 */

/** A field the form draws with one of its own inputs. */
export type PlainSpec =
  | { type: 'text'; multiline: boolean }
  /** A text per pack language (`localizedText`): tabs, with a mark on the missing ones. */
  | { type: 'localized'; multiline: boolean }
  | { type: 'number'; integer: boolean; min?: number; max?: number }
  | { type: 'boolean' }
  | { type: 'enum'; options: readonly string[] }
  /** `YYYY-MM-DD` */
  | { type: 'date' }
  /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` */
  | { type: 'dateTime' }
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (case records) */
  | { type: 'partialDate' }
  /** An http(s) link: shown with a live QR preview. */
  | { type: 'url' }
  | { type: 'object'; fields: readonly FieldEntry[] }
  | { type: 'array'; of: FieldSpec; min: number }
  /** A value the form cannot draw (free-form union): edited as YAML/JSON text. */
  | { type: 'raw' };

/** A field drawn by a widget of the registry (`../widgets`), with a plain fallback. */
export type WidgetSpec =
  /** A file in the pack (`media/…`): upload by drop or picker, with a preview. */
  | { type: 'media' }
  /** Another item's id, optionally of given kinds. */
  | { type: 'itemRef'; kinds: readonly string[] }
  /**
   * A list of items reordered by dragging: a playlist's `items` (ids or `{ item, duration,
   * from, until }`), or a setlist's `songs` (ids of `kinds`, no per-entry options).
   */
  | { type: 'playlistEntries'; kinds?: readonly string[]; entryOptions?: boolean }
  /** A song's `sections`: stanzas of line pairs. */
  | { type: 'lyrics' }
  /** A video's `file`: upload (streamed), preview, and its poster made from a frame. */
  | { type: 'videoFile' }
  /** A video's `subtitles`: one row per pack language, each uploaded and parsed. */
  | { type: 'subtitles' };

export type FieldSpec = PlainSpec | WidgetSpec;
export type WidgetType = WidgetSpec['type'];

export interface FieldEntry {
  key: string;
  spec: FieldSpec;
  /** The form may leave it out of the file. */
  optional: boolean;
  /** What the schema fills in when the file leaves it out. */
  defaultValue?: unknown;
}

/** A path into the item, as the API's `field` writes it once joined with dots. */
export type FieldPath = readonly (string | number)[];

export interface EditorContext {
  /** The pack's languages, default first. */
  languages: readonly string[];
  defaultLanguage: string;
  /** Every item of the pack, for references and search. */
  items: readonly { id: string; kind: string; title: string }[];
  /** Problems from the last save or load, by their `field`. */
  problems: readonly FieldProblem[];
}

export interface WidgetProps<T = unknown> {
  path: FieldPath;
  spec: FieldSpec;
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  /** The object this field sits in (a photo's `consent` beside its `file`). */
  parent: Readonly<Record<string, unknown>> | undefined;
  context: EditorContext;
  /** Sets other fields of `parent` (a video's `poster` beside its `file`), all in one change. */
  onSiblings?: (patch: Readonly<Record<string, unknown>>) => void;
}

export type WidgetRegistry = Partial<Record<WidgetType, ComponentType<WidgetProps>>>;
