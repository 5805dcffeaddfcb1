import { create } from 'zustand';
import type { ContentSnapshot } from '../../shared/content';

export interface ContentState {
  /** null until the core has sent the pack once. */
  snapshot: ContentSnapshot | null;
}

export const createContentStore = () => create<ContentState>()(() => ({ snapshot: null }));
export type ContentStore = ReturnType<typeof createContentStore>;

export const useContentStore = createContentStore();

export function applyContent(snapshot: ContentSnapshot, store: ContentStore = useContentStore) {
  store.setState({ snapshot });
}
