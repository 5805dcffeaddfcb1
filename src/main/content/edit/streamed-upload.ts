import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { link, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileStreamClosed } from '../file-stream';

/*
 * An upload too big to hold in memory (a video is hundreds of MB), written as it arrives to a
 * temporary file beside where it will live, counted on the way: past the cap the stream is cut
 * and the part written is deleted. Only a file checked whole is given a name (`linkFreeName`).
 */

/** Counted past the cap: the upload is cut there. */
export class UploadTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the upload is larger than ${limit} bytes`);
  }
}

export type Received = { ok: true; temp: string; size: number } | { ok: false; tooLarge: true };

/** A name no upload in flight shares, hidden (dot) so the loader never lists it. */
export function tempUploadName(dir: string): string {
  return path.join(dir, `.upload-${randomBytes(8).toString('hex')}.tmp`);
}

/**
 * Writes `source` to a new temporary file in `dir` (which must exist), refusing it as soon as
 * more than `maxBytes` arrive. On any failure the temporary file is gone when this returns.
 */
export async function receiveToTemp(
  dir: string,
  source: Readable,
  maxBytes: number,
): Promise<Received> {
  const temp = tempUploadName(dir);
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) done(new UploadTooLarge(maxBytes));
      else done(null, chunk);
    },
  });
  // The source is piped, not put in the pipeline: cut at the cap, it is left unread (not
  // destroyed), so the server can still answer 413 on the connection before closing it.
  const sourceFailed = (error: Error) => counter.destroy(error);
  source.once('error', sourceFailed);
  source.once('aborted', () => counter.destroy(new Error('the upload was aborted')));
  source.pipe(counter);
  // `wx`: a file that is there (planted, or a link) is never written through.
  const sink = createWriteStream(temp, { flags: 'wx', mode: 0o644 });
  try {
    await pipeline(counter, sink);
  } catch (error) {
    source.unpipe(counter);
    await fileStreamClosed(sink);
    await rm(temp, { force: true });
    if (error instanceof UploadTooLarge) return { ok: false, tooLarge: true };
    throw error;
  } finally {
    source.off('error', sourceFailed);
  }
  return { ok: true, temp, size };
}

/**
 * Gives the checked file `temp` the first free name `name.ext`, `name-2.ext`, … in `dir` and
 * removes the temporary name. A hard link never replaces a file: a taken name fails and the
 * next is tried, so an upload never overwrites another silently.
 */
export async function linkFreeName(
  temp: string,
  dir: string,
  name: string,
  extension: string,
): Promise<string> {
  if (!/^[a-z0-9][a-z0-9_-]{0,120}$/.test(name)) throw new Error('unsafe media name');
  // `vtt`, or with a language before it: `en.vtt`, `pt-br.srt`.
  if (!/^(?:[a-z0-9-]{1,20}\.)?[a-z0-9]{1,5}$/.test(extension))
    throw new Error('unsafe media extension');
  try {
    for (let n = 1; n < 10_000; n++) {
      const fileName = `${name}${n === 1 ? '' : `-${n}`}.${extension}`;
      try {
        await link(temp, path.join(dir, fileName));
        return fileName;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    throw new Error('no free media name');
  } finally {
    await rm(temp, { force: true });
  }
}

/** What `check` says of a whole received file: keep it (with the extension its bytes give), or why not. */
export type StreamCheck<F, R> =
  { keep: true; extension: string; facts: F } | { keep: false; refusal: R };

export type StreamSaved<F, R> =
  | { status: 'saved'; path: string; facts: F }
  | { status: 'refused'; refusal: R }
  | { status: 'tooLarge' };

export interface StreamOptions<F, R> {
  /** The safe base name (`safeUploadName`): lower-case, no path, no dot. */
  name: string;
  maxBytes: number;
  /** Decides on the whole temporary file, from its bytes. */
  check: (temp: string) => Promise<StreamCheck<F, R>>;
}

/**
 * Receives `source` into `dir` (`media/<folder>/`, already made and checked inside the pack),
 * checks it whole, and names it; a refused or cut file leaves nothing behind. `naming` runs the
 * naming step (the pack writer runs it as one of its writes); `shownDir` is the pack path of `dir`.
 */
export async function saveStreamed<F, R>(
  dir: string,
  shownDir: string,
  source: Readable,
  options: StreamOptions<F, R>,
  naming: <T>(work: () => Promise<T>) => Promise<T> = (work) => work(),
): Promise<StreamSaved<F, R>> {
  const received = await receiveToTemp(dir, source, options.maxBytes);
  if (!received.ok) return { status: 'tooLarge' };
  let checked: StreamCheck<F, R>;
  try {
    checked = await options.check(received.temp);
  } catch (error) {
    await rm(received.temp, { force: true });
    throw error;
  }
  if (!checked.keep) {
    await rm(received.temp, { force: true });
    return { status: 'refused', refusal: checked.refusal };
  }
  const { extension, facts } = checked;
  const fileName = await naming(() => linkFreeName(received.temp, dir, options.name, extension));
  return { status: 'saved', path: `${shownDir}/${fileName}`, facts };
}
