import { useMemo, useSyncExternalStore } from 'react';
import type { ContentSnapshot } from '../../../shared/content';
import type { ShowState } from '../../../shared/protocol';
import { canPlayOffline, OfflineShow } from '../../../shared/show/offline-show';
import { systemClock, type Clock } from '../../../shared/time';
import type { ConnectionStatus } from '../../stores/connection';

interface OfflineSource {
  subscribe: (changed: () => void) => () => void;
  get: () => ShowState | null;
}

const NOTHING: OfflineSource = { subscribe: () => () => {}, get: () => null };

/** The loop a cut-off screen runs from `last`: it keeps time only while someone listens. */
function offlineSource(last: ShowState, snapshot: ContentSnapshot, clockOffsetMs: number) {
  let current: ShowState | null = null;
  const clock: Clock = { ...systemClock, now: () => systemClock.now() + clockOffsetMs };
  return {
    subscribe: (changed: () => void) => {
      const show: OfflineShow = new OfflineShow(snapshot, last, clock, () => {
        current = show.state();
        changed();
      });
      current = show.state();
      return () => {
        show.stop();
        current = null;
      };
    },
    get: () => current,
  };
}

/**
 * The show this screen plays: the core's while connected; while the connection is lost, the
 * same loop run here from the last state (see `OfflineShow`), so a screen that loses the
 * venue's Wi-Fi keeps changing slides instead of freezing on one. Once the core is back, its
 * state is the truth again; it has kept time too, so the screen usually finds it on the
 * same slide.
 */
export function useOfflineShow(
  latest: ShowState | null,
  snapshot: ContentSnapshot | null,
  status: ConnectionStatus,
  /** Server clock minus this page's clock. */
  clockOffsetMs: number,
): ShowState | null {
  const offline = status === 'reconnecting' && latest !== null && snapshot !== null;
  const source: OfflineSource = useMemo(
    () =>
      offline && latest && snapshot && canPlayOffline(latest)
        ? offlineSource(latest, snapshot, clockOffsetMs)
        : NOTHING,
    // Started once per loss of the connection, from the state the screen had then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [offline],
  );
  const played = useSyncExternalStore(source.subscribe, source.get);
  return offline && played ? played : latest;
}
