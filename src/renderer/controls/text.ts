import {
  pickText,
  type ContentItem,
  type ContentSnapshot,
  type LoadedItem,
} from '../../shared/content';
import type { Role } from '../../shared/protocol';

/** The console speaks the pack's default language for item names. */
export function consoleLanguage(content: ContentSnapshot | null): string {
  return content?.pack.defaultLanguage ?? 'en';
}

/** A short name for an item, as the operator recognises it. */
export function itemTitle(item: LoadedItem | ContentItem | undefined, language: string): string {
  if (!item) return '—';
  const pick = (value: Parameters<typeof pickText>[0]) => pickText(value, language) ?? item.id;
  switch (item.kind) {
    case 'case':
      return pick(item.name);
    case 'drawing':
      return item.title ? pick(item.title) : `Drawing by ${pick(item.artist)}`;
    case 'statement':
      return item.title
        ? pick(item.title)
        : (pickText(item.text, language) ?? item.id).slice(0, 60);
    default:
      return 'title' in item && item.title
        ? pick(item.title as Parameters<typeof pickText>[0])
        : item.id;
  }
}

const kindNames: Record<string, string> = {
  case: 'Case',
  song: 'Song',
  drawing: 'Drawing',
  action: 'Action',
  event: 'Event',
  statement: 'Statement',
  playlist: 'Playlist',
  setlist: 'Setlist',
};

export function kindLabel(kind: string): string {
  return kindNames[kind] ?? kind;
}

const roleNames: Record<Role, string> = {
  display: 'Venue screen',
  kiosk: 'Kiosk screen (this machine)',
  operator: 'Operator console',
  overlay: 'Stream overlay (OBS)',
  remote: 'Phone remote',
};

export function roleLabel(role: Role): string {
  return roleNames[role];
}

/** "just now", "4 min ago", "2 h ago". */
export function since(thenMs: number, nowMs: number): string {
  const minutes = Math.floor(Math.max(0, nowMs - thenMs) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min ago`;
}
