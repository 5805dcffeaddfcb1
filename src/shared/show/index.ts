// The show's pure rules: which playlist runs, in what order, for how long, and what a screen
// shows for it. The core's engine and the standalone player (a build target of the renderer)
// both run them.
export * from './dates';
export * from './durations';
export * from './playlist-order';
export * from './pass-order';
export * from './loop';
export * from './output-show';
export * from './offline-show';
export * from './resume';
export * from './setlist';
export * from './lyrics-timing';
export * from './set-end';
export * from './video-timing';
export * from './choose-screen';
