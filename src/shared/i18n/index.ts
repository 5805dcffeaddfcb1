export * from './languages';
export * from './namespaces';
export * from './translator';
export { CATALOGS, type Catalog } from './catalogs';
