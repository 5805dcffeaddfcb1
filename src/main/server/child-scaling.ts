import { fork } from 'node:child_process';
import { z } from 'zod';
import type { ScaleImage } from './media-scaling';

/**
 * Image scaling in a child process, for the Electron app. On Linux sharp's own GLib clashes
 * with the system GLib that Electron loads into its main process: crashes (SIGTRAP, SIGSEGV)
 * or floods of GLib-GObject-CRITICAL (electron#46323, sharp#4522). In a child of its own,
 * sharp never meets Electron's GLib. `serve` has no Electron and keeps sharp in process.
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
  postMessage(message: ScaleRequest): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export interface ChildScaler {
  scale: ScaleImage;
  /** Stops the child; a later request would start a new one. */
  close(): void;
}

/**
 * A `ScaleImage` that sends each request to a child started on first use. A child that dies
 * fails the requests it held (the media route then sends the file as it is) and the next
 * request starts a new one, so one bad image cannot stop scaling for the evening.
 */
export function createChildScaler(start: () => ScaleWorker | Promise<ScaleWorker>): ChildScaler {
  const pending = new Map<
    number,
    { resolve: (data: Buffer | null) => void; reject: (error: Error) => void }
  >();
  let worker: Promise<ScaleWorker> | undefined;
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
          const reply = scaleReplySchema.safeParse(raw);
          if (!reply.success) return;
          const request = pending.get(reply.data.id);
          if (!request) return;
          pending.delete(reply.data.id);
          if (!reply.data.ok) request.reject(new Error(reply.data.error));
          else request.resolve(reply.data.data ? Buffer.from(reply.data.data) : null);
        });
        child.onExit((code) => {
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

  return {
    scale: async (file, type, width) => {
      const child = await running();
      const id = nextId++;
      return new Promise<Buffer | null>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.postMessage({ id, file, type, width });
      });
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
    postMessage: (message) => child.send(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => child.kill(),
  };
}
