import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { startCore, type CoreOptions } from '../../../../src/main/core/start';
import type { ServeStartOptions } from '../../../../src/main/cli/serve-options';
import type { RenderOnAir } from '../../../../src/main/first-slide/keep';
import { keptSlideFor } from '../../../../src/main/first-slide/kept-start';
import { listenWithKeptFirstSlide } from '../../../../src/main/first-slide/launch';
import { keptSlideOptions } from '../../../../src/main/first-slide/options';
import { KEPT_SLIDE_FILE } from '../../../../src/main/first-slide/record';
import type { Command } from '../../../../src/shared/protocol';
import { TestClient } from '../server/helpers';
import { get, tempDir } from './helpers';

// The whole restart, in one process: a core that stops keeps the next start's first slide;
// the next start finds it only if nothing it depends on changed, answers the display with it
// before the core is loaded, and the core then takes the same server over.

// The renderer's own module, by a path the type checker does not follow: the core loads the
// built copy (out/main/first-slide-render.js) the same way, by its file.
const RENDER_MODULE = '../../../../src/renderer/first-slide/render-on-air';
const loadRender = async (): Promise<RenderOnAir> =>
  ((await import(/* @vite-ignore */ RENDER_MODULE)) as { renderOnAirSlide: RenderOnAir })
    .renderOnAirSlide;

const goodPack = path.resolve(__dirname, '../../../fixtures/packs/good');
const PAGE =
  '<!doctype html>\n<html lang="en">\n<head><title>views</title><script type="module" src="/assets/index-x.js"></script>\n</head>\n<body><div id="root"></div></body></html>';

let start: ServeStartOptions;

beforeEach(async () => {
  const dir = await tempDir('ss-keep-');
  const contentDir = path.join(dir, 'pack');
  const rendererDir = path.join(dir, 'renderer');
  cpSync(goodPack, contentDir, { recursive: true });
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), PAGE);
  writeFileSync(path.join(rendererDir, 'assets', 'index-x.js'), 'export {};');
  start = {
    contentDir,
    rendererDir,
    dataDir: path.join(dir, 'data'),
    port: 0,
    host: '127.0.0.1',
    merch: null,
  };
});

function coreOptions(extra: Partial<CoreOptions> = {}): CoreOptions {
  return {
    contentDir: start.contentDir,
    port: 0,
    rendererDir: start.rendererDir,
    watch: false,
    dataDir: start.dataDir,
    obs: false,
    log: () => {},
    keepFirstSlide: { options: keptSlideOptions(start), load: loadRender },
    ...extra,
  };
}

/** A run that stops after `commands`: what it keeps is the next start's first slide. */
async function runAndStop(...commands: Command[]): Promise<void> {
  const core = await startCore(coreOptions());
  for (const command of commands) expect(core.engine.execute(command)).toMatchObject({ ok: true });
  await core.stop();
}

const kept = () =>
  keptSlideFor({
    contentDir: start.contentDir,
    dataDir: start.dataDir,
    rendererDir: start.rendererDir,
    options: keptSlideOptions(start),
    now: Date.now(),
  });

const displayToken = () =>
  (JSON.parse(readFileSync(path.join(start.dataDir, 'tokens.json'), 'utf8')) as { display: string })
    .display;

describe('a stopping core keeps the next start’s first slide', () => {
  it('the drawing on air, with its picture for the display’s token alone', async () => {
    await runAndStop({ name: 'pause' }, { name: 'goTo', itemId: 'ship' });
    const record = await kept();
    expect(record?.itemId).toBe('ship');
    expect(record?.page).toContain('<div id="kept-first-slide"');
    expect(record?.page).toContain('data-item-id="ship"');
    expect(record?.media).toHaveLength(1);
    expect(record?.media[0]?.url).toMatch(/^\/media\/media\/ship\.png\?v=[^&]+&token=/);
    expect(new URLSearchParams(record!.media[0]!.url.split('?')[1]).get('token')).toBe(
      displayToken(),
    );
    expect(record?.media[0]?.file).toBe(path.join(start.contentDir, 'media', 'ship.png'));
  });

  it('its picture scaled ahead to the widest copy the screens asked for', async () => {
    const scaled: [string, number][] = [];
    const core = await startCore(
      coreOptions({
        scaleImage: async (file, _type, width) => {
          scaled.push([path.basename(file), width]);
          return Buffer.from(`ship at ${width}`);
        },
      }),
    );
    expect(core.engine.execute({ name: 'pause' })).toMatchObject({ ok: true });
    expect(core.engine.execute({ name: 'goTo', itemId: 'ship' })).toMatchObject({ ok: true });
    for (const width of [640, 1920]) {
      const reply = await get(
        core.server.port,
        `/media/media/ship.png?w=${width}&token=${displayToken()}`,
      );
      expect(reply.status).toBe(200);
    }
    await core.stop();
    expect(scaled).toContainEqual(['ship.png', 1920]);
    const record = await kept();
    const [picture] = record?.media ?? [];
    expect(new URLSearchParams(picture?.url.split('?')[1]).get('w')).toBe('1920');
    expect(path.relative(start.dataDir, picture!.file)).toBe(
      path.join('first-slide-pictures', '0.png'),
    );
    expect(readFileSync(picture!.file, 'utf8')).toBe('ship at 1920');
    expect(record?.page).toContain(`src="${picture!.url.replace(/&/g, '&amp;')}"`);
  });

  it('a run whose screens asked for no width keeps the width the last copy was made at', async () => {
    const scaled: number[] = [];
    const scaleImage = async (_file: string, _type: string, width: number) => {
      scaled.push(width);
      return Buffer.from(`ship at ${width}`);
    };
    const first = await startCore(coreOptions({ scaleImage }));
    expect(first.engine.execute({ name: 'pause' })).toMatchObject({ ok: true });
    expect(first.engine.execute({ name: 'goTo', itemId: 'ship' })).toMatchObject({ ok: true });
    const url = `/media/media/ship.png?w=2560&token=${displayToken()}`;
    expect((await get(first.server.port, url)).status).toBe(200);
    await first.stop();
    // The next run never leaves its first slide: its display shows the file itself.
    scaled.length = 0;
    const second = await startCore(coreOptions({ scaleImage }));
    await second.stop();
    expect(scaled).toEqual([2560]);
    const [picture] = (await kept())?.media ?? [];
    expect(new URLSearchParams(picture?.url.split('?')[1]).get('w')).toBe('2560');
    expect(readFileSync(picture!.file, 'utf8')).toBe('ship at 2560');
  });

  it('takes no width from a record edited to ask for one the core would never make', async () => {
    await runAndStop({ name: 'pause' }, { name: 'goTo', itemId: 'ship' });
    const file = path.join(start.dataDir, KEPT_SLIDE_FILE);
    const record = JSON.parse(readFileSync(file, 'utf8')) as { media: { url: string }[] };
    record.media[0]!.url = record.media[0]!.url.replace(
      '/media/media/ship.png?',
      '/media/media/ship.png?w=99999&',
    );
    writeFileSync(file, JSON.stringify(record));
    const scaled: number[] = [];
    const core = await startCore(
      coreOptions({
        scaleImage: async (_file, _type, width) => {
          scaled.push(width);
          return Buffer.from('scaled');
        },
      }),
    );
    await core.stop();
    expect(scaled).toEqual([]);
    const [picture] = (await kept())?.media ?? [];
    expect(new URLSearchParams(picture?.url.split('?')[1]).get('w')).toBeNull();
  });

  it.each<[string, Command[]]>([
    ['a blackout', [{ name: 'blackout', on: true }]],
    ['a song, whose look follows the time', [{ name: 'goTo', itemId: 'internationale-refrain' }]],
    ['an event, which counts down', [{ name: 'goTo', itemId: 'vigil' }]],
  ])(
    'nothing, and the old copy forgotten, when the next start begins on %s',
    async (_what, commands) => {
      await runAndStop({ name: 'pause' }, { name: 'goTo', itemId: 'ship' });
      expect(existsSync(path.join(start.dataDir, KEPT_SLIDE_FILE))).toBe(true);
      await runAndStop({ name: 'pause' }, ...commands);
      expect(existsSync(path.join(start.dataDir, KEPT_SLIDE_FILE))).toBe(false);
    },
  );
});

describe('a running core keeps it too', () => {
  it('once the show has held still, so a crash restarts as fast as a stop', async () => {
    const core = await startCore(coreOptions());
    try {
      expect(core.engine.execute({ name: 'pause' })).toMatchObject({ ok: true });
      expect(core.engine.execute({ name: 'goTo', itemId: 'ship' })).toMatchObject({ ok: true });
      // Still moving: nothing of this show yet.
      expect((await kept())?.itemId).toBeUndefined();
      // Held still for KEEP_AFTER_MS: kept, and good for a start right now (the core is
      // never stopped cleanly here, as after a power cut).
      await expect.poll(async () => (await kept())?.itemId, { timeout: 8_000 }).toBe('ship');
      expect(core.engine.execute({ name: 'goTo', itemId: 'anna-example' })).toMatchObject({
        ok: true,
      });
      // The position moved: the old copy no longer fits the saved show.
      await expect.poll(async () => (await kept())?.itemId, { timeout: 2_000 }).toBeUndefined();
      await expect
        .poll(async () => (await kept())?.itemId, { timeout: 8_000 })
        .toBe('anna-example');
    } finally {
      await core.stop();
    }
  }, 20_000);
});

describe('the next start finds it only if nothing changed', () => {
  beforeEach(() => runAndStop({ name: 'pause' }, { name: 'goTo', itemId: 'ship' }));

  it('is found when nothing changed', async () => {
    expect((await kept())?.itemId).toBe('ship');
  });

  it.each<[string, () => void]>([
    [
      'the slide’s own file',
      () => appendFileSync(path.join(start.contentDir, 'drawings', 'ship.yaml'), '\n# edited\n'),
    ],
    [
      'another item of the pack',
      () => appendFileSync(path.join(start.contentDir, 'statements', 'solidarity.md'), '\n'),
    ],
    [
      'a file added to the pack',
      () => writeFileSync(path.join(start.contentDir, 'drawings', 'new.yaml'), 'kind: drawing\n'),
    ],
    [
      'the saved show (safe mode turned on)',
      () => {
        const file = path.join(start.dataDir, 'show-position.json');
        const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
        writeFileSync(file, JSON.stringify({ ...saved, safeMode: true }));
      },
    ],
    ['the build', () => writeFileSync(path.join(start.rendererDir, 'index.html'), `${PAGE}\n`)],
  ])('is not found after a change to %s', async (_what, change) => {
    change();
    expect(await kept()).toBeNull();
  });

  it('is not found for a start with the merch table on', async () => {
    const record = await keptSlideFor({
      contentDir: start.contentDir,
      dataDir: start.dataDir,
      rendererDir: start.rendererDir,
      options: keptSlideOptions({ ...start, merch: { idleSeconds: 60 } }),
      now: Date.now(),
    });
    expect(record).toBeNull();
  });
});

describe('a restart', () => {
  it('answers the display from the kept slide before the core, then the core takes over', async () => {
    await runAndStop({ name: 'pause' }, { name: 'goTo', itemId: 'ship' });
    const lines: string[] = [];
    const listening = listenWithKeptFirstSlide(start, (line) => lines.push(line));
    await expect.poll(() => lines.some((l) => l.trim().startsWith('display'))).toBe(true);
    const displayUrl = new URL(
      lines
        .find((l) => l.trim().startsWith('display'))!
        .trim()
        .split(/\s+/)[1]!,
    );
    const port = Number(displayUrl.port);
    const page = await get(port, `${displayUrl.pathname}${displayUrl.search}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="kept-first-slide"');
    // The page's script waits for the core.
    const script = get(port, '/assets/index-x.js');
    const early = await listening;
    expect(early).not.toBeNull();
    const core = await startCore(
      coreOptions({ port, early: early!.early, cliControlToken: early!.cliControlToken }),
    );
    try {
      expect((await script).status).toBe(200);
      // Another page is the app's own, without the kept slide.
      const other = await get(port, `/display?token=${displayToken()}&lang=fr`);
      expect(other.body).not.toContain('kept-first-slide');
      // The banner's api line works: the token printed before the core was loaded is the core's.
      const api = await get(port, '/api/v1/state', {
        headers: { authorization: `Bearer ${early!.cliControlToken}` },
      });
      expect(api.status).toBe(200);
      const display = new TestClient(
        `ws://127.0.0.1:${port}/ws?role=display&token=${displayToken()}`,
      );
      try {
        const show = await display.nextOf('show');
        expect(show.show.itemId).toBe('ship');
      } finally {
        display.ws.terminate();
      }
    } finally {
      await core.stop();
    }
  });

  it('starts the usual way when there is no kept slide, or new tokens are asked for', async () => {
    expect(await listenWithKeptFirstSlide(start, () => {})).toBeNull();
    await runAndStop({ name: 'pause' }, { name: 'goTo', itemId: 'ship' });
    expect(await listenWithKeptFirstSlide({ ...start, newTokens: true }, () => {})).toBeNull();
  });
});
