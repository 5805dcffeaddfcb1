import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { parseCli } from '../../../../src/main/cli/args';
import { defaultRendererDir, main } from '../../../../src/main/cli/main';

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
const dataDirs: string[] = [];

/** A data folder for one test, so `serve` never writes to the real one under ~. */
function freshDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ss-cli-data-'));
  dataDirs.push(dir);
  return dir;
}

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SOLIDARITY_DATA_DIR: freshDataDir(), ...env },
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
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
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
      dataDir: null,
      newTokens: false,
      merch: null,
      remoteAddress: null,
    });
    expect(parseCli(['validate', '--content', 'pack'], '/here')).toEqual({
      command: 'validate',
      contentDir: '/here/pack',
      language: 'en',
    });
    expect(parseCli(['serve', '--port', '0', '--renderer', '/r'], '/here')).toMatchObject({
      port: 0,
      rendererDir: '/r',
    });
  });

  it('reads --data, --new-tokens and --merch with or without seconds', () => {
    expect(parseCli(['serve', '--data', 'state', '--new-tokens'], '/here')).toMatchObject({
      dataDir: '/here/state',
      newTokens: true,
      merch: null,
    });
    expect(parseCli(['serve', '--merch'], '/')).toMatchObject({ merch: {} });
    expect(parseCli(['serve', '--merch', '--port', '0'], '/')).toMatchObject({
      merch: {},
      port: 0,
    });
    expect(parseCli(['serve', '--merch', '90', '--port', '0'], '/')).toMatchObject({
      merch: { idleSeconds: 90 },
      port: 0,
    });
    expect(parseCli(['serve', '--merch=45'], '/')).toMatchObject({ merch: { idleSeconds: 45 } });
    expect(parseCli(['--merch', '30', 'serve'], '/')).toMatchObject({
      command: 'serve',
      merch: { idleSeconds: 30 },
    });
  });

  it('reads --remote-address, an IPv4 address only', () => {
    expect(parseCli(['serve', '--remote-address', '127.0.0.2'], '/')).toMatchObject({
      remoteAddress: '127.0.0.2',
    });
    for (const bad of ['fe80::1', 'phone.local', '']) {
      expect(parseCli(['serve', '--remote-address', bad], '/')).toMatchObject({
        command: 'error',
        message: expect.stringContaining('--remote-address must be an IPv4 address'),
      });
    }
    expect(parseCli(['validate', '--remote-address', '127.0.0.1'], '/')).toMatchObject({
      command: 'error',
      message: 'validate does not take --remote-address.',
    });
  });

  it('refuses a merch time out of range and serve-only options on validate', () => {
    for (const args of [
      ['serve', '--merch', '2'],
      ['serve', '--merch=4000'],
      ['serve', '--merch=soon'],
    ]) {
      expect(parseCli(args, '/')).toMatchObject({
        command: 'error',
        message: expect.stringContaining('--merch takes the idle time in whole seconds'),
      });
    }
    expect(parseCli(['serve', '--data', ''], '/')).toMatchObject({ command: 'error' });
    for (const option of [['--data', 'd'], ['--new-tokens'], ['--merch']]) {
      expect(parseCli(['validate', ...option], '/')).toMatchObject({
        command: 'error',
        message: expect.stringMatching(/^validate does not take --/),
      });
    }
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

describe('--lang', () => {
  /** The CLI in this process: its exit code and what it printed. */
  async function run(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, {
      cwd: repo,
      entryUrl: 'file:///app/out/main/cli.js',
      waitForStop: () => Promise.resolve(),
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    return { code, out, err };
  }
  const brokenPack = path.join(repo, 'tests/fixtures/packs/broken');

  it("validate prints a broken pack's problems in French, and the summary too", async () => {
    const { code, out } = await run(['validate', '--content', brokenPack, '--lang', 'fr']);
    expect(code).toBe(1);
    expect(out).toContain(
      'cases/boris.yaml:7 arrested: attendu\u00a0: une date comme 2023-07-25 (ou 2023-07 si le jour n’est pas connu), reçu\u00a0: "July"',
    );
    expect(out).toContain(
      'playlists/main.yaml:7 items.4: aucun élément avec l’identifiant «\u00a0nobody\u00a0»',
    );
    expect(out.at(-1)).toMatch(/: 8 éléments, \d+ problèmes, 1 avertissement$/);
    expect(out.join('\n')).not.toMatch(/expected|got |no item with id/);
  });

  it('validate stays English without --lang, and takes ru and uk', async () => {
    const english = await run(['validate', '--content', brokenPack]);
    expect(english.out).toContain(
      'cases/boris.yaml:7 arrested: expected a date like 2023-07-25 (or 2023-07 when the day is not known), got "July"',
    );
    const russian = await run(['validate', '--content', brokenPack, '--lang', 'ru']);
    expect(russian.out).toContain('playlists/main.yaml:7 items.4: нет элемента с id «nobody»');
    const ukrainian = await run(['validate', '--content', brokenPack, '--lang', 'uk']);
    expect(ukrainian.out).toContain('playlists/main.yaml:7 items.4: немає елемента з id «nobody»');
    expect(russian.out.length).toBe(english.out.length);
    expect(ukrainian.out.length).toBe(english.out.length);
  });

  it('an unknown language fails clearly, naming the option and the languages', async () => {
    const { code, err, out } = await run(['validate', '--content', brokenPack, '--lang', 'xx']);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain('--lang must be one of en, ru, fr, uk, not "xx".');
    expect(parseCli(['serve', '--lang', 'de'], '/')).toMatchObject({
      command: 'error',
      message: expect.stringContaining('--lang'),
    });
    expect(parseCli(['serve', '--lang', 'FR'], '/')).toMatchObject({ language: 'fr' });
  });

  it('the help mentions --lang', async () => {
    const { out } = await run(['--help']);
    expect(out.join('\n')).toMatch(/validate \[--content DIR\] \[--lang LANG\]/);
    expect(out.join('\n')).toMatch(/--lang LANG +the language content problems are printed in/);
  });
});

describe('cli (spawned)', () => {
  it('--help prints the usage and exits 0', async () => {
    const run = cli(['--help']);
    expect(await run.code).toBe(0);
    expect(run.stdout()).toContain('serve [--content DIR] [--port N] [--host H]');
    expect(run.stdout()).toContain('validate [--content DIR]');
    expect(run.stdout()).toContain('[--data DIR] [--new-tokens] [--merch [SECONDS]]');
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
    const data = freshDataDir();
    const run = cli(['serve', '--port', '0', '--content', goodPack, '--data', data]);
    await run.waitFor('Press Ctrl+C to stop.');
    const lines = run.stdout().trimEnd().split('\n');
    expect(lines[0]).toBe(`Solidarity Screens is serving ${goodPack}`);
    const url =
      /^ {2}(display|kiosk|operator|overlay|stage) +(http:\/\/127\.0\.0\.1:(\d+)\/\1\?token=([A-Za-z0-9_-]+))$/;
    expect(lines.slice(1, 6).map((l) => url.exec(l)?.[1])).toEqual([
      'display',
      'kiosk',
      'operator',
      'overlay',
      'stage',
    ]);
    expect(lines[1]).toMatch(/^ {2}display {3}http/);
    expect(lines[3]).toMatch(/^ {2}operator {2}http/);
    // The api line is a curl command that works as printed.
    const api = /^ {2}api +curl -H 'Authorization: Bearer ([A-Za-z0-9_-]+)' (http:\/\/\S+)$/.exec(
      lines[6]!,
    );
    expect(api).not.toBeNull();
    const state = await fetch(api![2]!, { headers: { authorization: `Bearer ${api![1]}` } });
    expect(state.status).toBe(200);
    expect(await state.json()).toMatchObject({ safeMode: expect.any(Boolean) });
    expect(lines[7]).toMatch(
      /^Content: \d+ items, \d+ problems \(run `npm run validate` to list them\)$/,
    );
    expect(lines[8]).toBe(`Data: ${data} (show position, view tokens)`);
    expect(lines[9]).toBe('Press Ctrl+C to stop.');

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

describe('restarting serve (spawned)', () => {
  const VIEW_LINE = /^ {2}(\w+) +(http:\/\/127\.0\.0\.1:(\d+)\/\w+\?token=([A-Za-z0-9_-]+))$/m;

  /** The port and token of one printed view line. */
  function printed(run: Run, role: string): { port: string; token: string } {
    for (const line of run.stdout().split('\n')) {
      const match = VIEW_LINE.exec(line);
      if (match?.[1] === role) return { port: match[3]!, token: match[4]! };
    }
    throw new Error(`no ${role} line in:\n${run.stdout()}`);
  }

  /** An operator socket whose messages the test takes by type, in the order they came. */
  function operator(port: string, token: string) {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?role=operator&token=${token}`);
    const messages: { type: string; [key: string]: unknown }[] = [];
    const waiters: (() => void)[] = [];
    ws.on('message', (data) => {
      messages.push(JSON.parse(data.toString()));
      for (const wake of waiters.splice(0)) wake();
    });
    const next = async (type: string) => {
      for (;;) {
        const index = messages.findIndex((m) => m.type === type);
        if (index >= 0) return messages.splice(index, 1)[0]!;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    };
    return { ws, next };
  }

  it('serve --remote-address puts the phone remote there when the operator turns it on', async () => {
    // Loopback as the "LAN": the test never reaches a real network address.
    const run = cli([
      'serve',
      '--port',
      '0',
      '--content',
      goodPack,
      '--remote-address',
      '127.0.0.1',
    ]);
    await run.waitFor('Press Ctrl+C to stop.');
    const { port, token } = printed(run, 'operator');
    const console1 = operator(port, token);
    expect((await console1.next('remote')).remote).toMatchObject({ enabled: false, url: null });
    console1.ws.send(
      JSON.stringify({
        type: 'command',
        requestId: 'on',
        command: { name: 'remoteEnable', on: true },
      }),
    );
    expect(await console1.next('result')).toMatchObject({ requestId: 'on', ok: true });
    const status = (await console1.next('remote')).remote as { url: string; pin: string };
    expect(status.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/remote$/);
    expect(status.pin).toMatch(/^\d{6}$/);
    console1.ws.close();
    run.kill('SIGINT');
    expect(await run.code).toBe(0);
  });

  it('resumes at the saved position with the same links', async () => {
    const data = freshDataDir();
    const args = ['serve', '--port', '0', '--data', data, '--content', 'content'];
    const first = cli(args);
    await first.waitFor('Press Ctrl+C to stop.');
    const { port, token } = printed(first, 'operator');
    const console1 = operator(port, token);
    const show = (await console1.next('show')).show as { order: string[]; playlistId: string };
    const third = show.order[2]!;
    console1.ws.send(
      JSON.stringify({
        type: 'command',
        requestId: 'go',
        command: { name: 'goTo', itemId: third },
      }),
    );
    expect(await console1.next('result')).toMatchObject({ requestId: 'go', ok: true });
    console1.ws.close();
    first.kill('SIGINT');
    expect(await first.code).toBe(0);

    const second = cli(args);
    await second.waitFor('Press Ctrl+C to stop.');
    const again = printed(second, 'operator');
    expect(again.token).toBe(token);
    const console2 = operator(again.port, again.token);
    expect((await console2.next('show')).show).toMatchObject({
      playlistId: show.playlistId,
      itemId: third,
      position: 2,
    });
    console2.ws.close();
    second.kill('SIGINT');
    expect(await second.code).toBe(0);

    // The same folder through the environment instead of --data.
    const thirdRun = cli(['serve', '--port', '0', '--content', 'content'], {
      SOLIDARITY_DATA_DIR: data,
    });
    await thirdRun.waitFor('Press Ctrl+C to stop.');
    expect(thirdRun.stdout()).toContain(`Data: ${data} (show position, view tokens)`);
    expect(printed(thirdRun, 'operator').token).toBe(token);
  }, 30_000);

  it('after a crash (SIGKILL) comes back in safe mode, on the safe slide', async () => {
    const data = freshDataDir();
    const args = ['serve', '--port', '0', '--data', data, '--content', 'content'];
    const first = cli(args);
    await first.waitFor('Press Ctrl+C to stop.');
    const { port, token } = printed(first, 'operator');
    const console1 = operator(port, token);
    await console1.next('show');
    console1.ws.send(
      JSON.stringify({ type: 'command', requestId: 's', command: { name: 'safeMode', on: true } }),
    );
    const safe = (await console1.next('show')).show as { itemId: string; safeMode: boolean };
    expect(safe.safeMode).toBe(true);
    // Saving never holds up the show, so wait for the file before pulling the plug.
    const file = path.join(data, 'show-position.json');
    for (let i = 0; i < 100; i++) {
      try {
        if (JSON.parse(readFileSync(file, 'utf8')).safeMode === true) break;
      } catch {
        // Not written yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    console1.ws.terminate();
    first.kill('SIGKILL');
    await first.code;

    const second = cli(args);
    await second.waitFor('Press Ctrl+C to stop.');
    const again = printed(second, 'operator');
    const console2 = operator(again.port, again.token);
    expect((await console2.next('show')).show).toMatchObject({
      safeMode: true,
      itemId: safe.itemId,
    });
    console2.ws.close();
  }, 30_000);
});
