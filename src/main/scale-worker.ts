// The image scaling child (out/main/scale-worker.js): sharp away from Electron's main process
// (see server/child-scaling.ts). It answers each request once; anything that is not a request
// is ignored. Runs under Electron's utilityProcess in the app and under Node's fork in tests.
import type { CleanReply } from './content/edit/upload-result';
import { scaleRequestSchema, type ScaleReply } from './server/child-scaling';
import { scaleWithSharp } from './server/media-scaling';

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: ScaleReply | CleanReply): void;
}

type Reply = (message: ScaleReply | CleanReply) => void;

/** Cleans an upload (content/edit/media-upload.ts), loaded with the first one. */
async function clean(raw: unknown, reply: Reply): Promise<void> {
  const { cleanRequestSchema } = await import('./content/edit/upload-result');
  const request = cleanRequestSchema.safeParse(raw);
  if (!request.success) return;
  const { id, clean: upload } = request.data;
  try {
    const { cleanUpload } = await import('./content/edit/media-upload');
    const bytes = Buffer.from(
      upload.bytes.buffer,
      upload.bytes.byteOffset,
      upload.bytes.byteLength,
    );
    const cleaned = await cleanUpload(bytes, upload.name);
    reply({ id, ok: true, cleaned });
  } catch (error) {
    reply({ id, ok: false, error: (error as Error)?.message ?? String(error) });
  }
}

async function answer(raw: unknown, reply: Reply): Promise<void> {
  if (typeof raw === 'object' && raw !== null && 'clean' in raw) return clean(raw, reply);
  const request = scaleRequestSchema.safeParse(raw);
  if (!request.success) return;
  const { id, file, type, width } = request.data;
  try {
    const data = await scaleWithSharp(file, type, width);
    reply({ id, ok: true, data: data ? new Uint8Array(data) : null });
  } catch (error) {
    reply({ id, ok: false, error: (error as Error)?.message ?? String(error) });
  }
}

const parentPort = (process as { parentPort?: ParentPort }).parentPort;
if (parentPort) {
  parentPort.on('message', (event) => void answer(event.data, (m) => parentPort.postMessage(m)));
} else if (process.send) {
  process.on('message', (raw) => void answer(raw, (m) => process.send?.(m)));
  // The parent is gone: nobody will ask again.
  process.on('disconnect', () => process.exit(0));
} else {
  console.error('scale-worker: start me with utilityProcess.fork or child_process.fork');
  process.exit(2);
}
