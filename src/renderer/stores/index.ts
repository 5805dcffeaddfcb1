import { createContext, useContext } from 'react';
import { type ContentStore, createContentStore, useContentStore } from './content';
import { type ShowStore, createShowStore, useShowStore } from './show';
import { type ConnectionStore, createConnectionStore, useConnectionStore } from './connection';
import { type OperatorStore, createOperatorStore, useOperatorStore } from './operator';
import { type ObsStore, createObsStore, useObsStore } from './obs';
import { type RemoteStore, createRemoteStore, useRemoteStore } from './remote';

export * from './content';
export * from './show';
export * from './connection';
export * from './operator';
export * from './obs';
export * from './remote';

/**
 * Every store of the page, in one bundle: transport writes into it and the views read it
 * through `useStores()`. Production uses the defaults; tests pass fresh ones, so no view
 * owns a store that transport has to reach into.
 */
export interface Stores {
  content: ContentStore;
  show: ShowStore;
  connection: ConnectionStore;
  /** What only the operator's socket hears: clients, the phone remote, notices, refusals. */
  operator: OperatorStore;
  /** OBS as the core last described it (operator only). */
  obs: ObsStore;
  /** The phone's pairing (the remote view only). */
  remote: RemoteStore;
}

export const defaultStores: Stores = {
  content: useContentStore,
  show: useShowStore,
  connection: useConnectionStore,
  operator: useOperatorStore,
  obs: useObsStore,
  remote: useRemoteStore,
};

/** A fresh set, for a view rendered on its own (tests, a second root). */
export function createStores(): Stores {
  return {
    content: createContentStore(),
    show: createShowStore(),
    connection: createConnectionStore(),
    operator: createOperatorStore(),
    obs: createObsStore(),
    remote: createRemoteStore(),
  };
}

export const StoresContext = createContext<Stores>(defaultStores);

export function useStores(): Stores {
  return useContext(StoresContext);
}
