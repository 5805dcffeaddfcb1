import { createContext, useContext } from 'react';
import { type ContentStore, createContentStore, useContentStore } from './content';
import { type ShowStore, createShowStore, useShowStore } from './show';
import { type ConnectionStore, createConnectionStore, useConnectionStore } from './connection';

export * from './content';
export * from './show';
export * from './connection';

/** The stores one view reads. Production uses the defaults; tests pass fresh ones. */
export interface Stores {
  content: ContentStore;
  show: ShowStore;
  connection: ConnectionStore;
}

export const defaultStores: Stores = {
  content: useContentStore,
  show: useShowStore,
  connection: useConnectionStore,
};

/** A fresh set, for a view rendered on its own (tests, a second root). */
export function createStores(): Stores {
  return {
    content: createContentStore(),
    show: createShowStore(),
    connection: createConnectionStore(),
  };
}

export const StoresContext = createContext<Stores>(defaultStores);

export function useStores(): Stores {
  return useContext(StoresContext);
}
