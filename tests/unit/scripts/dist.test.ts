import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { EXIT_NO_DOWNLOAD, explainDownloadFailure, runDist } from '../../../scripts/dist.mjs';

const config = {
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] },
    ],
  },
};

// electron-builder 26.18.1's output on this machine (no route to github.com), as recorded.
const offlineOutput = `  • electron-builder  version=26.18.1 os=6.18.44
  • loaded configuration  file=/work/wt/dist/electron-builder.yml
  • packaging       platform=linux arch=x64 electron=45.5.0 appOutDir=dist/linux-unpacked
  ⨯ getaddrinfo ENOTFOUND github.com  failedTask=build stackTrace=RequestError: getaddrinfo ENOTFOUND github.com
    at ClientRequest.<anonymous> (/work/wt/dist/node_modules/got/dist/source/core/index.js:970:111)`;

async function run(build: { code: number; output: string }, built: string[] = []) {
  const lines: string[] = [];
  const code = (await runDist({
    build: () => Promise.resolve(build),
    log: (line: string) => lines.push(line),
    config,
    electronVersion: '45.5.0',
    built: () => built,
  })) as number;
  return { code, text: lines.join('\n') };
}

describe('npm run dist', () => {
  it('says plainly that the Electron binary could not be downloaded and nothing was built', async () => {
    const { code, text } = await run({ code: 1, output: offlineOutput });
    expect(code).toBe(EXIT_NO_DOWNLOAD);
    expect(code).not.toBe(0);
    expect(text).toContain('the Electron 45.5.0 binary for linux-x64 could not be downloaded');
    expect(text).toContain('Here nothing was built');
    expect(text).toContain(
      'On a machine with internet this command builds AppImage x64, AppImage arm64, deb x64, deb arm64',
    );
    expect(text).not.toMatch(/\bbuilt (AppImage|deb)/);
  });

  it('names the arch that failed, and what was built before it', async () => {
    const output = offlineOutput.replace('arch=x64', 'arch=arm64');
    const { code, text } = await run({ code: 1, output }, ['Solidarity Screens-0.1.0.AppImage']);
    expect(code).toBe(EXIT_NO_DOWNLOAD);
    expect(text).toContain('binary for linux-arm64 could not be downloaded');
    expect(text).toContain('Here only Solidarity Screens-0.1.0.AppImage was built');
  });

  it('blames the packaging tools when the download fails while building a target', () => {
    const output = `  • packaging       platform=linux arch=x64 electron=45.5.0
  • building        target=deb arch=x64 file=dist/x.deb
  ⨯ connect ETIMEDOUT 140.82.121.4:443`;
    const text = explainDownloadFailure(output, {
      electronVersion: '45.5.0',
      installers: ['deb x64'],
    }) as string;
    expect(text).toContain('the packaging tools for the deb x64 installer could not be downloaded');
  });

  it("leaves other failures to electron-builder's own message, with its exit code", async () => {
    const { code, text } = await run({
      code: 7,
      output: '  ⨯ Cannot find module out/main/index.js',
    });
    expect(code).toBe(7);
    expect(text).not.toContain('could not be downloaded');
    expect(text).toContain('electron-builder failed (exit 7)');
  });

  it('reports success only when electron-builder succeeded', async () => {
    const { code, text } = await run({ code: 0, output: '  • building target=deb' });
    expect(code).toBe(0);
    expect(text).toContain('built AppImage x64, AppImage arm64, deb x64, deb arm64 into dist/');
  });
});
