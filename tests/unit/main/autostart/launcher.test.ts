import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  acceptsConnections,
  readViewUrl,
  waitForServer,
} from '../../../../src/main/autostart/launcher';
import { loadTokens } from '../../../../src/main/settings/tokens-file';

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'autostart-launch-'));
  temps.push(dir);
  return dir;
};

describe('the launcher', () => {
  it('opens the view with the token serve keeps in the data folder', async () => {
    const dataDir = tempDir();
    const { tokens } = await loadTokens(dataDir);
    expect(await readViewUrl(dataDir, 'display', 8080)).toEqual({
      url: `http://127.0.0.1:8080/display?token=${tokens.display}`,
    });
    expect(await readViewUrl(dataDir, 'kiosk', 9000)).toEqual({
      url: `http://127.0.0.1:9000/kiosk?token=${tokens.kiosk}`,
    });
  });

  it('makes no token of its own and leaves a bad tokens file where it is for serve', async () => {
    const dataDir = tempDir();
    expect(await readViewUrl(dataDir, 'display', 8080)).toHaveProperty('error');
    const file = path.join(dataDir, 'tokens.json');
    writeFileSync(file, '{"display": 5}');
    const read = await readViewUrl(dataDir, 'display', 8080);
    expect(read).toHaveProperty('error');
    expect((read as { error: string }).error).toContain(file);
    expect(await loadTokens(dataDir)).toMatchObject({ notices: [expect.anything()] });
  });

  it('waits until the server answers before the browser opens', async () => {
    let probes = 0;
    const sleeps: number[] = [];
    await waitForServer('http://127.0.0.1:8080/', {
      probe: async () => {
        probes += 1;
        if (probes < 4) throw new Error('ECONNREFUSED');
      },
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    expect(probes).toBe(4);
    expect(sleeps).toEqual([1000, 1000, 1000]);
  });

  it("probes serve with a connection and no request, so a restart's core is not woken before the browser asks", async () => {
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await expect(acceptsConnections(`http://127.0.0.1:${port}/`)).resolves.toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(requests).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    // Nothing listens there any more.
    await expect(acceptsConnections(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });
});
