// The OBS room's public face: the core imports from here. Modules inside import each other
// directly, never this file, so no circle runs through it. The helpers the controller is
// built from stay inside: the barrel exports the names it exported before the split.
export * from './add-to-scenes';
export { bandsInFront } from './band-order';
export * from './bridge';
export * from './config';
export * from './controller';
export { DRIFT_EVENTS } from './drift-events';
export * from './obs-host';
export type { ObsTarget } from './obs-target';
export * from './overlay-elements';
export * from './overlay-health';
export * from './overlay-scene';
export * from './overlay-state';
export * from './overlay-sync';
export * from './qr-png';
export * from './scene-reads';
export * from './scenes';
export * from './service';
export * from './settings-compare';
export type { SetupResult } from './setup-runner';
