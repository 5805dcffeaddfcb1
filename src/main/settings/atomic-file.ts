import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';

/** The steps of an atomic write, named so a test can stop the process between any two. */
export type AtomicWriteStep = 'temp-written' | 'temp-synced' | 'renamed';

export interface AtomicWriteOptions {
  /** File mode for the new file, e.g. 0o600 for secrets. */
  mode?: number;
  /** Test hook: called after each step. */
  onStep?: (step: AtomicWriteStep) => void | Promise<void>;
}

/**
 * Writes a file so that a crash at any moment leaves either the old file or the new one,
 * never a torn one: write a temp file beside it, fsync it, rename it over the old one, then
 * fsync the folder so the rename itself survives a power cut.
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'w', options.mode ?? 0o644);
  try {
    await handle.writeFile(data);
    await options.onStep?.('temp-written');
    await handle.sync();
    await options.onStep?.('temp-synced');
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temp, file);
  await options.onStep?.('renamed');
  await syncFolder(dir);
}

async function syncFolder(dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; there the rename is as durable as it gets.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export type JsonFileRead<T> =
  | { status: 'ok'; value: T }
  | { status: 'missing' }
  | { status: 'corrupt'; error: string; movedTo: string };

/**
 * Reads a JSON file through its schema. A value that fails the schema is never used
 * (NodeCG's rule): the file is set aside with a timestamp, so nothing is lost and the caller
 * can fall back to defaults and tell the operator.
 */
export async function readJsonFile<T>(
  file: string,
  schema: z.ZodType<T>,
  now: () => Date = () => new Date(),
): Promise<JsonFileRead<T>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    throw error;
  }
  let problem: string;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return { status: 'ok', value: parsed.data };
    const issue = parsed.error.issues[0];
    problem = `${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'}`;
  } catch (error) {
    problem = `not valid JSON (${(error as Error).message})`;
  }
  const stamp = now().toISOString().replace(/[:.]/g, '-');
  const movedTo = `${file}.corrupt-${stamp}`;
  await rename(file, movedTo);
  return { status: 'corrupt', error: `${path.basename(file)} ${problem}`, movedTo };
}
