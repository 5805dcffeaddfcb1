import type { ActionItem, CaseItem, ContentSnapshot } from '../../../../shared/content';

/** Local to this screen: a visitor browsing never changes what other screens show. */
export type MerchView =
  | { mode: 'loop' }
  | { mode: 'browse'; language: string }
  | { mode: 'detail'; itemId: string; language: string };

export const LOOP: MerchView = { mode: 'loop' };

export type Browsable = CaseItem | ActionItem;

/** What a visitor can open: the cases, then the actions, minus anything safe mode hides. */
export function browsableItems(content: ContentSnapshot, safeMode: boolean): Browsable[] {
  const visible = (item: { sensitive: boolean }) => !(safeMode && item.sensitive);
  const cases = content.items.filter(
    (item): item is CaseItem & { source: string } => item.kind === 'case' && visible(item),
  );
  const actions = content.items.filter(
    (item): item is ActionItem & { source: string } => item.kind === 'action' && visible(item),
  );
  return [...cases, ...actions];
}

/** The merch settings in force, or null when the table mode is off. */
export function merchSettings(content: ContentSnapshot | null): { idleMs: number } | null {
  const merch = content?.pack.display.merchTable;
  if (!merch?.enabled) return null;
  return { idleMs: merch.idleSeconds * 1000 };
}

/**
 * What the screen really shows, given what the visitor opened and what may be shown now:
 * safe mode turned on mid-browse takes a sensitive detail away at once, and with nothing
 * left to browse the loop comes back.
 */
export function effectiveView(view: MerchView, browsable: readonly Browsable[]): MerchView {
  if (view.mode === 'loop') return view;
  if (browsable.length === 0) return LOOP;
  if (view.mode === 'detail' && !browsable.some((item) => item.id === view.itemId)) {
    return { mode: 'browse', language: view.language };
  }
  return view;
}
