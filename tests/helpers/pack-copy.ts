import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectOperator, type OperatorClient } from './operator';
import { builtInPack, serve, type ServeOptions, type Served } from './serve';

/**
 * A copy of `source` in a temporary folder with its pack.yaml edited, for a test that needs a
 * setting the pack does not have. The edit must change the file: a pack.yaml that moved on
 * under a test's pattern would otherwise test the unedited pack in silence.
 */
export function copyPack(source: string, edit: (packYaml: string) => string, prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(source, dir, { recursive: true });
  const packFile = join(dir, 'pack.yaml');
  const before = readFileSync(packFile, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`${prefix}: the edit left ${packFile} unchanged`);
  writeFileSync(packFile, after);
  return dir;
}

export interface PausedShow {
  server: Served;
  operator: OperatorClient;
  /** Stops the server and removes the pack copy. */
  stop(): Promise<void>;
}

/** A show served from `packDir`, paused so the loop holds still for pictures and checks. */
export async function servePaused(
  packDir: string,
  options: Omit<ServeOptions, 'content'> = {},
): Promise<PausedShow> {
  const server = await serve({ ...options, content: packDir });
  const operator = await connectOperator(server.urls.operator);
  await operator.send({ name: 'pause' });
  return {
    server,
    operator,
    async stop() {
      operator.close();
      await server.stop();
      rmSync(packDir, { recursive: true, force: true });
    },
  };
}

/**
 * A copy of the built-in pack at `<a new temporary folder>/pack`: the folder around it lets a
 * test check that nothing was written beside the pack (a hostile id, a link leading out).
 */
export function builtInPackInFolder(prefix: string): { root: string; packDir: string } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const packDir = join(root, 'pack');
  cpSync(builtInPack, packDir, { recursive: true });
  return { root, packDir };
}
