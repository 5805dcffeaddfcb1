import { mkdir, realpath } from 'node:fs/promises';
import { isInside } from '../paths';

/**
 * Makes `dir` if needed and refuses it when it leads out of the pack (a link planted where
 * items or media go): the writer never writes outside the pack folder.
 */
export async function ensureInsidePack(packDir: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const [realPack, realDir] = await Promise.all([realpath(packDir), realpath(dir)]);
  if (!isInside(realPack, realDir)) throw new Error(`${dir} leads out of the pack`);
}
