/*
 * The registered actions: one `Action` type, every action in `actionRegistry` keyed by name,
 * the actions themselves in files by area. Keys, buttons, the kiosk and the phone all go
 * through them.
 */
export * from './action';
export * from './keys';
export * from './lyrics';
export * from './message';
export * from './obs';
export * from './on-air';
export * from './outputs';
export * from './overlay';
export * from './phone';
export * from './registry';
export * from './remote';
export * from './setlist';
export * from './show';
