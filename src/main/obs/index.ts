// The OBS room's public face: the core imports from here. Modules inside import each other
// directly, never this file, so no circle runs through it.
export * from './bridge';
export * from './config';
export * from './controller';
export * from './obs-host';
export * from './overlay-elements';
export * from './overlay-health';
export * from './overlay-scene';
export * from './overlay-state';
export * from './overlay-sync';
export * from './qr-png';
export * from './scenes';
export * from './service';
