export * from './languages';
export * from './namespaces';
export * from './translator';
export { CATALOGS, type Catalog } from './catalogs';
export type { CoreKey, ProblemKey } from './catalog-keys';
