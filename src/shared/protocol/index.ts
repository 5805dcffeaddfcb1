export * from './roles';
export * from './show-state';
export * from './commands';
export * from './messages';
