export * from './lrc';
export * from './lines';
