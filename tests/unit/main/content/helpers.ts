import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { tempDir as makeTempDir } from '../../../helpers/temp-dir';

export const fixturesDir = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
export const goodPack = path.join(fixturesDir, 'packs/good');
export const brokenPack = path.join(fixturesDir, 'packs/broken');

/**
 * A fresh temporary folder, removed when the test that made it finishes (or sooner, by the
 * returned cleanup); made outside a test, only the cleanup removes it.
 */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = makeTempDir('solidarity-content-');
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A writable copy of a fixture pack in a temporary folder. */
export async function copyPack(
  source: string,
): Promise<{ dir: string; pack: string; cleanup: () => Promise<void> }> {
  const temp = await tempDir();
  const pack = path.join(temp.dir, 'pack');
  await cp(source, pack, { recursive: true });
  return { ...temp, pack };
}

/** Polls until `check` returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  check: () => T | undefined | null | false,
  what: string,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Fragments that make random text look like the YAML volunteers write, mistakes included. */
const fragment = fc.oneof(
  fc.constantFrom(
    'kind: case',
    'kind: statement',
    'kind: song',
    'kind: playlist',
    'kind: poem',
    'text: Free them all',
    'id: fuzz',
    'id: Fuzz!',
    'title: { en: Hi, ru: Привет }',
    'title:',
    '  en: Hello',
    '  - item',
    'items: [fuzz, main]',
    'arrested: July',
    'arrested: 2023-02-30',
    'sections:',
    '  - lines:',
    '      - {}',
    'a: &a [x, x]',
    'b: [*a, *a, *a]',
    '*nothing',
    '---',
    '...',
    '"unclosed',
    "'single",
    '[1, 2',
    '{ a: 1',
    '\t- tab',
    '? complex',
    ': value',
    '!!binary aGk=',
    '!custom tag',
    '%YAML 1.2',
    '__proto__: { polluted: true }',
    'image: ../../etc/passwd',
    'photo: { file: /etc/passwd, consent: true }',
    '# comment',
    '',
  ),
  fc.string({ maxLength: 30 }),
);

export const yamlish = fc.array(fragment, { maxLength: 12 }).map((lines) => lines.join('\n'));

/**
 * Content errors as location and English only: the key and parameters each error also
 * carries are checked in `problem-keys.test.ts`, so these tests read as the CLI prints.
 */
export function english<T extends { key?: string; params?: unknown }>(
  errors: readonly T[],
): Omit<T, 'key' | 'params'>[] {
  return errors.map(({ key: _key, params: _params, ...rest }) => rest);
}
