export * from './show';
