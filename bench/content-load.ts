// How long loading and validating a pack takes, against the cost of merely reading and parsing
// the same YAML files in the same run: the ratio shows what validation adds, whatever the machine.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { loadPack } from '../src/main/content';
import { generatePack } from './generate-pack';
import { medianMs } from './measure';

function readAndParseAll(dir: string): number {
  let parsed = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.yaml')) continue;
    parse(readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
    parsed++;
  }
  return parsed;
}

export interface ContentLoadResult {
  items: number;
  errors: number;
  baselineMs: number;
  loadMs: number;
}

export async function benchContentLoad(): Promise<ContentLoadResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-pack-'));
  try {
    generatePack(dir, { cases: 400, songs: 200, drawings: 200, statements: 200 });
    const baselineMs = await medianMs(async () => readAndParseAll(dir));
    let last = await loadPack(dir);
    const loadMs = await medianMs(async () => {
      last = await loadPack(dir);
    });
    return { items: last.items.length, errors: last.errors.length, baselineMs, loadMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
