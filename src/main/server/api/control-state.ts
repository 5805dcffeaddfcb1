import type { ControlState, ObsConnectionState, ShowState } from '../../../shared/protocol';

/** The show as a controller sees it (`GET /api/v1/state`, the events socket). */
export function controlStateOf(show: ShowState, obs: ObsConnectionState | 'off'): ControlState {
  const { order, position } = show;
  return {
    itemId: show.itemId,
    playlistId: show.playlistId,
    paused: show.paused,
    blackout: show.blackout,
    safeMode: show.safeMode,
    lyrics: show.lyrics,
    setlist: show.setlist,
    outputLanguages: show.outputLanguages,
    overlays: show.overlays,
    startedAt: show.startedAt,
    durationMs: show.durationMs,
    serverTime: show.serverTime,
    // The loop wraps: after the last item comes the first again.
    nextItemId: order.length === 0 ? null : (order[(position + 1) % order.length] ?? null),
    obs: { state: obs },
  };
}
