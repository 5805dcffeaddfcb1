import { Inflate } from 'fflate';
import { entryNameProblem } from './entry-name';
import { refuse } from './problem';

/* Reading a zip that may have been made to hurt: its central directory is read and every
   entry checked (names, types, duplicates, sizes, ratio, count) before a byte is inflated,
   and inflating stops the moment an entry grows past the size it declared. */

export interface ZipLimits {
  maxEntries: number;
  /** Uncompressed bytes of one entry. */
  maxFileBytes: number;
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: number;
  /** Uncompressed / compressed, for entries above `ratioFloorBytes`. */
  maxRatio: number;
  /** Small files (a short YAML) can compress very well and harm no one. */
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxFileBytes: 512 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  isDirectory: boolean;
  method: number;
  compressedSize: number;
  size: number;
  /** Where the entry's compressed bytes start in the zip. */
  dataOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

function findEndOfDirectory(zip: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65535.
  const stop = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= stop; at--) {
    if (zip.readUInt32LE(at) === EOCD) return at;
  }
  return refuse('eventPack.zipNotZip');
}

/** Every entry of the zip, checked; throws a PackRefusal naming the first entry that fails. */
export function readZipEntries(zip: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  if (zip.length < 22) refuse('eventPack.zipNotZip');
  const end = findEndOfDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  const dirSize = zip.readUInt32LE(end + 12);
  const dirOffset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) refuse('eventPack.zip64');
  if (count > limits.maxEntries)
    refuse('eventPack.tooManyEntries', { found: count, max: limits.maxEntries });
  if (dirOffset + dirSize > end) refuse('eventPack.zipCorrupt', { name: 'central directory' });

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== CENTRAL) {
      refuse('eventPack.zipCorrupt', { name: 'central directory' });
    }
    const madeBy = zip.readUInt16LE(at + 4);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const attributes = zip.readUInt32LE(at + 38);
    const localOffset = zip.readUInt32LE(at + 42);
    const rawName = zip.subarray(at + 46, at + 46 + nameLength);
    // Bit 11: UTF-8 names. Without it the name is CP437; a pack only ever has UTF-8 names.
    const name = rawName.toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;

    const nameProblem = entryNameProblem(name);
    if (nameProblem) refuse(nameProblem, { name });
    // Unicode normalisation and case: two names one file system would see as one file.
    const folded = name.normalize('NFC').toLowerCase();
    if (seen.has(folded)) refuse('eventPack.duplicate', { name });
    seen.add(folded);
    if (flags & 1) refuse('eventPack.encrypted', { name });
    // The upper half is a Unix mode when the zip was made on Unix (host 3) or macOS (19).
    const host = madeBy >> 8;
    const mode = host === 3 || host === 19 ? attributes >>> 16 : 0;
    const type = mode & S_IFMT;
    const isDirectory = name.endsWith('/');
    if (type !== 0 && type !== (isDirectory ? S_IFDIR : S_IFREG)) {
      refuse(type === 0o120000 ? 'eventPack.symlink' : 'eventPack.notRegular', { name });
    }
    if (isDirectory) {
      if (size !== 0) refuse('eventPack.zipCorrupt', { name });
      entries.push({ name, isDirectory, method, compressedSize, size, dataOffset: 0 });
      continue;
    }
    if (method !== STORED && method !== DEFLATED) refuse('eventPack.method', { name, method });
    if (compressedSize === 0xffffffff || size === 0xffffffff) refuse('eventPack.zip64');
    if (size > limits.maxFileBytes) {
      refuse('eventPack.fileTooBig', { name, size, max: limits.maxFileBytes });
    }
    total += size;
    if (total > limits.maxTotalBytes)
      refuse('eventPack.totalTooBig', { max: limits.maxTotalBytes });
    if (size > limits.ratioFloorBytes && size > compressedSize * limits.maxRatio) {
      refuse('eventPack.ratio', {
        name,
        ratio: Math.round(size / Math.max(1, compressedSize)),
        max: limits.maxRatio,
      });
    }
    if (method === STORED && size !== compressedSize) refuse('eventPack.zipCorrupt', { name });
    if (localOffset + 30 > dirOffset || zip.readUInt32LE(localOffset) !== LOCAL) {
      refuse('eventPack.zipCorrupt', { name });
    }
    const localNameLength = zip.readUInt16LE(localOffset + 26);
    const localExtraLength = zip.readUInt16LE(localOffset + 28);
    // The local header's name is what most extractors use: it must be the name checked here.
    const localName = zip.subarray(localOffset + 30, localOffset + 30 + localNameLength);
    if (!localName.equals(rawName)) refuse('eventPack.zipCorrupt', { name });
    const dataOffset = localOffset + 30 + localNameLength + localExtraLength;
    if (dataOffset + compressedSize > dirOffset) refuse('eventPack.zipCorrupt', { name });
    entries.push({ name, isDirectory, method, compressedSize, size, dataOffset });
  }
  return entries;
}

const CHUNK = 16 * 1024;

/** The entry's bytes; refuses one that inflates to more or less than it declared. */
export function inflateEntry(zip: Buffer, entry: ZipEntry): Buffer {
  const data = zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === STORED) return Buffer.from(data);
  const out = Buffer.alloc(entry.size);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > entry.size) refuse('eventPack.sizeLied', { name: entry.name });
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (let at = 0; at < data.length; at += CHUNK) {
      inflater.push(data.subarray(at, at + CHUNK), at + CHUNK >= data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof Error && error.name === 'PackRefusal') throw error;
    refuse('eventPack.zipCorrupt', { name: entry.name });
  }
  if (written !== entry.size) refuse('eventPack.sizeLied', { name: entry.name });
  return out;
}
