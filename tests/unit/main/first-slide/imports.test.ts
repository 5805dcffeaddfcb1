// The kept slide is answered before the core is loaded; that is its whole point. A static
// import of zod, fastify or anything else from a library on these files' way would load it
// before the server listens, and quietly give back the time they save.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../../../src');

/**
 * Value imports and re-exports (`import type` and `export type` load nothing). The clause
 * before `from` holds no `;` or quote, so a bare `import 'x';` is not read as the clause of the
 * next import.
 */
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^;'"]*?\s+from\s+)?'([^']+)';/gm;

function resolveLocal(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${from}: cannot resolve ${specifier}`);
}

/** Every module reached from `entry` by static imports: our files, and anything else by name. */
function reached(entry: string): { files: string[]; others: string[] } {
  const files = new Set<string>();
  const others = new Set<string>();
  const walk = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const specifier = match[1]!;
      if (specifier.startsWith('.')) walk(resolveLocal(file, specifier));
      else others.add(specifier);
    }
  };
  walk(entry);
  return { files: [...files].map((file) => path.relative(SRC, file)).sort(), others: [...others] };
}

describe('what the early start loads', () => {
  it.each([
    'main/first-slide/early-server.ts',
    'main/first-slide/kept-start.ts',
    'main/first-slide/record.ts',
  ])('%s imports Node builtins and small files of ours only', (entry) => {
    const { files, others } = reached(path.join(SRC, entry));
    expect(others.filter((name) => !name.startsWith('node:'))).toEqual([]);
    // Nothing of ours that is known to load a library: the protocol index (zod), the app.
    // (server/origin.ts is fine: it takes `baseUrl` from the views' table, not the index.)
    expect(
      files.filter((file) => /protocol[/\\]index|server[/\\](http|server)\.ts/.test(file)),
    ).toEqual([]);
    expect(files.length).toBeLessThan(16);
  });

  // The two entries a restart goes through: `serve` (and autostart) and the headless `npm start`.
  it.each(['main/cli.ts', 'main/launch.ts'])(
    '%s reaches no library and no core before the kept slide is up',
    (entry) => {
      const { files, others } = reached(path.join(SRC, entry));
      expect(others.filter((name) => !name.startsWith('node:'))).toEqual([]);
      expect(
        files.filter((file) =>
          /protocol[/\\]index|core[/\\]start|cli[/\\]serve\.ts|server[/\\](http|server)\.ts/.test(
            file,
          ),
        ),
      ).toEqual([]);
      expect(files).toContain('main/first-slide/early-server.ts');
    },
  );
});
