import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

/**
 * A fresh folder in the system's temp folder, removed when the test that made it finishes,
 * so a run leaves nothing behind. Made outside a test (at module level, in `beforeAll`), it
 * is the caller's to remove.
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  try {
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  } catch {
    // Not inside a test: vitest has no test to attach the removal to.
  }
  return dir;
}
