import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { MAX_JSON_DEPTH, parseBoundedJson } from '../../shared/protocol/bounded-json';

/** The steps of an atomic write, named so a test can stop the process between any two. */
export type AtomicWriteStep = 'temp-written' | 'temp-synced' | 'renamed';

export interface AtomicWriteOptions {
  /** File mode for the new file, e.g. 0o600 for secrets. */
  mode?: number;
  /** Test hook: called after each step. */
  onStep?: (step: AtomicWriteStep) => void | Promise<void>;
  /**
   * Called once the new file is written and synced, just before it replaces the old one: the
   * last moment to check the old one is still what the caller read. Throwing leaves the old
   * file as it is (the temp file is removed) and rejects with that error.
   */
  beforeRename?: () => Promise<void>;
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
    await options.beforeRename?.();
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
 * What a settings file may be. Ours are a few hundred bytes; 256 KiB is room for any hand
 * edit, and far from a 100 MB "token" that would be read, kept and printed.
 */
export const DEFAULT_MAX_FILE_BYTES = 256 * 1024;

export interface ReadLimits {
  /** Largest file read, in bytes; a bigger one is set aside unread. */
  maxBytes?: number;
  /** Deepest JSON nesting taken; MAX_JSON_DEPTH by default. */
  maxDepth?: number;
}

export type BoundedText =
  { status: 'ok'; text: string } | { status: 'missing' } | { status: 'refused'; problem: string };

/**
 * A file's text, read only if it is a regular file of at most `maxBytes`. A FIFO or a
 * device would stall or never end a plain read (it is opened non-blocking and refused), and
 * a file that grows while it is read is cut at `maxBytes + 1` and refused.
 */
export async function readTextBounded(file: string, maxBytes: number): Promise<BoundedText> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { status: 'refused', problem: 'is not a regular file' };
    if (info.size > maxBytes) {
      return { status: 'refused', problem: `is ${info.size} bytes; at most ${maxBytes} are read` };
    }
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) {
        return { status: 'refused', problem: `grew past ${maxBytes} bytes while it was read` };
      }
    }
    return { status: 'ok', text: buffer.subarray(0, length).toString('utf8') };
  } finally {
    await handle.close();
  }
}

/**
 * Reads a JSON file through its schema. A value that fails the schema is never used
 * (NodeCG's rule): the file is set aside with a timestamp, so nothing is lost and the caller
 * can fall back to defaults and tell the operator. So is a file over its size limit, nested
 * too deep, or not a regular file: each is refused before it is parsed, and the message
 * names the file and quotes nothing of what is in it.
 */
export async function readJsonFile<T>(
  file: string,
  schema: z.ZodType<T>,
  now: () => Date = () => new Date(),
  limits: ReadLimits = {},
): Promise<JsonFileRead<T>> {
  const read = await readTextBounded(file, limits.maxBytes ?? DEFAULT_MAX_FILE_BYTES);
  if (read.status === 'missing') return { status: 'missing' };
  let problem: string;
  if (read.status === 'refused') {
    problem = read.problem;
  } else {
    const json = parseBoundedJson(read.text, { maxDepth: limits.maxDepth ?? MAX_JSON_DEPTH });
    if (json.ok) {
      const parsed = schema.safeParse(json.value);
      if (parsed.success) return { status: 'ok', value: parsed.data };
      const issue = parsed.error.issues[0];
      problem = `${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'}`;
    } else {
      problem = json.error;
    }
  }
  const stamp = now().toISOString().replace(/[:.]/g, '-');
  const movedTo = `${file}.corrupt-${stamp}`;
  await rename(file, movedTo);
  return { status: 'corrupt', error: `${path.basename(file)} ${problem}`, movedTo };
}
