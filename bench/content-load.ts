// How long loading and validating a pack takes, against the cost of merely reading and parsing
// the same YAML files in the same run: the ratio shows what validation adds, whatever the machine.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadPack } from '../src/main/content';
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
  /** The first load in this process: no image check cached yet, as when the app starts. */
  firstLoadMs: number;
  firstBaselineMs: number;
  /** Medians of later loads: what a watcher reload costs. */
  baselineMs: number;
  loadMs: number;
}

export async function benchContentLoad(dir: string): Promise<ContentLoadResult> {
  let start = performance.now();
  readAndParseAll(dir);
  const firstBaselineMs = performance.now() - start;
  start = performance.now();
  let last = await loadPack(dir);
  const firstLoadMs = performance.now() - start;
  const baselineMs = await medianMs(async () => readAndParseAll(dir));
  const loadMs = await medianMs(async () => {
    last = await loadPack(dir);
  });
  return {
    items: last.items.length,
    errors: last.errors.length,
    firstLoadMs,
    firstBaselineMs,
    baselineMs,
    loadMs,
  };
}
