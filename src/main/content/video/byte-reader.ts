import { open, type FileHandle } from 'node:fs/promises';

/**
 * Reads a file by position, never all of it: video files are big, and the facts we need sit
 * in a few small headers (an MP4's `moov` may be at the very end).
 */
export interface ByteReader {
  size: number;
  /** Up to `length` bytes at `position` (fewer at the end of the file). */
  read(position: number, length: number): Promise<Buffer>;
}

export async function withByteReader<T>(
  file: string,
  use: (reader: ByteReader) => Promise<T>,
): Promise<T> {
  const handle: FileHandle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const reader: ByteReader = {
      size,
      async read(position, length) {
        const wanted = Math.max(0, Math.min(length, size - position));
        const buffer = Buffer.alloc(wanted);
        if (wanted === 0) return buffer;
        const { bytesRead } = await handle.read(buffer, 0, wanted, position);
        return buffer.subarray(0, bytesRead);
      },
    };
    return await use(reader);
  } finally {
    await handle.close();
  }
}

/** A byte reader over bytes in memory (tests, and parsing a header already read). */
export function bufferReader(bytes: Buffer): ByteReader {
  return {
    size: bytes.length,
    read: (position, length) =>
      Promise.resolve(bytes.subarray(Math.min(position, bytes.length), position + length)),
  };
}
