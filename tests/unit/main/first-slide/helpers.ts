// Temp folders, a kept record and a plain HTTP client for the first-slide tests. node:http
// rather than fetch: the tests set the Host header, which fetch does not let a caller choose.
import { mkdtemp, rm } from 'node:fs/promises';
import { request, type IncomingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { KeptSlideRecord } from '../../../../src/main/first-slide/record';

const made: string[] = [];

/** A fresh temp folder, removed after the test. */
export async function tempDir(prefix = 'first-slide-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

export const DISPLAY_TOKEN = 'display-token-0123456789abcdef';
export const OPERATOR_TOKEN = 'operator-token-0123456789abcdef';
export const KIOSK_TOKEN = 'kiosk-token-0123456789abcdef';

export function makeRecord(overrides: Partial<KeptSlideRecord> = {}): KeptSlideRecord {
  return {
    version: 1,
    fingerprint: 'a'.repeat(64),
    itemId: 'case-1',
    writtenAtMs: 1_000,
    validUntilMs: 2_000,
    tokens: { display: DISPLAY_TOKEN, kiosk: KIOSK_TOKEN, operator: OPERATOR_TOKEN },
    page: '<!doctype html><html><head><title>kept</title></head><body>slide</body></html>',
    media: [],
    ...overrides,
  };
}

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface GetOptions {
  method?: string;
  host?: string;
  headers?: Record<string, string>;
}

/** One request on 127.0.0.1, without keep-alive; resolves with the whole reply. */
export function get(port: number, target: string, options: GetOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: target,
        method: options.method ?? 'GET',
        agent: false,
        headers: { host: options.host ?? `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Whether `promise` settles within `ms`. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const result = await Promise.race([promise.then(() => true as const), late]);
  clearTimeout(timer);
  return result;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
