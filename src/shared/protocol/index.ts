export * from './roles';
export * from './show-state';
export * from './commands';
export * from './messages';
export * from './close-codes';
export * from './obs';
export * from './bounded-json';
export * from './result';
