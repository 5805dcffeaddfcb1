import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { keyLabels, type Action } from '../../shared/actions';
import { keycapNamer } from './keycaps';
import { useStores } from '../stores';
import { useRunner } from './run';
import { actionLabel } from './say';

/** Whether `action` applies now, from the same state its key would see. */
function useAvailable<P>(action: Action<P>): boolean {
  const stores = useStores();
  const show = useStore(stores.show, (s) => s.show);
  const content = useStore(stores.content, (s) => s.snapshot);
  return show ? action.available({ show, content }) : false;
}

/** An action's keys as keycaps, e.g. [→] [PgDn]. */
export function Keys({ keys, max = 3 }: { keys: readonly string[]; max?: number }) {
  const { t } = useTranslation('console');
  const labels = keyLabels(keys, keycapNamer(t)).slice(0, max);
  if (labels.length === 0) return null;
  return (
    <span className="op-keys" aria-label={t('keys.aria', { keys: labels.join(' / ') })}>
      {labels.map((label) => (
        <kbd key={label}>{label}</kbd>
      ))}
    </span>
  );
}

interface ActionButtonProps<P> {
  action: Action<P>;
  param: P;
  /** Overrides the action's label (e.g. "Resume" while paused). */
  label?: ReactNode;
  /** On: a toggle that is currently on (blackout, safe mode). */
  pressed?: boolean;
  disabled?: boolean;
  className?: string;
  showKeys?: boolean;
  /** How many keycaps to show at most. */
  maxKeys?: number;
  title?: string;
  testId?: string;
}

/**
 * A button that runs a registered action and shows its keys. It never takes the keyboard
 * focus from a mouse click, so Space and the clicker keep driving the show afterwards.
 */
export function ActionButton<P>({
  action,
  param,
  label,
  pressed,
  disabled,
  className,
  showKeys = true,
  maxKeys,
  title,
  testId,
}: ActionButtonProps<P>) {
  const { t } = useTranslation('actions');
  const { run } = useRunner();
  const available = useAvailable(action);
  const classes = ['op-button'];
  if (className) classes.push(className);
  if (pressed) classes.push('is-on');
  return (
    <button
      type="button"
      className={classes.join(' ')}
      aria-pressed={pressed}
      disabled={disabled ?? !available}
      title={title}
      data-action={action.name}
      data-testid={testId}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => void run(action, param)}
    >
      <span className="op-button-label">{label ?? actionLabel(t, action)}</span>
      {showKeys ? <Keys keys={action.keys} max={maxKeys} /> : null}
    </button>
  );
}
