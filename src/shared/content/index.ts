export * from './text';
export * from './fields';
export * from './schema';
export * from './snapshot';
export * from './items';
export * from './case-record';
export * from './field-path';
export * from './missing-languages';
