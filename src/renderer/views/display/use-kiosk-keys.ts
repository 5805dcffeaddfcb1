import { useEffect } from 'react';
import { actionForKey, kioskActions, type Action } from '../../../shared/actions';
import { useLatest } from '../../controls/use-latest';
import type { Command, ShowState } from '../../../shared/protocol';
import type { Result } from '../../../shared/protocol';

export type SendCommand = (command: Command) => Promise<Result>;

/**
 * What a key press on this screen sends, if anything. Only the kiosk (the app's own window on
 * this machine) answers to keys; a display opened anywhere else only shows.
 */
export function kioskCommand(
  enabled: boolean,
  show: ShowState | null,
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'repeat'>,
  actions: readonly Action[] = kioskActions,
): Command | null {
  // A held key would run through the whole playlist.
  if (!enabled || !show || event.repeat) return null;
  const action = actionForKey(actions, event);
  const ctx = { show, content: null };
  return action?.available(ctx) ? action.command(ctx) : null;
}

/** Sends the kiosk keys' commands; `onRefused` hears why the core said no. */
export function useKioskKeys(
  enabled: boolean,
  show: ShowState | null,
  send: SendCommand,
  onRefused?: (error: string) => void,
): void {
  const latest = useLatest({ show, send, onRefused });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const { show: current, send: sendNow, onRefused: refused } = latest.current;
      const command = kioskCommand(true, current, event);
      if (!command) return;
      // Space would scroll, PageDown would page: the key is ours now.
      event.preventDefault();
      void sendNow(command).then((result) => {
        if (!result.ok) refused?.(result.error.message);
      });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, latest]);
}
