import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LICENCES_DIR } from './manifest';

/** The bundled fonts and where each keeps its licence, inside node_modules. */
const FONT_LICENCES = [
  { pack: 'fontsource-inter', file: '@fontsource/inter/LICENSE' },
  { pack: 'fontsource-oswald', file: '@fontsource/oswald/LICENSE' },
  { pack: 'inter-ui', file: 'inter-ui/LICENSE.txt' },
] as const;

/** The node_modules folder above this module, from source (src/main/packs) or built (out/main). */
function findNodeModules(from: string): string | null {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

/**
 * The fonts' licence notes, as `licences/<font>/LICENSE…` (a name the loader passes over).
 * The fonts travel with the app, not the pack, but whoever receives the pack is told their terms.
 */
export async function fontLicences(
  nodeModules = findNodeModules(path.dirname(fileURLToPath(import.meta.url))),
): Promise<{ path: string; bytes: Buffer }[]> {
  if (nodeModules === null) return [];
  const found: { path: string; bytes: Buffer }[] = [];
  for (const licence of FONT_LICENCES) {
    const bytes = await readFile(path.join(nodeModules, licence.file)).catch(() => null);
    if (bytes) {
      found.push({ path: `${LICENCES_DIR}/${licence.pack}/${path.basename(licence.file)}`, bytes });
    }
  }
  return found;
}
