import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { connectOperator } from '../helpers/operator';
import { builtInPack, repoRoot } from '../helpers/serve';
import { mainEntry } from './app';

// The built Electron entry under the fake Electron (tests/mocks/electron.ts), which keeps the
// rule that made the app hang: `ready` comes only once the entry module has finished
// evaluating. These run everywhere; they need the build, not the Electron binary.

const runEntry = path.join(repoRoot, 'tests/electron/fake-electron/run-entry.ts');
/** Long enough for a slow shared machine; a hung entry never gets there at all. */
const WINDOW_DEADLINE_MS = 20_000;

interface EntryRun {
  child: ChildProcess;
  /** Resolves with the first output line matching `pattern`, or rejects at the deadline. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
  output(): string;
}

function startEntry(args: string[]): EntryRun {
  const child = spawn(process.execPath, ['--import', 'tsx', runEntry, mainEntry, ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    text += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(text);
        if (!match) return;
        listeners.delete(check);
        clearTimeout(timer);
        resolve(match);
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`no line matching ${pattern} within ${WINDOW_DEADLINE_MS} ms:\n${text}`));
      }, WINDOW_DEADLINE_MS);
      listeners.add(check);
      check();
    });
  return { child, waitFor, exited, output: () => text };
}

async function stop(run: EntryRun): Promise<void> {
  if (run.child.exitCode !== null || run.child.signalCode !== null) return;
  run.child.kill('SIGKILL');
  await run.exited;
}

let dataDir: string;
test.beforeEach(() => {
  test.skip(!existsSync(mainEntry), `${mainEntry} is missing: run \`npm run build\` first`);
  dataDir = mkdtempSync(path.join(tmpdir(), 'ss-entry-'));
});
test.afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

test('the built app opens its kiosk window on the kiosk page, and stops in order', async () => {
  const run = startEntry(['--data', dataDir, '--port', '0', '--content', builtInPack]);
  try {
    const [, kioskUrl] = await run.waitFor(
      /fake-electron load (http:\/\/127\.0\.0\.1:\d+\/kiosk\?token=\S+)/,
    );
    // The window is on the core's own kiosk page, and the core answers it.
    const page = await fetch(kioskUrl!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    // SIGTERM from a service manager: the lock lets it quit, the core stops, exit code 0.
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('Leaving the kiosk: received SIGTERM.');
  } finally {
    await stop(run);
  }
});

test('a port already in use is said in a dialog, and the app exits with 1', async () => {
  const blocker: Server = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as { port: number }).port;
  const run = startEntry(['--data', dataDir, '--port', String(port), '--content', builtInPack]);
  try {
    const [line] = await run.waitFor(/fake-electron dialog .*/);
    expect(line).toContain('Solidarity Screens could not start');
    expect(line).toContain(`Port ${port} is already in use`);
    expect(await run.exited).toBe(1);
  } finally {
    await stop(run);
    await new Promise((resolve) => blocker.close(resolve));
  }
});

test('a restart with nothing changed opens the window on the slide the last run kept', async () => {
  const args = ['--data', dataDir, '--port', '0', '--content', builtInPack];
  const first = startEntry(args);
  try {
    const [, operatorUrl] = await first.waitFor(
      /operator\s+(http:\/\/127\.0\.0\.1:\d+\/operator\?token=\S+)/,
    );
    await first.waitFor(/fake-electron load /);
    const operator = await connectOperator(operatorUrl!);
    await operator.send({ name: 'pause' });
    expect(await operator.send({ name: 'goTo', itemId: 'boris-kagarlitsky' })).toEqual(
      expect.objectContaining({ ok: true }),
    );
    operator.close();
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  } finally {
    await stop(first);
  }
  expect(statSync(path.join(dataDir, 'first-slide.json')).mode & 0o777).toBe(0o600);

  const second = startEntry(args);
  try {
    const [, kioskUrl] = await second.waitFor(
      /fake-electron load (http:\/\/127\.0\.0\.1:\d+\/kiosk\?token=\S+)/,
    );
    // Before the core: the kept slide itself is the page.
    const page = await (await fetch(kioskUrl!)).text();
    expect(page).toContain('<div id="kept-first-slide"');
    expect(page).toContain('data-item-id="boris-kagarlitsky"');
    // Then the core takes the same server over: the banner's tail, and a clean stop.
    await second.waitFor(/Data: /);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  } finally {
    await stop(second);
  }
});
