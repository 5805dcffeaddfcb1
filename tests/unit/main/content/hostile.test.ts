import { mkdir, readFile, readdir, symlink, truncate, writeFile, open } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPack } from '../../../../src/main/content';
import type { PackLoadResult } from '../../../../src/main/content';
import { copyPack, goodPack, tempDir } from './helpers';

/*
 * Hostile content packs (issue 6): the loader gets packs built to hurt it and must answer each
 * with a clear error naming the file, or load it safely, within a time cap and without
 * blowing its memory. Big files are made here, in temporary folders (sparse where they can
 * be), never committed.
 *
 * Covered elsewhere, not repeated here:
 * - an image whose extension lies, truncated PNG/JPEG/GIF/WebP: media.test.ts
 * - links and symlinks out of the pack, loops: paths.test.ts
 * - 30 broken fixture files: load-pack.test.ts and pack-checks.test.ts
 * - SVG served with `Content-Security-Policy: sandbox`: tests/unit/main/server/server.test.ts
 *   ("sandboxes SVG")
 */

const MB = 1024 * 1024;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function hostilePack(): Promise<string> {
  const copy = await copyPack(goodPack);
  cleanups.push(copy.cleanup);
  return copy.pack;
}

/** Loads the pack, failing if it takes longer than `capMs` or grows the heap+RSS past `capMb`. */
async function loadCapped(
  pack: string,
  capMs: number,
  capMb = 100,
): Promise<PackLoadResult & { ms: number }> {
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const result = await Promise.race([
      loadPack(pack),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`loadPack took over ${capMs} ms`)), capMs);
      }),
    ]);
    const ms = performance.now() - started;
    peak = Math.max(peak, process.memoryUsage().rss);
    expect((peak - before) / MB, 'RSS growth while loading, in MB').toBeLessThan(capMb);
    return { ...result, ms };
  } finally {
    clearTimeout(timer);
    clearInterval(sampler);
  }
}

function errorsFor(result: PackLoadResult, file: string) {
  return result.errors.filter((e) => e.file === file);
}

/** A valid PNG's first 33 bytes: signature and IHDR, so the size reads right. */
async function pngHeader(): Promise<Buffer> {
  const png = await readFile(path.join(goodPack, 'media/ship.png'));
  return png.subarray(0, 33);
}
const PNG_IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

async function drawing(pack: string, name: string, image: string): Promise<string> {
  const file = `drawings/${name}.yaml`;
  await writeFile(
    path.join(pack, file),
    [
      'kind: drawing',
      `id: drawing-${Math.random().toString(36).slice(2, 10)}`,
      `image: ${JSON.stringify(image)}`,
      `title: ${name}`,
      'artist: Test',
      'made: 2023',
      'consent: true',
      'licence: CC BY 4.0',
      'alt: test',
      '',
    ].join('\n'),
  );
  return file;
}

describe('YAML bombs', () => {
  const bomb = [
    'kind: statement',
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ...'bcdefghi'.split('').map((name, i) => {
      const prev = 'abcdefghi'[i];
      return `${name}: &${name} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`;
    }),
    'text: *i',
    '',
  ].join('\n');

  it('an item file of nested aliases (billion laughs) is an error naming it, fast', async () => {
    const pack = await hostilePack();
    await writeFile(path.join(pack, 'statements/bomb.yaml'), bomb);
    const result = await loadCapped(pack, 5_000, 100);
    const errors = errorsFor(result, 'statements/bomb.yaml');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((e) => e.message).join(' ')).toMatch(/alias/i);
    expect(result.items.some((i) => i.source === 'statements/bomb.yaml')).toBe(false);
    // The rest of the pack still loads.
    expect(result.items.some((i) => i.id === 'anna-example')).toBe(true);
  });

  it('the same bomb in Markdown front matter and in pack.yaml', async () => {
    const pack = await hostilePack();
    await writeFile(path.join(pack, 'statements/bomb.md'), `---\n${bomb}---\nBody\n`);
    const packYaml = await readFile(path.join(pack, 'pack.yaml'), 'utf8');
    await writeFile(
      path.join(pack, 'pack.yaml'),
      `${packYaml}\n${bomb.replace('kind: statement\n', '')}`,
    );
    const result = await loadCapped(pack, 5_000, 100);
    expect(errorsFor(result, 'statements/bomb.md').length).toBeGreaterThan(0);
    expect(errorsFor(result, 'pack.yaml').length).toBeGreaterThan(0);
  });
});

describe('huge files', () => {
  it('a 200 MB PNG is checked from its head and tail, never read whole', async () => {
    const pack = await hostilePack();
    // Sparse: a valid header, 200 MB of holes, and a real end marker.
    const file = path.join(pack, 'media/huge.png');
    await writeFile(file, await pngHeader());
    await truncate(file, 200 * MB);
    const handle = await open(file, 'r+');
    await handle.write(PNG_IEND, 0, PNG_IEND.length, 200 * MB - PNG_IEND.length);
    await handle.close();
    const source = await drawing(pack, 'huge', 'media/huge.png');
    const result = await loadCapped(pack, 5_000, 100);
    expect(errorsFor(result, source)).toEqual([]);
    expect(result.items.some((i) => i.source === source)).toBe(true);
  });

  it('a 200 MB PNG with no end is a clear error, still without reading it whole', async () => {
    const pack = await hostilePack();
    const file = path.join(pack, 'media/huge.png');
    await writeFile(file, await pngHeader());
    await truncate(file, 200 * MB);
    const source = await drawing(pack, 'huge', 'media/huge.png');
    const result = await loadCapped(pack, 5_000, 100);
    const messages = errorsFor(result, source).map((e) => e.message);
    expect(messages).toEqual([expect.stringMatching(/media\/huge\.png.*truncated/)]);
  });

  it('a 200 MB item file is refused as too large, without reading it', async () => {
    const pack = await hostilePack();
    const file = path.join(pack, 'statements/huge.yaml');
    await writeFile(file, 'kind: statement\ntext: ');
    await truncate(file, 200 * MB);
    const result = await loadCapped(pack, 5_000, 100);
    const messages = errorsFor(result, 'statements/huge.yaml').map((e) => e.message);
    expect(messages).toEqual([expect.stringMatching(/too large/)]);
  });

  it('a 200 MB pack.yaml is refused as too large, without reading it', async () => {
    const pack = await hostilePack();
    await truncate(path.join(pack, 'pack.yaml'), 200 * MB);
    const result = await loadCapped(pack, 5_000, 100);
    expect(result.pack).toBeNull();
    expect(errorsFor(result, 'pack.yaml').map((e) => e.message)).toEqual([
      expect.stringMatching(/too large/),
    ]);
  });
});

describe('SVG', () => {
  it('an SVG with a script is refused, naming the file', async () => {
    const pack = await hostilePack();
    await writeFile(
      path.join(pack, 'media/evil.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>fetch("https://example.org/")</script></svg>',
    );
    const source = await drawing(pack, 'evil', 'media/evil.svg');
    const result = await loadCapped(pack, 5_000);
    expect(errorsFor(result, source).map((e) => e.message)).toEqual([
      expect.stringMatching(/media\/evil\.svg.*script/),
    ]);
  });

  it.each([
    ['an external image', '<image href="https://example.org/track.png" width="5" height="5"/>'],
    ['an xlink:href', '<image xlink:href="//example.org/track.png" width="5" height="5"/>'],
    ['a CSS url()', '<rect style="fill: url(https://example.org/x.svg#p)" width="5" height="5"/>'],
    ['a CSS @import', '<style>@import "https://example.org/x.css";</style>'],
    ['a foreignObject', '<foreignObject><iframe src="https://example.org/"/></foreignObject>'],
  ])('an SVG with %s is refused: it would reach out of the computer', async (_, inner) => {
    const pack = await hostilePack();
    await writeFile(
      path.join(pack, 'media/out.svg'),
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">${inner}</svg>`,
    );
    const source = await drawing(pack, 'out', 'media/out.svg');
    const result = await loadCapped(pack, 5_000);
    expect(errorsFor(result, source).map((e) => e.message)).toEqual([
      expect.stringMatching(/media\/out\.svg.*(outside|external|not allowed)/),
    ]);
  });

  it('an Inkscape-style SVG with namespaces, metadata links and embedded data loads', async () => {
    const pack = await hostilePack();
    await writeFile(
      path.join(pack, 'media/ok.svg'),
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"',
        '  xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" width="10" height="10">',
        '<metadata><rdf:RDF><cc:Work rdf:about=""><cc:license rdf:resource="http://creativecommons.org/licenses/by/4.0/"/></cc:Work></rdf:RDF></metadata>',
        '<defs><linearGradient id="g"/></defs>',
        '<rect fill="url(#g)" width="5" height="5"/>',
        '<use href="#g"/><use xlink:href="#g"/>',
        '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>',
        '</svg>',
      ].join('\n'),
    );
    const source = await drawing(pack, 'ok', 'media/ok.svg');
    const result = await loadCapped(pack, 5_000);
    expect(errorsFor(result, source)).toEqual([]);
  });
});

describe('Markdown with raw HTML and javascript: links', () => {
  it('keeps raw HTML as text (views render text, never HTML)', async () => {
    const pack = await hostilePack();
    const body =
      '<script>alert(1)</script> <img src=x onerror=alert(1)> [click](javascript:alert(1))';
    await writeFile(path.join(pack, 'statements/html.md'), `---\nkind: statement\n---\n${body}\n`);
    const result = await loadCapped(pack, 5_000);
    const item = result.items.find((i) => i.source === 'statements/html.md');
    expect(item, JSON.stringify(errorsFor(result, 'statements/html.md'))).toBeDefined();
    // The text is kept verbatim: it is shown as text, so the script is only characters.
    expect(JSON.stringify(item)).toContain('<script>alert(1)</script>');
  });

  it('refuses a javascript: or file: link in a link field', async () => {
    const pack = await hostilePack();
    const md = await readFile(path.join(pack, 'cases/anna-example.md'), 'utf8');
    for (const [name, url] of [
      ['js', 'javascript:alert(1)'],
      ['file', 'file:///etc/passwd'],
      ['data', 'data:text/html,<script>alert(1)</script>'],
    ] as const) {
      await writeFile(
        path.join(pack, `cases/${name}.md`),
        md
          .replace('https://example.org/anna', url)
          .replace('kind: case', `kind: case\nid: case-${name}`),
      );
    }
    const result = await loadCapped(pack, 5_000);
    for (const name of ['js', 'file', 'data']) {
      const errors = errorsFor(result, `cases/${name}.md`);
      expect(errors.map((e) => `${e.field}: ${e.message}`)).toEqual([
        expect.stringMatching(/^links\.1\.url: expected a web link/),
      ]);
    }
  });
});

describe('the renderer never renders content as HTML', () => {
  const renderer = fileURLToPath(new URL('../../../../src/renderer/', import.meta.url));
  // Static markup with no content in it: the PIN prompt builds its keypad from the digits 0–9.
  const allowed = new Set(['views/kiosk-lock/KioskLock.ts']);

  it('has no dangerouslySetInnerHTML, innerHTML/outerHTML writes, insertAdjacentHTML or document.write', async () => {
    const entries = await readdir(renderer, { recursive: true });
    const offenders: string[] = [];
    for (const entry of entries) {
      if (!/\.(tsx?|jsx?|mjs)$/.test(entry)) continue;
      const rel = entry.split(path.sep).join('/');
      const text = await readFile(path.join(renderer, entry), 'utf8');
      const found =
        /dangerouslySetInnerHTML|\.(inner|outer)HTML\s*\+?=(?!=)|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser/.exec(
          text,
        );
      if (found && !allowed.has(rel)) offenders.push(`${rel}: ${found[0]}`);
    }
    expect(offenders).toEqual([]);
    expect(entries.length).toBeGreaterThan(10);
  });
});

describe('many files', () => {
  it('100,000 tiny files load within the time cap and with bounded memory', async () => {
    const pack = await hostilePack();
    const junk = path.join(pack, 'media/junk');
    const cases = path.join(pack, 'cases/many');
    await mkdir(junk, { recursive: true });
    await mkdir(cases, { recursive: true });
    const started = performance.now();
    const MEDIA_FILES = 90_000;
    const ITEM_FILES = 10_000;
    const writes: Promise<void>[] = [];
    const flush = async () => {
      await Promise.all(writes);
      writes.length = 0;
    };
    for (let n = 0; n < MEDIA_FILES; n++) {
      writes.push(writeFile(path.join(junk, `j-${n}.png`), 'x'));
      if (writes.length >= 512) await flush();
    }
    for (let n = 0; n < ITEM_FILES; n++) {
      writes.push(
        writeFile(
          path.join(cases, `x-${n}.yaml`),
          n % 2 ? `kind: statement\nid: x-${n}\ntext: Free them\n` : `kind: [broken\n`,
        ),
      );
      if (writes.length >= 512) await flush();
    }
    await flush();
    const made = performance.now() - started;
    const result = await loadCapped(pack, 30_000, 400);
    console.info(
      `100k files: written in ${Math.round(made)} ms, loaded in ${Math.round(result.ms)} ms`,
    );
    expect(result.items.filter((i) => i.source.startsWith('cases/many/')).length).toBe(
      ITEM_FILES / 2,
    );
    const broken = new Set(
      result.errors.filter((e) => e.file.startsWith('cases/many/')).map((e) => e.file),
    );
    expect(broken.size).toBeGreaterThanOrEqual(ITEM_FILES / 2);
  }, 60_000);
});

describe('file names in Cyrillic, with spaces, NFC and NFD', () => {
  it('loads items with such names and resolves media whatever the Unicode form', async () => {
    const pack = await hostilePack();
    const png = await readFile(path.join(goodPack, 'media/ship.png'));
    const nfd = 'café'.normalize('NFD');
    await writeFile(path.join(pack, 'media', 'фото с пробелом.png'), png);
    await writeFile(path.join(pack, 'media', `${nfd}.png`), png);
    await writeFile(
      path.join(pack, 'statements', 'Мифтахов и друзья.yaml'),
      'kind: statement\nid: miftakhov\ntext: Свободу Азату\n',
    );
    const spaced = await drawing(pack, 'рисунок 1', 'media/фото с пробелом.png');
    // Written in NFC, as an editor types it; the file on disk is NFD, as macOS names it.
    const accented = await drawing(pack, 'cafe', `media/${'café'.normalize('NFC')}.png`);
    const result = await loadCapped(pack, 5_000);
    expect(result.items.find((i) => i.id === 'miftakhov')?.source).toBe(
      'statements/Мифтахов и друзья.yaml',
    );
    expect(errorsFor(result, spaced)).toEqual([]);
    expect(errorsFor(result, accented)).toEqual([]);
  });

  it('an id taken from a Cyrillic file name is a clear error suggesting an id', async () => {
    const pack = await hostilePack();
    await writeFile(path.join(pack, 'statements', 'Мифтахов.yaml'), 'kind: statement\ntext: Hi\n');
    const result = await loadCapped(pack, 5_000);
    expect(errorsFor(result, 'statements/Мифтахов.yaml').map((e) => e.message)).toEqual([
      expect.stringMatching(/cannot be used as an id.*id: /),
    ]);
  });
});

describe('random file trees', () => {
  const alphabet = fc.constantFrom(
    ...'aZ09-_ .é'.split(''),
    'е\u0301',
    'Ж',
    'ф',
    ' ',
    '\u200b',
    '\u202e',
    '%',
    '#',
    '~',
    '(',
    "'",
  );
  const segment = fc
    .array(alphabet, { minLength: 1, maxLength: 10 })
    .map((chars) => chars.join('').normalize(Math.random() < 0.5 ? 'NFC' : 'NFD'))
    .filter((s) => s !== '.' && s !== '..' && !s.includes('/'));
  const body = fc.oneof(
    fc.constantFrom(
      'kind: statement\ntext: Free them',
      'kind: case',
      '---\nkind: statement\n---\n<script>x</script>',
      '---\nkind: case\nname: X\n---\n[a](javascript:alert(1))',
      'a: &a [x, x]\nb: [*a, *a, *a]',
      'kind: drawing\nimage: ../../../etc/passwd',
      'kind: drawing\nimage: media/missing.png',
      '',
      '---',
      '\u0000\u0001',
    ),
    fc.string({ maxLength: 200 }),
  );
  const entry = fc.record({
    dirs: fc.array(segment, { maxLength: 3 }),
    name: segment,
    ext: fc.constantFrom('.yaml', '.yml', '.md', '.png', '.svg', '.txt', ''),
    body,
    link: fc.constantFrom(null, null, null, null, '/etc', '..', '/nonexistent'),
  });

  it('never throws, finishes within a per-case cap, and every error names a file in the pack', async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(entry, { maxLength: 15 }),
        fc.boolean(),
        async (entries, withPack) => {
          const pack = path.join(dir, `p${run++}`);
          await mkdir(pack, { recursive: true });
          if (withPack) {
            await writeFile(
              path.join(pack, 'pack.yaml'),
              'title: { en: T }\nlanguages: [en]\ndefaultLanguage: en\n',
            );
          }
          for (const e of entries) {
            const folder = path.join(pack, ...e.dirs);
            await mkdir(folder, { recursive: true }).catch(() => {});
            const target = path.join(folder, `${e.name}${e.ext}`);
            if (e.link) await symlink(e.link, target).catch(() => {});
            else await writeFile(target, e.body).catch(() => {});
          }
          const started = performance.now();
          const result = await loadPack(pack);
          expect(performance.now() - started, 'per-case time cap').toBeLessThan(2_000);
          for (const error of result.errors) {
            expect(typeof error.message).toBe('string');
            expect(error.message.length).toBeGreaterThan(0);
            // Relative, inside the pack: no absolute paths, no climbing out.
            expect(error.file).not.toMatch(/^\//);
            expect(error.file.split('/')).not.toContain('..');
          }
          for (const item of result.items) {
            expect(item.source).not.toMatch(/^\/|(^|\/)\.\.(\/|$)/);
          }
        },
      ),
      { numRuns: 60, interruptAfterTimeLimit: 40_000 },
    );
  }, 60_000);
});
