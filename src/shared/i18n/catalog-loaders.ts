import type { Catalog } from './catalogs';
import { isAppLanguage, type AppLanguage } from './languages';
import { NAMESPACES, type Namespace } from './namespaces';

/**
 * One catalog, fetched when a page needs it. The bundler makes each
 * `locales/<language>/<namespace>.json` a chunk of its own, so a page's entry script carries
 * no catalog and a page loads only its own rooms in its own languages (the whole table was
 * ~234 kB of the entry every view evaluated before its first render). The main process keeps
 * the static table (`catalogs.ts`): it reads every catalog and has no page to wait for.
 */
export function loadCatalog(language: AppLanguage, namespace: Namespace): Promise<Catalog> {
  // The names become part of a path: only the known ones may.
  if (!isAppLanguage(language) || !(NAMESPACES as readonly string[]).includes(namespace)) {
    return Promise.reject(new Error(`no catalog ${String(language)}/${String(namespace)}`));
  }
  return import(`./locales/${language}/${namespace}.json`).then(
    (module: { default: Catalog }) => module.default,
  );
}
