import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  editYamlText,
  newYamlText,
  yamlValue,
} from '../../../../../src/main/content/edit/yaml-edit';

const CONTENT = path.resolve(import.meta.dirname, '../../../../../content');
const read = (rel: string) => readFileSync(path.join(CONTENT, rel), 'utf8');
type Fields = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- edits reach into the item as the YAML has it

/** The lines of `after` that are not in `before` at the same place, and the reverse. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { removed: a.slice(start, endA), added: b.slice(start, endB) };
}

function edit(text: string, change: (fields: Fields) => void): string {
  const fields = structuredClone(yamlValue(text)) as Fields;
  change(fields);
  const edited = editYamlText(text, fields);
  // Whatever the text, it says exactly what was asked.
  expect(yamlValue(edited)).toEqual(fields);
  return edited;
}

const comments = (text: string) => text.split('\n').filter((line) => /^\s*#/.test(line));

describe('editing a file a person wrote', () => {
  const boris = read('cases/boris-kagarlitsky.yaml');

  it('changes only the lines of the changed values, and keeps every comment', () => {
    const edited = edit(boris, (f) => {
      f.age = 66;
      f.status.fr = 'Condamné à cinq ans de colonie';
    });
    const ageDiff = changedLines(boris, edited.replace(/^age: 66$/m, 'age: 65'));
    // Everything but `age` and the French status is byte for byte what it was.
    expect(ageDiff.added).toEqual(['  fr: Condamné à cinq ans de colonie']);
    expect(ageDiff.removed).toEqual([
      '  fr: >-',
      '    Condamné à une amende et libéré en décembre 2023, de nouveau incarcéré le 13 février 2024 avec',
      '    une peine de cinq ans',
    ]);
    expect(edited).toMatch(/^age: 66$/m);
    expect(comments(edited)).toEqual(comments(boris));
    expect(comments(boris).length).toBeGreaterThan(5);
  });

  it('quotes a value that would otherwise read as another type or break the line', () => {
    const edited = edit(boris, (f) => {
      f.status.en = 'true';
      f.status.ru = 'two: words';
      f.name.fr = '123';
      f.summary.en = 'first line\nsecond line';
    });
    expect(edited).toContain('  en: "true"');
    expect(comments(edited)).toEqual(comments(boris));
  });

  it('adds and removes keys with only their own lines', () => {
    const edited = edit(boris, (f) => {
      delete f.sensitive;
      f.campaignTag = { source: 'tonight' };
    });
    expect(edited).toBe(
      `${boris.replace('sensitive: true\n', '')}campaignTag:\n  source: tonight\n`,
    );
  });

  it('takes entries out of a list with their lines and the comment about them', () => {
    const edited = edit(boris, (f) => {
      f.custody.shift();
    });
    expect(edited).not.toContain('# Pre-trial detention');
    expect(edited).toContain('# Taken into custody in the courtroom');
    expect(edited).not.toContain('until: 2023-12-12');
    const playlist = read('playlists/main.yaml');
    const shorter = edit(playlist, (f) => {
      f.items = f.items.filter((id: string) => id !== 'azat-miftakhov');
    });
    expect(shorter).toBe(playlist.replace('  - azat-miftakhov\n', ''));
  });

  it('rewrites a reordered list in place and leaves the rest alone', () => {
    const playlist = read('playlists/main.yaml');
    const edited = edit(playlist, (f) => {
      f.items = [...f.items].reverse().concat('new-item');
    });
    expect(edited.startsWith(playlist.slice(0, playlist.indexOf('items:')))).toBe(true);
  });

  it('writes the right values for every kind of change in every file of the built-in pack', () => {
    const files = [
      'cases/azat-miftakhov.yaml',
      'songs/internationale.yaml',
      'setlists/concert.yaml',
      'pack.yaml',
    ];
    for (const file of files) {
      const text = read(file);
      const original = yamlValue(text) as Fields;
      for (const key of Object.keys(original)) {
        edit(text, (f) => delete f[key]);
        edit(text, (f) => (f[key] = 'replaced'));
        edit(text, (f) => (f[key] = { nested: ['a', 1, true, null] }));
        edit(text, (f) => (f[key] = []));
      }
      // Inside flow maps and nested lists.
      edit(text, (f) => {
        for (const value of Object.values(f)) {
          if (Array.isArray(value) && typeof value[0] === 'object' && value[0] !== null) {
            for (const k of Object.keys(value[0])) value[0][k] = `${k}, with: {odd} [chars] #`;
          }
        }
      });
    }
  }, 60_000);
});

describe('a new file', () => {
  it('starts with kind and id, then the fields as given', () => {
    const text = newYamlText({ title: { en: 'Hi' }, id: 'hi', kind: 'statement', text: 'true' });
    expect(text).toBe('kind: statement\nid: hi\ntitle:\n  en: Hi\ntext: "true"\n');
  });
});
