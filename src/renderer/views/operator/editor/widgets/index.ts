import type { WidgetRegistry } from '../form/spec';

/** The editor's widgets, by the field type they draw. (Stub: the widgets work fills it in.) */
export const editorWidgets: WidgetRegistry = {};
