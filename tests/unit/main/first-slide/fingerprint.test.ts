import { appendFile, mkdir, rename, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { keptSlideFingerprint } from '../../../../src/main/first-slide/fingerprint';
import { KEPT_SLIDE_FILE, writeKeptSlide } from '../../../../src/main/first-slide/record';
import { ELECTRON_PROFILE_DIR, KIOSK_BROWSER_LOG } from '../../../../src/main/settings/data-dir';
import { makeRecord, sleep, tempDir } from './helpers';

let contentDir: string;
let dataDir: string;
let rendererDir: string;
let options: Record<string, string | number | boolean | null>;

const fingerprint = () => keptSlideFingerprint({ contentDir, dataDir, rendererDir, options });

beforeEach(async () => {
  contentDir = await tempDir('pack-');
  dataDir = await tempDir('data-');
  rendererDir = await tempDir('renderer-');
  options = { merch: null, clockShiftMs: 0, safeMode: false };
  await mkdir(path.join(contentDir, 'cases'));
  await mkdir(path.join(contentDir, 'media', 'photos'), { recursive: true });
  await writeFile(path.join(contentDir, 'pack.yaml'), 'title: One\n');
  await writeFile(path.join(contentDir, 'cases', 'a.yaml'), 'name: A\nconsent: true\n');
  await writeFile(path.join(contentDir, 'media', 'photos', 'a.jpg'), 'jpeg bytes');
  await writeFile(path.join(dataDir, 'show-position.json'), '{"index":3}\n');
  await writeFile(path.join(dataDir, 'tokens.json'), '{"display":"x"}\n');
  await writeFile(path.join(rendererDir, 'index.html'), '<html></html>');
  await writeFile(path.join(rendererDir, 'manifest.json'), '{}');
});

/** Waits past the clock's grain, so a rewrite gets a new mtime even on a coarse file system. */
const tick = () => sleep(15);

describe('keptSlideFingerprint', () => {
  it('is a sha256 in hex, the same for the same inputs', async () => {
    const first = await fingerprint();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(await fingerprint()).toBe(first);
  });

  it.each([
    [
      'a case rewritten with other bytes of the same size',
      async () => {
        await writeFile(path.join(contentDir, 'cases', 'a.yaml'), 'name: B\nconsent: true\n');
      },
    ],
    [
      'consent withdrawn (another size)',
      async () => {
        await writeFile(path.join(contentDir, 'cases', 'a.yaml'), 'name: A\nconsent: false\n');
      },
    ],
    [
      'only a picture mtime changed',
      async () => {
        await utimes(path.join(contentDir, 'media', 'photos', 'a.jpg'), 1, 1);
      },
    ],
    [
      'a file added deep in the pack',
      async () => {
        await writeFile(path.join(contentDir, 'media', 'photos', 'b.jpg'), 'more');
      },
    ],
    [
      'a file removed',
      async () => {
        await rm(path.join(contentDir, 'cases', 'a.yaml'));
      },
    ],
    [
      'a file renamed',
      async () => {
        await rename(
          path.join(contentDir, 'cases', 'a.yaml'),
          path.join(contentDir, 'cases', 'b.yaml'),
        );
      },
    ],
    [
      'an empty folder added',
      async () => {
        await mkdir(path.join(contentDir, 'extra'));
      },
    ],
    [
      'a file replaced by a copy (another inode, same size and mtime)',
      async () => {
        // An editor's atomic save: the copy exists beside the old file, so its inode differs.
        const file = path.join(contentDir, 'pack.yaml');
        await utimes(file, 1000, 1000);
        const before = await fingerprint();
        await writeFile(`${file}.new`, 'title: One\n');
        await utimes(`${file}.new`, 1000, 1000);
        await rename(`${file}.new`, file);
        expect(await fingerprint()).not.toBe(before);
      },
    ],
    [
      'the show moved on (show-position.json)',
      async () => {
        await writeFile(path.join(dataDir, 'show-position.json'), '{"index":4}\n');
      },
    ],
    [
      'a token replaced (tokens.json)',
      async () => {
        await writeFile(path.join(dataDir, 'tokens.json'), '{"display":"y"}\n');
      },
    ],
    [
      'a file added to the data folder',
      async () => {
        await writeFile(path.join(dataDir, 'screens.json'), '[]');
      },
    ],
    [
      "another file's temp file in the data folder",
      async () => {
        await writeFile(path.join(dataDir, '.tokens.json.0123456789ab.tmp'), '{}');
      },
    ],
    [
      'the renderer rebuilt (index.html)',
      async () => {
        await writeFile(path.join(rendererDir, 'index.html'), '<html><body></body></html>');
      },
    ],
    [
      'the renderer rebuilt (manifest.json)',
      async () => {
        await writeFile(path.join(rendererDir, 'manifest.json'), '{"a":1}');
      },
    ],
    [
      'the manifest gone',
      async () => {
        await rm(path.join(rendererDir, 'manifest.json'));
      },
    ],
    [
      'an option changed',
      async () => {
        options = { ...options, safeMode: true };
      },
    ],
    [
      'an option added',
      async () => {
        options = { ...options, language: 'es' };
      },
    ],
  ])('changes when %s', async (_name, change) => {
    const before = await fingerprint();
    await tick();
    await change();
    expect(await fingerprint()).not.toBe(before);
  });

  it('does not depend on the order the options are given in', async () => {
    const before = await fingerprint();
    options = Object.fromEntries(Object.entries(options).reverse());
    expect(await fingerprint()).toBe(before);
  });

  it('does not change when only the record itself (or its temp file) is written', async () => {
    const before = await fingerprint();
    await tick();
    await writeKeptSlide(dataDir, makeRecord());
    await writeFile(path.join(dataDir, `.${KEPT_SLIDE_FILE}.0123456789ab.tmp`), 'partial');
    expect(await fingerprint()).toBe(before);
    await writeKeptSlide(dataDir, makeRecord({ itemId: 'case-2' }));
    expect(await fingerprint()).toBe(before);
  });

  it("does not change when a browser writes its own files (the kiosk browser's log, the desktop app's profile)", async () => {
    const before = await fingerprint();
    await tick();
    await writeFile(path.join(dataDir, KIOSK_BROWSER_LOG), '[dbus] ERROR: one line\n');
    expect(await fingerprint()).toBe(before);
    await tick();
    await appendFile(path.join(dataDir, KIOSK_BROWSER_LOG), '[gpu] another line\n');
    expect(await fingerprint()).toBe(before);
    // The desktop app's Chromium profile, whatever it writes under it.
    await mkdir(path.join(dataDir, ELECTRON_PROFILE_DIR, 'Default', 'Cache'), { recursive: true });
    await writeFile(path.join(dataDir, ELECTRON_PROFILE_DIR, 'Default', 'Cache', 'data_0'), 'x');
    await writeFile(path.join(dataDir, ELECTRON_PROFILE_DIR, 'SingletonLock'), 'host-1');
    expect(await fingerprint()).toBe(before);
    // Only those names: a log of the same name in a folder, or another log, is state.
    await mkdir(path.join(dataDir, 'sub'));
    await writeFile(path.join(dataDir, 'sub', KIOSK_BROWSER_LOG), 'x');
    expect(await fingerprint()).not.toBe(before);
  });

  it.skipIf(process.platform === 'win32')(
    'hashes a link and its target, without following it',
    async () => {
      const outside = await tempDir('outside-');
      await writeFile(path.join(outside, 'photo.jpg'), 'outside');
      await writeFile(path.join(outside, 'other.jpg'), 'other!!');
      await symlink(path.join(outside, 'photo.jpg'), path.join(contentDir, 'media', 'link.jpg'));
      // A link to a folder is not walked into: its own entry is all that counts.
      await symlink(outside, path.join(contentDir, 'media', 'folder-link'));
      const linked = await fingerprint();
      await tick();
      await writeFile(path.join(outside, 'photo.jpg'), 'outside, changed');
      const targetChanged = await fingerprint();
      expect(targetChanged).not.toBe(linked);
      await rm(path.join(contentDir, 'media', 'link.jpg'));
      await symlink(path.join(outside, 'other.jpg'), path.join(contentDir, 'media', 'link.jpg'));
      expect(await fingerprint()).not.toBe(targetChanged);
      await rm(path.join(outside, 'other.jpg'));
      // A dangling link is hashed too; it does not throw.
      expect(await fingerprint()).toMatch(/^[0-9a-f]{64}$/);
    },
  );

  it('throws when a folder cannot be read', async () => {
    await rm(contentDir, { recursive: true });
    await expect(fingerprint()).rejects.toThrow();
  });
});
