import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { songSchema } from '../../../../../src/shared/content/schema';
import type { ImportResult } from '../../../../../src/shared/content/import';

export function fixture(name: string): string {
  return readFileSync(new URL(`../../../../fixtures/import/${name}`, import.meta.url), 'utf8');
}

/** What an import must always be: a song the pack's own schema accepts. */
export function expectValidSong(result: ImportResult): void {
  const parsed = songSchema.safeParse(result.song);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
}

export function warningKeys(result: ImportResult): string[] {
  return result.warnings.map((warning) => warning.key ?? '');
}

/** Every line's text in one language, stanza by stanza. */
export function column(result: ImportResult, language: string): (string | undefined)[][] {
  return result.song.sections.map((section) => section.lines.map((line) => line[language]));
}
