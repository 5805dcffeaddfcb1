import type { ItemKind } from '../../../../../shared/content';
import type { ItemBody } from '../../../../../shared/protocol/content-api';
import type { EditorContext, WidgetRegistry } from './spec';

export interface ItemFormProps {
  kind: ItemKind;
  /** The item as its file says it (no defaults filled in). */
  value: ItemBody;
  onChange: (value: ItemBody) => void;
  context: EditorContext;
  /** Widgets for media, references, playlist entries and lyrics; plain inputs without. */
  widgets?: WidgetRegistry;
}

/** The form for one item, generated from its kind's schema. (Stub: the form work fills it in.) */
export function ItemForm(_props: ItemFormProps) {
  return null;
}
