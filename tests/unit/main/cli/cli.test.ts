import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { parseCli } from '../../../../src/main/cli/args';
import { defaultRendererDir } from '../../../../src/main/cli/main';

const repo = path.resolve(__dirname, '../../../..');
const goodPack = path.join(repo, 'tests/fixtures/packs/good');

interface Run {
  code: Promise<number | null>;
  stdout: () => string;
  stderr: () => string;
  kill: (signal: NodeJS.Signals) => void;
  /** Resolves once stdout contains `text`. */
  waitFor: (text: string) => Promise<void>;
}

const running: Run[] = [];

function cli(args: string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const watchers: { text: string; resolve: () => void }[] = [];
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    for (const w of [...watchers]) if (stdout.includes(w.text)) w.resolve();
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  const run: Run = {
    code,
    stdout: () => stdout,
    stderr: () => stderr,
    kill: (signal) => child.kill(signal),
    waitFor: (text) =>
      new Promise((resolve, reject) => {
        if (stdout.includes(text)) return resolve();
        watchers.push({ text, resolve });
        void code.then(() => reject(new Error(`exited before printing ${text}: ${stderr}`)));
      }),
  };
  running.push(run);
  return run;
}

let blocker: Server | null = null;

afterEach(async () => {
  for (const run of running.splice(0)) run.kill('SIGKILL');
  await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
  blocker = null;
});

describe('parseCli', () => {
  it('has the documented defaults', () => {
    expect(parseCli(['serve'], '/here')).toEqual({
      command: 'serve',
      contentDir: '/here/content',
      port: 8080,
      host: '127.0.0.1',
      rendererDir: null,
    });
    expect(parseCli(['validate', '--content', 'pack'], '/here')).toEqual({
      command: 'validate',
      contentDir: '/here/pack',
    });
    expect(parseCli(['serve', '--port', '0', '--renderer', '/r'], '/here')).toMatchObject({
      port: 0,
      rendererDir: '/r',
    });
  });

  it('refuses bad arguments with a reason', () => {
    expect(parseCli(['serve', '--port', 'eighty'], '/')).toMatchObject({
      command: 'error',
      message: expect.stringContaining('--port'),
    });
    expect(parseCli(['serve', '--port', '70000'], '/')).toMatchObject({ command: 'error' });
    expect(parseCli(['launch'], '/')).toMatchObject({
      command: 'error',
      message: expect.stringContaining('Unknown command "launch"'),
    });
    expect(parseCli(['serve', '--colour'], '/')).toMatchObject({ command: 'error' });
    expect(parseCli(['validate', '--port', '1'], '/')).toMatchObject({ command: 'error' });
    expect(parseCli([], '/')).toMatchObject({ command: 'error' });
  });

  it('finds the built renderer from the built entry and from the source entry', () => {
    expect(defaultRendererDir('file:///app/out/main/cli.js')).toBe('/app/out/renderer');
    expect(defaultRendererDir('file:///app/src/main/cli.ts')).toBe('/app/out/renderer');
  });
});

describe('cli (spawned)', () => {
  it('--help prints the usage and exits 0', async () => {
    const run = cli(['--help']);
    expect(await run.code).toBe(0);
    expect(run.stdout()).toContain('serve [--content DIR] [--port N] [--host H]');
    expect(run.stdout()).toContain('validate [--content DIR]');
  });

  it('an unknown option exits 2 and points at --help', async () => {
    const run = cli(['serve', '--prot', '1']);
    expect(await run.code).toBe(2);
    expect(run.stderr()).toContain('--help');
  });

  it('validate exits 0 for a clean pack and 1 for a broken one', async () => {
    const good = cli(['validate', '--content', goodPack]);
    expect(await good.code).toBe(0);
    expect(good.stdout()).toContain('no problems');
    const broken = cli(['validate', '--content', path.join(repo, 'tests/fixtures/packs/broken')]);
    expect(await broken.code).toBe(1);
    expect(broken.stdout()).toMatch(/\d+ problems/);
  });

  it('a missing content folder exits 1 with a clear message', async () => {
    const run = cli(['serve', '--port', '0', '--content', 'no/such/folder']);
    expect(await run.code).toBe(1);
    expect(run.stderr()).toContain(
      `Content folder not found: ${path.join(repo, 'no/such/folder')}`,
    );
  });

  it('a taken port exits 1 with one clear line', async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const run = cli(['serve', '--port', String(port), '--content', goodPack]);
    expect(await run.code).toBe(1);
    expect(run.stderr().trim()).toBe(
      `Port ${port} is already in use. Stop the other program or choose another port with --port.`,
    );
    expect(run.stdout()).toBe('');
  });

  it('serve prints the banner, serves a working socket and stops cleanly on SIGINT', async () => {
    const run = cli(['serve', '--port', '0', '--content', goodPack]);
    await run.waitFor('Press Ctrl+C to stop.');
    const lines = run.stdout().trimEnd().split('\n');
    expect(lines[0]).toBe(`Solidarity Screens is serving ${goodPack}`);
    const url =
      /^ {2}(display|kiosk|operator|overlay) +(http:\/\/127\.0\.0\.1:(\d+)\/\1\?token=([A-Za-z0-9_-]+))$/;
    expect(lines.slice(1, 5).map((l) => url.exec(l)?.[1])).toEqual([
      'display',
      'kiosk',
      'operator',
      'overlay',
    ]);
    expect(lines[1]).toMatch(/^ {2}display {3}http/);
    expect(lines[3]).toMatch(/^ {2}operator {2}http/);
    expect(lines[5]).toMatch(
      /^Content: \d+ items, \d+ problems \(run `npm run validate` to list them\)$/,
    );
    expect(lines[6]).toBe('Press Ctrl+C to stop.');

    const [, , , port, token] = url.exec(lines[1]!)!;
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?role=display&token=${token}`);
    const first = await new Promise<string>((resolve, reject) => {
      ws.once('message', (d) => resolve(d.toString()));
      ws.once('error', reject);
    });
    expect(JSON.parse(first)).toMatchObject({ type: 'welcome', role: 'display' });
    ws.close();

    run.kill('SIGINT');
    expect(await run.code).toBe(0);
    expect(run.stdout()).toContain('Stopped.');
  });
});
