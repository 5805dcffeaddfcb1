import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContentEditor } from '../../../../../src/main/content/edit/editor';
import { lateEditor } from '../../../../../src/main/content/edit/late-editor';
import { readPack } from '../../../../../src/main/content/load-pack';
import { watcherIgnores } from '../../../../../src/main/content/watch-checks';
import { builtInPackInFolder } from '../../../../helpers/pack-copy';

let root: string;
let packDir: string;

beforeEach(() => {
  ({ root, packDir } = builtInPackInFolder('ss-editor-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('the one writer', () => {
  it('a hand edit made after the check and before the write wins: conflict, nothing overwritten', async () => {
    const file = path.join(packDir, 'statements', 'call-to-action.yaml');
    const handEdit = `${readFileSync(file, 'utf8')}# typed by hand meanwhile\n`;
    const editor = createContentEditor({
      packDir,
      onChecked: async () => writeFileSync(file, handEdit),
    });
    const record = (await editor.read('call-to-action'))!;
    const outcome = await editor.write(
      'call-to-action',
      { ...record.item, title: 'From the console' },
      record.version,
    );
    expect(outcome.status).toBe('conflict');
    expect(readFileSync(file, 'utf8')).toBe(handEdit);
    expect(existsSync(path.join(packDir, '.history'))).toBe(false);
    // No temp file is left beside it.
    expect(readdirSync(path.dirname(file)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('a new item cannot be created over a file that appeared meanwhile', async () => {
    const file = path.join(packDir, 'statements', 'brand-new.yaml');
    const editor = createContentEditor({
      packDir,
      onChecked: async () => writeFileSync(file, 'kind: statement\ntitle: mine\ntext: by hand\n'),
    });
    const outcome = await editor.write(
      'brand-new',
      { kind: 'statement', title: 'x', text: 'y' },
      null,
    );
    expect(outcome.status).toBe('conflict');
    expect(readFileSync(file, 'utf8')).toContain('by hand');
  });

  it('edits a Markdown item’s front matter and text, keeping the rest', async () => {
    const file = path.join(packDir, 'statements', 'note.md');
    writeFileSync(
      file,
      '---\n# written by hand\nkind: statement\ntitle: Note\n---\n\nThe first text.\n',
    );
    const editor = createContentEditor({ packDir });
    const record = (await editor.read('note'))!;
    expect(record.item).toEqual({ kind: 'statement', title: 'Note', text: 'The first text.' });
    const outcome = await editor.write(
      'note',
      { kind: 'statement', title: 'Note two', text: 'The second text.' },
      record.version,
    );
    expect(outcome.status).toBe('saved');
    expect(readFileSync(file, 'utf8')).toBe(
      '---\n# written by hand\nkind: statement\ntitle: Note two\n---\n\nThe second text.\n',
    );
  });
});

describe('saving media', () => {
  it('picks a free name and never overwrites', async () => {
    const editor = createContentEditor({ packDir });
    const first = await editor.saveMedia('photos', 'ivan', 'jpg', Buffer.from('one'));
    const second = await editor.saveMedia('photos', 'ivan', 'jpg', Buffer.from('two'));
    const third = await editor.saveMedia('photos', 'ivan', 'jpg', Buffer.from('three'));
    expect([first, second, third]).toEqual([
      'media/photos/ivan.jpg',
      'media/photos/ivan-2.jpg',
      'media/photos/ivan-3.jpg',
    ]);
    expect(readFileSync(path.join(packDir, first), 'utf8')).toBe('one');
    expect(readdirSync(path.join(packDir, 'media', 'photos')).sort()).toEqual([
      'ivan-2.jpg',
      'ivan-3.jpg',
      'ivan.jpg',
    ]);
  });

  it('never leaves the pack: a media folder linked outside, or a name with a path, is refused', async () => {
    const outside = path.join(root, 'outside');
    mkdirSync(outside);
    rmSync(path.join(packDir, 'media', 'drawings'), { recursive: true, force: true });
    mkdirSync(path.join(packDir, 'media'), { recursive: true });
    symlinkSync(outside, path.join(packDir, 'media', 'drawings'));
    const editor = createContentEditor({ packDir });
    await expect(editor.saveMedia('drawings', 'fist', 'png', Buffer.from('x'))).rejects.toThrow();
    expect(readdirSync(outside)).toEqual([]);
    for (const name of ['../x', '..', 'a/b', '.hidden', 'A']) {
      await expect(editor.saveMedia('photos', name, 'jpg', Buffer.from('x'))).rejects.toThrow();
    }
    await expect(
      editor.saveMedia('../..' as 'photos', 'x', 'jpg', Buffer.from('x')),
    ).rejects.toThrow();
    expect(readdirSync(root).sort()).toEqual(['outside', 'pack']);
  });
});

describe('hidden folders', () => {
  it('the loader never reads .history or .trash as content', async () => {
    const editor = createContentEditor({ packDir });
    const record = (await editor.read('call-to-action'))!;
    await editor.write('call-to-action', { ...record.item, title: 'Again' }, record.version);
    await editor.remove('placeholder-raised-fist', { removeReferences: true });
    expect(readdirSync(path.join(packDir, '.history'))).toContain('call-to-action');
    expect(readdirSync(path.join(packDir, '.trash'))).toHaveLength(1);
    const read = await readPack(packDir);
    expect(read.files.filter((f) => f.file.startsWith('.'))).toEqual([]);
    expect(read.others.filter((f) => f.startsWith('.'))).toEqual([]);
    expect(read.files.some((f) => f.id === 'placeholder-raised-fist')).toBe(false);
  });

  it('the watcher never watches them either', () => {
    for (const rel of ['.history', '.history/call-to-action/x.yaml', '.trash/x-case.yaml']) {
      expect(watcherIgnores(packDir, path.join(packDir, rel)), rel).toBe(true);
    }
    for (const rel of ['cases/x.yaml', 'media/photos/ivan.jpg', 'pack.yaml']) {
      expect(watcherIgnores(packDir, path.join(packDir, rel)), rel).toBe(false);
    }
  });
});

describe('the late editor', () => {
  it('holds calls until the real editor is attached, and fails them if the start fails', async () => {
    const late = lateEditor();
    const listed = late.editor.list();
    late.attach(createContentEditor({ packDir }));
    expect((await listed).items.length).toBeGreaterThan(10);

    const failed = lateEditor();
    const pending = failed.editor.read('x');
    failed.abandon(new Error('the pack did not open'));
    await expect(pending).rejects.toThrow('the pack did not open');
  });
});
