import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FieldProblem, ItemList } from '../../../shared/protocol/content-api';
import { assemblePack, ownItems } from '../assemble-pack';
import type { FileResult, PackRead } from '../types';
import { fieldProblemOf } from './check-candidate';
import { fieldsOf } from './item-source';

type Fields = Record<string, unknown>;

/** The problems the loader finds in the pack as it is, by file. */
export function problemsByFile(read: PackRead): Map<string, FieldProblem[]> {
  const byFile = new Map<string, FieldProblem[]>();
  for (const error of assemblePack(read, ownItems(read)).errors) {
    const list = byFile.get(error.file) ?? [];
    list.push(fieldProblemOf(error));
    byFile.set(error.file, list);
  }
  return byFile;
}

/** An item's title (or name) in `language`, else in any language, else its id. */
function titleOf(fields: Fields | null, language: string, id: string): string {
  const title = fields?.title ?? fields?.name;
  if (typeof title === 'string') return title;
  if (title && typeof title === 'object') {
    const words = (title as Record<string, unknown>)[language];
    if (typeof words === 'string') return words;
    const first = Object.values(title).find((v) => typeof v === 'string');
    if (typeof first === 'string') return first;
  }
  return id;
}

/**
 * Every item file of the pack, broken ones included (read as far as their YAML goes), with
 * its problems: the editor's list.
 */
export async function listItems(packDir: string, read: PackRead): Promise<ItemList> {
  const pack = read.packFile.pack;
  const defaultLanguage = pack?.defaultLanguage ?? 'en';
  const languages = [
    defaultLanguage,
    ...(pack?.languages ?? []).filter((l) => l !== defaultLanguage),
  ];
  const problems = problemsByFile(read);
  const items = await Promise.all(
    read.files
      .filter((f): f is FileResult & { id: string } => f.id !== undefined)
      .map(async (f) => {
        const bytes = f.item
          ? null
          : await readFile(path.join(packDir, ...f.file.split('/'))).catch(() => null);
        const fields = f.item
          ? (f.item as unknown as Fields)
          : bytes
            ? fieldsOf(f.file, bytes.toString('utf8'))
            : null;
        const kind = f.item?.kind ?? (typeof fields?.kind === 'string' ? fields.kind : '');
        return {
          id: f.id,
          kind,
          title: titleOf(fields, defaultLanguage, f.id),
          file: f.file,
          problems: problems.get(f.file) ?? [],
        };
      }),
  );
  return { items, languages, defaultLanguage };
}
