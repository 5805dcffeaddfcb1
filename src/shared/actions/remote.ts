import { always, type Action } from './action';

/** The console's side of the phone remote: turning it on and off, unpairing a phone. */
export const remoteEnableAction: Action<boolean> = {
  name: 'remoteEnable',
  labelKey: 'label.remoteEnable',
  group: 'remote',
  keys: [],
  available: always,
  command: (_ctx, on) => ({ name: 'remoteEnable', on }),
};

export const remoteRevokeAction: Action<string> = {
  name: 'remoteRevoke',
  labelKey: 'label.remoteRevoke',
  group: 'remote',
  keys: [],
  available: always,
  command: (_ctx, deviceId) => ({ name: 'remoteRevoke', deviceId }),
};

/** Safe mode from a phone: on only; turning it off is the operator's. */
export const phoneSafeModeAction: Action = {
  name: 'safeModeOn',
  labelKey: 'label.safeModeOn',
  group: 'phone',
  keys: [],
  available: (ctx) => !ctx.show.safeMode,
  command: (ctx) => (ctx.show.safeMode ? null : { name: 'safeMode', on: true }),
};
