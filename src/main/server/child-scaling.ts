import { fork } from 'node:child_process';
import { z } from 'zod';
import type { CleanRequest, CleanUpload } from '../content/edit/upload-result';
import type { ScaleImage } from './media-scaling';

/**
 * Image scaling in a child process, for the Electron app. On Linux sharp's own GLib clashes
 * with the system GLib that Electron loads into its main process: crashes (SIGTRAP, SIGSEGV)
 * or floods of GLib-GObject-CRITICAL (electron#46323, sharp#4522). In a child of its own,
 * sharp never meets Electron's GLib. `serve` has no Electron and keeps sharp in process.
 * Uploads to the content API are cleaned there too (content/edit/media-upload.ts).
 */

export const scaleRequestSchema = z.strictObject({
  id: z.number().int().nonnegative(),
  file: z.string().min(1),
  type: z.string(),
  width: z.number().int().positive(),
});
export type ScaleRequest = z.infer<typeof scaleRequestSchema>;

export const scaleReplySchema = z.discriminatedUnion('ok', [
  z.strictObject({
    id: z.number().int(),
    ok: z.literal(true),
    data: z.instanceof(Uint8Array).nullable(),
  }),
  z.strictObject({ id: z.number().int(), ok: z.literal(false), error: z.string() }),
]);
export type ScaleReply = z.infer<typeof scaleReplySchema>;

/** The child as the scaler sees it: Node's `fork` and Electron's `utilityProcess` both fit. */
export interface ScaleWorker {
  /**
   * Sends a request. `failed` is called when it cannot reach the child (its channel closed as
   * it died): the error is the caller's, never an uncaught 'error' that stops the core.
   */
  postMessage(message: ScaleRequest | CleanRequest, failed: (error: Error) => void): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export interface ChildScaler {
  scale: ScaleImage;
  /** Cleans an upload in the same child. */
  clean: CleanUpload;
  /** Stops the child; a later request would start a new one. */
  close(): void;
}

/**
 * A `ScaleImage` that sends each request to a child started on first use. A child that dies
 * fails the requests it held (the media route then sends the file as it is) and the next
 * request starts a new one, so one bad image cannot stop scaling for the evening.
 */
export function createChildScaler(start: () => ScaleWorker | Promise<ScaleWorker>): ChildScaler {
  // Each request knows its own reply's shape: a reply that does not fit it fails the request.
  const pending = new Map<
    number,
    { settle: (reply: unknown) => void; reject: (error: Error) => void }
  >();
  let worker: Promise<ScaleWorker> | undefined;
  /** Children whose exit was heard: a request handed one of them would wait for ever. */
  const exited = new WeakSet<ScaleWorker>();
  let nextId = 0;

  const failPending = (reason: string) => {
    for (const request of pending.values()) request.reject(new Error(reason));
    pending.clear();
  };

  const running = (): Promise<ScaleWorker> => {
    worker ??= Promise.resolve()
      .then(start)
      .then((child) => {
        child.onMessage((raw) => {
          const id = z.object({ id: z.number().int() }).safeParse(raw);
          if (!id.success) return;
          const request = pending.get(id.data.id);
          if (!request) return;
          pending.delete(id.data.id);
          request.settle(raw);
        });
        child.onExit((code) => {
          exited.add(child);
          worker = undefined;
          failPending(`the image scaler stopped (exit code ${code})`);
        });
        return child;
      })
      .catch((error: unknown) => {
        worker = undefined;
        throw error;
      });
    return worker;
  };

  const ask = async <T>(
    message: (id: number) => ScaleRequest | CleanRequest,
    read: (reply: unknown) => T,
  ): Promise<T> => {
    const child = await running();
    // It died between being started and this request: the request fails, as a held one does.
    if (exited.has(child)) throw new Error('the image scaler stopped');
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      const settle = (reply: unknown) => {
        try {
          resolve(read(reply));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      pending.set(id, { settle, reject });
      child.postMessage(message(id), (error) => {
        if (!pending.delete(id)) return;
        reject(new Error(`the image scaler stopped (${error.message})`));
      });
    });
  };

  return {
    scale: (file, type, width) =>
      ask(
        (id) => ({ id, file, type, width }),
        (raw) => {
          const reply = scaleReplySchema.parse(raw);
          if (!reply.ok) throw new Error(reply.error);
          return reply.data ? Buffer.from(reply.data) : null;
        },
      ),
    clean: async (bytes, name) => {
      // Its schema (and the catalogs its refusals use) load with the first upload, not with
      // the scaler: the first scaled slide does not wait for them.
      const { cleanReplySchema } = await import('../content/edit/upload-result');
      return ask(
        (id) => ({ id, clean: { bytes, name } }),
        (raw): Awaited<ReturnType<CleanUpload>> => {
          const reply = cleanReplySchema.parse(raw);
          if (!reply.ok) throw new Error(reply.error);
          const result = reply.cleaned;
          if (!result.ok) return result;
          const data = result.upload.bytes;
          const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
          return { ok: true, upload: { ...result.upload, bytes } };
        },
      );
    },
    close: () => {
      const child = worker;
      worker = undefined;
      failPending('the image scaler was closed');
      void child?.then((c) => c.kill()).catch(() => {});
    },
  };
}

/**
 * The worker as a plain Node child (`child_process.fork`). `execArgv` lets tests run the
 * TypeScript source with tsx.
 */
export function forkScaleWorker(workerPath: string, execArgv: string[] = []): ScaleWorker {
  const child = fork(workerPath, [], {
    execArgv,
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    // With a callback, a send to a child whose channel has closed is an error passed here;
    // without one, Node emits it as 'error', which nothing handles, and the core would stop.
    postMessage: (message, failed) =>
      child.send(message, (error) => {
        if (error) failed(error);
      }),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => child.kill(),
  };
}
