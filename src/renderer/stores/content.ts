import { create } from 'zustand';
import type { ContentSnapshot } from '../../shared/content';
import { setMediaVersions } from '../slides/context';

export interface ContentState {
  /** null until the core has sent the pack once. */
  snapshot: ContentSnapshot | null;
}

export const createContentStore = () => create<ContentState>()(() => ({ snapshot: null }));
export type ContentStore = ReturnType<typeof createContentStore>;

export const useContentStore = createContentStore();

export function applyContent(snapshot: ContentSnapshot, store: ContentStore = useContentStore) {
  // Before the views render the new snapshot, so their images ask for its versions.
  setMediaVersions(snapshot.media);
  store.setState({ snapshot });
}
