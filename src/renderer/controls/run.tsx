import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { Action, ActionContext } from '../../shared/actions';
import type { Command, Result } from '../../shared/protocol';
import { useStores } from '../stores';
import { reportRefusal } from '../stores/operator';

export type SendCommand = (command: Command) => Promise<Result>;

/** Runs a registered action: what keys, buttons and clicks all go through. */
export type RunAction = <P>(action: Action<P>, param: P) => Promise<void>;

interface Runner {
  run: RunAction;
  /** The context actions see, read from the stores at the moment of the call. */
  context: () => ActionContext | null;
}

const RunnerContext = createContext<Runner | null>(null);

export function RunnerProvider({ send, children }: { send: SendCommand; children: ReactNode }) {
  const stores = useStores();
  const operator = stores.operator;
  // Read at call time, not from the last render: a clicker pressed twice quickly must see the
  // state the first press made, not a stale closure.
  const context = useCallback((): ActionContext | null => {
    const show = stores.show.getState().show;
    return show ? { show, content: stores.content.getState().snapshot } : null;
  }, [stores]);
  const run = useCallback<RunAction>(
    async (action, param) => {
      const ctx = context();
      if (!ctx || !action.available(ctx)) return;
      const command = action.command(ctx, param);
      if (!command) return;
      const result = await send(command);
      if (!result.ok) reportRefusal(`${action.label}: ${result.error.message}`, operator);
    },
    [context, send, operator],
  );
  const value = useMemo(() => ({ run, context }), [run, context]);
  return <RunnerContext.Provider value={value}>{children}</RunnerContext.Provider>;
}

export function useRunner(): Runner {
  const runner = useContext(RunnerContext);
  if (!runner) throw new Error('useRunner outside RunnerProvider');
  return runner;
}
