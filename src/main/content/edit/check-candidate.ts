import { realpath } from 'node:fs/promises';
import type { ContentError } from '../../../shared/content';
import type { FieldProblem } from '../../../shared/protocol/content-api';
import { assemblePack, ownItems } from '../assemble-pack';
import { interpretItemText } from '../interpret-item';
import type { PackRead } from '../types';

/** A loader's error as the API says it: the field and the words, no file (it is the item's). */
export function fieldProblemOf(error: ContentError): FieldProblem {
  const problem: FieldProblem = {
    message: error.message,
    field: error.field,
    // The loader may mark a problem as a warning (a text missing in one language).
    severity: (error as { severity?: string }).severity === 'warning' ? 'warning' : 'error',
  };
  if (error.key) problem.key = error.key;
  if (error.params) problem.params = error.params;
  return problem;
}

/**
 * Every problem the loader would report for `file` if its text were `text`: the same
 * per-file checks (`interpret-item.ts`) and the same checks across files (`assemble-pack.ts`),
 * run on the pack as it is with this one file substituted. Nothing is written.
 */
export async function checkCandidate(
  packDir: string,
  read: PackRead,
  file: string,
  text: string,
): Promise<FieldProblem[]> {
  const candidate = await interpretItemText(
    { dir: packDir, real: await realpath(packDir) },
    file,
    text,
  );
  const files = [...read.files.filter((f) => f.file !== file), candidate];
  const substituted: PackRead = { ...read, files };
  const { errors } = assemblePack(substituted, ownItems(substituted));
  return errors.filter((e) => e.file === file).map(fieldProblemOf);
}
