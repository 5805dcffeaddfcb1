// How long loading and validating a pack takes, against the cost of merely reading and parsing
// the same YAML files in the same run: the ratio shows what validation adds, whatever the machine.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CORE_SCHEMA, load as loadQuickly } from 'js-yaml';
import { parse } from 'yaml';
import { loadPack } from '../src/main/content';
import { medianMs } from './measure';

function readAll(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
}

function readAndParseAll(dir: string): number {
  let parsed = 0;
  for (const text of readAll(dir)) {
    parse(text);
    parsed++;
  }
  return parsed;
}

/**
 * What the second YAML parser buys: the pack's files parsed (already read) by js-yaml, as the
 * loader's fast path does, against `yaml`, which the loader needs for error lines.
 */
async function parserComparison(dir: string): Promise<{ jsYamlMs: number; yamlMs: number }> {
  const texts = readAll(dir);
  const jsYamlMs = await medianMs(async () => {
    for (const text of texts) loadQuickly(text, { schema: CORE_SCHEMA, maxAliases: 0 });
  });
  const yamlMs = await medianMs(async () => {
    for (const text of texts) parse(text);
  });
  return { jsYamlMs, yamlMs };
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
  /** Parsing only (files already read), median: js-yaml's fast path against `yaml`. */
  jsYamlMs: number;
  yamlMs: number;
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
  const parsers = await parserComparison(dir);
  return {
    ...parsers,
    items: last.items.length,
    errors: last.errors.length,
    firstLoadMs,
    firstBaselineMs,
    baselineMs,
    loadMs,
  };
}
