import { stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { itemKinds, type ItemKind } from '../../../shared/content';
import {
  API_ITEM_ID,
  type ItemBody,
  type ItemList,
  type PackImages,
  type ItemRecord,
  type MediaFolder,
  type Version,
  streamedFolderSchema,
} from '../../../shared/protocol/content-api';
import { TaskChain } from '../../../shared/async/task-chain';
import { problem } from '../../../shared/protocol/localized-text';
import { readPack } from '../load-pack';
import { MEDIA_DIR, PACK_FILE } from '../pack-files';
import type { PackRead } from '../types';
import { checkCandidate } from './check-candidate';
import { carryOutForget, planForget } from './forget';
import { ChangedMeanwhile, createGuardedWriter, type ReadVersion } from './guarded-write';
import { listHistory, readFromHistory } from './history';
import { findItemFile, kindFolder } from './item-files';
import { listItems, problemsByFile } from './item-list';
import { packImages } from './pack-images';
import { editedText, fieldsOf } from './item-source';
import { writeNewMedia } from './media-writer';
import { ensureInsidePack } from './pack-folder';
import { referencesTo, withoutReferences, type Reference } from './references';
import { saveStreamed } from './streamed-upload';
import { moveToTrash } from './trash';
import type { ContentEditor, DeleteOutcome, WriteOutcome } from './types';
import { versionOf } from './version';

export interface ContentEditorOptions {
  packDir: string;
  /** Asks the store to reload now rather than when the watcher notices (it still does). */
  reloadSoon?: () => void;
  now?: () => Date;
  historyLimit?: number;
  /**
   * Test hook: called once a save is checked, just before its file is written. A hand edit
   * made here must still be caught (the file is hashed again right before the rename).
   */
  onChecked?: (file: string) => Promise<void>;
}

function isKind(kind: unknown): kind is ItemKind {
  return typeof kind === 'string' && (itemKinds as string[]).includes(kind);
}

/** Creates the pack's one writer (see `ContentEditor`). */
export function createContentEditor(options: ContentEditorOptions): ContentEditor {
  const { packDir } = options;
  const now = options.now ?? (() => new Date());
  const reloadSoon = options.reloadSoon ?? (() => {});
  /** One write at a time: a check and the write it allows are never split by another write. */
  const writes = new TaskChain();
  const serial = <T>(work: () => Promise<T>): Promise<T> => writes.run(work);

  const { abs, readCurrent, writeIfUnchanged } = createGuardedWriter({
    packDir,
    now,
    historyLimit: options.historyLimit,
  });
  const insidePack = (dir: string) => ensureInsidePack(packDir, dir);

  /**
   * Checks `text` as the new content of `file` and writes it if the file is still `expected`
   * (null: it must not exist). The replaced bytes go to history first.
   */
  const save = async (
    id: string,
    read: PackRead,
    file: string,
    text: string,
    expected: ReadVersion | null,
    yours: { version: Version | null; item: ItemBody },
  ): Promise<WriteOutcome> => {
    const problems = await checkCandidate(packDir, read, file, text);
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) return { status: 'invalid', errors };
    await insidePack(path.dirname(abs(file)));
    await options.onChecked?.(file);
    try {
      await writeIfUnchanged(file, text, expected, id);
    } catch (error) {
      if (!(error instanceof ChangedMeanwhile)) throw error;
      const onDisk = await readCurrent(file);
      return {
        status: 'conflict',
        conflict: {
          error: 'conflict',
          yours,
          current: {
            version: versionOf(onDisk ?? ''),
            item: (onDisk && fieldsOf(file, onDisk.toString('utf8'))) || {},
          },
        },
      };
    }
    reloadSoon();
    return {
      status: 'saved',
      saved: {
        id,
        file,
        version: versionOf(text),
        warnings: problems.filter((p) => p.severity === 'warning'),
      },
    };
  };

  /** A free file name for a new item of `kind`: `<kind folder>/<id>.yaml`, or `-2`, `-3`… */
  const newFileFor = async (kind: ItemKind, id: string): Promise<string> => {
    for (let n = 1; ; n++) {
      const file = `${kindFolder(kind)}/${id}${n === 1 ? '' : `-${n}`}.yaml`;
      const taken = await stat(abs(file)).then(
        () => true,
        () => false,
      );
      if (!taken) return file;
    }
  };

  /** Writes `fieldsOrText` as item `id`: fields are edited into the file, text replaces it. */
  const writeItem = async (
    id: string,
    next: { fields: ItemBody } | { text: string },
    ifMatch: Version | null,
  ): Promise<WriteOutcome> => {
    const read = await readPack(packDir);
    const existing = findItemFile(read, id);
    const bytes = existing ? await readCurrent(existing.file) : null;
    const yoursItem = 'fields' in next ? next.fields : (fieldsOf('item.yaml', next.text) ?? {});
    const yours = { version: ifMatch, item: yoursItem };
    if (!existing || !bytes) {
      if (ifMatch !== null) return { status: 'not-found' };
      const kind = yoursItem.kind;
      // No kind, or an unknown one: the loader's own words say so.
      const file = isKind(kind) ? await newFileFor(kind, id) : `${id}.yaml`;
      const text = 'fields' in next ? editedText(file, null, { ...next.fields, id }) : next.text;
      if (!isKind(kind)) {
        const errors = (await checkCandidate(packDir, read, file, text)).filter(
          (p) => p.severity === 'error',
        );
        return { status: 'invalid', errors };
      }
      return save(id, read, file, text, null, yours);
    }
    const version = versionOf(bytes);
    const currentText = bytes.toString('utf8');
    if (ifMatch !== null && ifMatch !== version) {
      return {
        status: 'conflict',
        conflict: {
          error: 'conflict',
          yours,
          current: { version, item: fieldsOf(existing.file, currentText) ?? {} },
        },
      };
    }
    let text: string;
    if ('fields' in next) {
      const before = fieldsOf(existing.file, currentText);
      // A file that names its id keeps naming it; one named after its id may stay so.
      const fields =
        before && 'id' in before && !('id' in next.fields) ? { ...next.fields, id } : next.fields;
      text =
        before === null
          ? editedText(existing.file, null, { ...fields, id })
          : editedText(existing.file, currentText, fields);
    } else {
      text = next.text;
    }
    return save(id, read, existing.file, text, { version, bytes }, yours);
  };

  const rewriteReferrer = async (reference: Reference): Promise<void> => {
    const bytes = await readCurrent(reference.file);
    if (!bytes) return;
    const text = bytes.toString('utf8');
    const fields = fieldsOf(reference.file, text);
    if (!fields) return;
    const next = editedText(reference.file, text, withoutReferences(fields, reference));
    const version = versionOf(bytes);
    await insidePack(path.dirname(abs(reference.file)));
    // `pack.yaml` is no item: its history goes under its file name, which no item id can be
    // (ids have no dots), so an item called `pack` keeps its own.
    const historyId = reference.file === PACK_FILE ? PACK_FILE : reference.id;
    await writeIfUnchanged(reference.file, next, { version, bytes }, historyId);
  };

  return {
    async list(): Promise<ItemList> {
      return listItems(packDir, await readPack(packDir));
    },
    async listImages(): Promise<PackImages> {
      return packImages(await readPack(packDir));
    },

    async read(id): Promise<ItemRecord | null> {
      if (!API_ITEM_ID.test(id)) return null;
      const read = await readPack(packDir);
      const found = findItemFile(read, id);
      if (!found) return null;
      const bytes = await readCurrent(found.file);
      if (!bytes) return null;
      const item = fieldsOf(found.file, bytes.toString('utf8')) ?? {};
      const kind = found.item?.kind ?? (typeof item.kind === 'string' ? item.kind : '');
      return {
        id,
        kind,
        file: found.file,
        version: versionOf(bytes),
        item,
        problems: problemsByFile(read).get(found.file) ?? [],
      };
    },

    write(id, body, ifMatch): Promise<WriteOutcome> {
      return serial(async () => {
        if (!API_ITEM_ID.test(id)) return { status: 'not-found' };
        if (body.id !== undefined && body.id !== id) {
          return {
            status: 'invalid',
            errors: [
              {
                ...problem('edit.idMismatch', { id: String(body.id), expected: id }),
                field: 'id',
                severity: 'error',
              },
            ],
          };
        }
        return writeItem(id, { fields: body }, ifMatch);
      });
    },

    restore(id, version, ifMatch): Promise<WriteOutcome> {
      return serial(async () => {
        if (!API_ITEM_ID.test(id)) return { status: 'not-found' };
        const bytes = await readFromHistory(packDir, id, version);
        if (!bytes) return { status: 'not-found' };
        return writeItem(id, { text: bytes.toString('utf8') }, ifMatch);
      });
    },

    remove(id, { removeReferences, forget = false }): Promise<DeleteOutcome> {
      return serial(async () => {
        if (!API_ITEM_ID.test(id)) return { status: 'not-found' };
        const read = await readPack(packDir);
        const found = findItemFile(read, id);
        if (!found) return { status: 'not-found' };
        const references = await referencesTo(packDir, read, id, found.file);
        if (references.length > 0 && !removeReferences) {
          return {
            status: 'in-use',
            usedBy: references.map(({ id: refId, kind, file }) => ({ id: refId, kind, file })),
          };
        }
        // Worked out before anything changes: the history and trash are read as they are now.
        const plan = forget ? await planForget(packDir, read, { id, file: found.file }) : null;
        for (const reference of references) await rewriteReferrer(reference);
        if (plan) {
          await unlink(abs(found.file));
          const forgotten = [found.file, ...(await carryOutForget(packDir, plan))];
          reloadSoon();
          return { status: 'forgotten', forgotten, removedFrom: references.map((r) => r.id) };
        }
        const trashed = await moveToTrash(packDir, found.file, now());
        reloadSoon();
        return { status: 'deleted', trashed, removedFrom: references.map((r) => r.id) };
      });
    },

    async history(id) {
      if (!API_ITEM_ID.test(id)) return null;
      const entries = await listHistory(packDir, id);
      if (entries) return entries;
      const read = await readPack(packDir);
      return findItemFile(read, id) ? [] : null;
    },

    saveMedia(folder: MediaFolder, name, extension, bytes): Promise<string> {
      return serial(async () => {
        const saved = await writeNewMedia(packDir, folder, name, extension, bytes);
        reloadSoon();
        return saved;
      });
    },

    async saveStreamedMedia(folder, source, streamOptions) {
      streamedFolderSchema.parse(folder);
      const dir = path.join(packDir, MEDIA_DIR, folder);
      await insidePack(dir);
      // Received and checked outside the queue (minutes for a big file on a slow link, and
      // item saves must not wait for it); only the naming is one of the writer's writes.
      return saveStreamed(dir, `${MEDIA_DIR}/${folder}`, source, streamOptions, (work) =>
        serial(async () => {
          const named = await work();
          reloadSoon();
          return named;
        }),
      );
    },

    exclusive(work) {
      return serial(async () => {
        try {
          return await work(packDir);
        } finally {
          reloadSoon();
        }
      });
    },
  };
}
