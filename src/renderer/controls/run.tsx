import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action, ActionContext } from '../../shared/actions';
import type { Command, Result } from '../../shared/protocol';
import { useStores } from '../stores';
import { reportRefusal } from '../stores/operator';
import { localize } from '../i18n/localize';
import { actionLabel } from './say';

export type SendCommand = (command: Command) => Promise<Result>;

/** Runs a registered action: what keys, buttons and clicks all go through. */
export type RunAction = <P>(action: Action<P>, param: P) => Promise<void>;

interface Runner {
  run: RunAction;
  /** The context actions see, read from the stores at the moment of the call. */
  context: () => ActionContext | null;
  /** The raw command channel, for a panel whose commands are not keyboard actions. */
  send: SendCommand;
}

const RunnerContext = createContext<Runner | null>(null);

export function RunnerProvider({ send, children }: { send: SendCommand; children: ReactNode }) {
  const stores = useStores();
  const operator = stores.operator;
  const { t } = useTranslation('actions');
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
      // In the reader's language at the moment of the "no": the action's name and the
      // core's reason (a key when the core sends one, its English otherwise).
      if (!result.ok) {
        reportRefusal(
          t('refusal', { action: actionLabel(t, action), reason: localize(t, result.error) }),
          operator,
        );
      }
    },
    [context, send, operator, t],
  );
  const value = useMemo(() => ({ run, context, send }), [run, context, send]);
  return <RunnerContext.Provider value={value}>{children}</RunnerContext.Provider>;
}

export function useRunner(): Runner {
  const runner = useContext(RunnerContext);
  if (!runner) throw new Error('useRunner outside RunnerProvider');
  return runner;
}
