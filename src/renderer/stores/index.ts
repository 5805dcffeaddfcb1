import { createContext, useContext } from 'react';
import { type ContentStore, useContentStore } from './content';
import { type ShowStore, useShowStore } from './show';
import { type ConnectionStore, useConnectionStore } from './connection';

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

export const StoresContext = createContext<Stores>(defaultStores);

export function useStores(): Stores {
  return useContext(StoresContext);
}
