export * from './show-actions';
