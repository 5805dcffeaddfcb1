// What the core loads before its server listens. The first slide waits for every module
// Node reads first, so the libraries only the content loader, the file watcher or OBS use
// are loaded after listening (a dynamic import()); a static import of one of them anywhere
// on the way to listen would quietly put it back in front of the first slide.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../../../src');

/** Loaded after the server listens (or on first use), never on the way to it. */
const AFTER_LISTEN = [
  'chokidar',
  'image-size',
  'js-yaml',
  'obs-websocket-js',
  'qrcode',
  'sharp',
  'yaml',
] as const;

/** Value imports and re-exports (`import type` and `export type` load nothing). */
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[\s\S]*?\s+from\s+)?'([^']+)';/gm;

function resolveLocal(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${from}: cannot resolve ${specifier}`);
}

const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** Every package reached from `entry` by static imports, with the chain that reaches it. */
function staticPackages(entry: string): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const here = [...chain, path.relative(SRC, file)];
    for (const match of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const specifier = match[1]!;
      if (specifier.endsWith('.json')) continue; // data: no module of ours, no library
      if (specifier.startsWith('.')) walk(resolveLocal(file, specifier), here);
      else if (!specifier.startsWith('node:') && !packages.has(packageOf(specifier))) {
        packages.set(packageOf(specifier), here);
      }
    }
  };
  walk(entry, []);
  return packages;
}

describe('what loads before the server listens', () => {
  it.each(['main/cli/serve.ts', 'main/core/start.ts', 'main/electron/app.ts'])(
    '%s reaches the server but none of the later libraries',
    (entry) => {
      const packages = staticPackages(path.join(SRC, entry));
      const early = AFTER_LISTEN.filter((name) => packages.has(name)).map(
        (name) => `${name} via ${packages.get(name)!.join(' -> ')}`,
      );
      expect(early).toEqual([]);
      // The walk itself works: the server's own library is found on the same path.
      expect(packages.get('fastify')).toBeDefined();
    },
  );

  it('the CLI entry loads no library before it knows its command', () => {
    expect([...staticPackages(path.join(SRC, 'main/cli.ts')).keys()]).toEqual([]);
  });
});
