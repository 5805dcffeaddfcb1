import { open } from 'node:fs/promises';

const TAIL_BYTES = 4096;
const MAX_FULL_READ = 64 * 1024 * 1024;

/** What an image check reads of a file: its head and tail, and the whole only when needed. */
export interface FileParts {
  size: number;
  head: Buffer;
  tail: Buffer;
  /** Reads the whole file: only on the rare paths where head and tail are not enough. */
  whole(): Promise<Buffer | null>;
}

export async function readParts(file: string, headBytes: number): Promise<FileParts> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const headLength = Math.min(size, headBytes);
    const head = Buffer.alloc(headLength);
    await handle.read(head, 0, headLength, 0);
    let tail: Buffer;
    if (size <= headLength) {
      tail = head.subarray(Math.max(0, headLength - TAIL_BYTES));
    } else {
      const tailLength = Math.min(TAIL_BYTES, size - headLength);
      tail = Buffer.alloc(tailLength);
      await handle.read(tail, 0, tailLength, size - tailLength);
    }
    return {
      size,
      head,
      tail,
      whole: async () => {
        if (size <= headLength) return head;
        if (size > MAX_FULL_READ) return null;
        const h = await open(file, 'r');
        try {
          return await h.readFile();
        } finally {
          await h.close();
        }
      },
    };
  } finally {
    await handle.close();
  }
}
