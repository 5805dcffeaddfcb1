import { createHash, randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { coreText, type LocalizedText } from '../../shared/protocol';
import { readJsonFile, writeFileAtomic } from '../settings/atomic-file';

export const DEVICES_FILE = 'remote-devices.json';

/** A paired phone as stored: its token is never kept, only the token's SHA-256. */
export interface Device {
  id: string;
  name: string;
  pairedAt: number;
  tokenHash: string;
}

/** A long evening has a handful of phones; a limit keeps a runaway script from filling a disk. */
export const MAX_DEVICES = 20;

/** Read back with limits on every field: names reach the operator's console. */
const devicesFileSchema = z.object({
  devices: z
    .array(
      z.object({
        id: z.string().min(1).max(64),
        name: z.string().max(80),
        pairedAt: z.number().nonnegative(),
        tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .max(MAX_DEVICES),
});

/** Twenty phones take about 4 KB. */
const MAX_DEVICES_FILE_BYTES = 64 * 1024;

/** 32 random bytes: a guess is hopeless, and the socket checks it on every connection. */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface DeviceStore {
  list(): Device[];
  /** The paired phone holding `token`, or null. */
  find(token: string): Device | null;
  /** Pairs a phone: the token is returned once and only its hash is kept. */
  add(name: string, now: number): Promise<{ device: Device; token: string }>;
  /** Unpairs a phone at once; the file follows. False when no phone has that id. */
  remove(id: string): Promise<boolean>;
}

/**
 * The paired phones, in `<data>/remote-devices.json` (mode 0600, written atomically) so a
 * phone stays paired across restarts; in memory only when the core keeps no data folder.
 * A file that fails its schema is set aside and every phone pairs again (`notice` says so).
 */
export async function openDeviceStore(
  dataDir: string | null,
  notice: (text: LocalizedText) => void,
): Promise<DeviceStore> {
  const file = dataDir === null ? null : path.join(dataDir, DEVICES_FILE);
  let devices: Device[] = [];
  if (file) {
    try {
      const read = await readJsonFile(file, devicesFileSchema, undefined, {
        maxBytes: MAX_DEVICES_FILE_BYTES,
      });
      if (read.status === 'ok') devices = read.value.devices;
      if (read.status === 'corrupt') {
        notice(coreText('notice.devicesCorrupt', { detail: read.error, movedTo: read.movedTo }));
      }
    } catch (error) {
      notice(coreText('notice.devicesUnreadable', { file, detail: (error as Error).message }));
    }
  }

  // Writes are chained so two quick changes land in order.
  let writing: Promise<void> = Promise.resolve();
  const persist = (): Promise<void> => {
    if (!file) return Promise.resolve();
    const text = `${JSON.stringify({ devices }, null, 2)}\n`;
    writing = writing
      .then(() => writeFileAtomic(file, text, { mode: 0o600 }))
      .catch((error: unknown) =>
        notice(coreText('notice.devicesUnsaved', { file, detail: (error as Error).message })),
      );
    return writing;
  };

  return {
    list: () => devices.map((d) => ({ ...d })),
    find(token) {
      const hash = hashToken(token);
      // Comparing hashes, not tokens: timing can at most reveal a hash prefix, which is useless.
      return devices.find((d) => d.tokenHash === hash) ?? null;
    },
    async add(name, now) {
      const token = newDeviceToken();
      const device: Device = { id: randomUUID(), name, pairedAt: now, tokenHash: hashToken(token) };
      devices = [...devices, device];
      await persist();
      return { device, token };
    },
    async remove(id) {
      if (!devices.some((d) => d.id === id)) return false;
      devices = devices.filter((d) => d.id !== id);
      await persist();
      return true;
    },
  };
}
