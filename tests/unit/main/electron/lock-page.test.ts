import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  LOCK_CSP,
  LOCK_PAGE_URL,
  lockPageFile,
  registerLockScheme,
  serveLockPage,
} from '../../../../src/main/electron/lock-page';
import { electron, resetFakeElectron } from '../../../mocks/electron';

vi.mock('electron', async () => (await import('../../../mocks/electron')).electron);

const renderer = '/app/out/renderer';

describe('lockPageFile', () => {
  it('serves the page and flat asset names from the build', () => {
    expect(lockPageFile('app://kiosk-lock/', renderer)).toBe(
      path.join(renderer, 'views', 'kiosk-lock', 'index.html'),
    );
    expect(lockPageFile('app://kiosk-lock/assets/kiosk-lock-D3q42.js', renderer)).toBe(
      path.join(renderer, 'assets', 'kiosk-lock-D3q42.js'),
    );
  });

  it('serves nothing else on disk', () => {
    for (const url of [
      'app://kiosk-lock/assets/..%2F..%2Fetc%2Fpasswd',
      'app://kiosk-lock/assets/.env',
      'app://kiosk-lock/assets/sub/x.js',
      'app://kiosk-lock/assets/x.exe',
      'app://kiosk-lock/views/kiosk-lock/index.html',
      'app://kiosk-lock/main.ts',
      'app://other/',
      'http://kiosk-lock/',
      'not a url',
    ]) {
      expect(lockPageFile(url, renderer), url).toBeNull();
    }
  });
});

describe('serveLockPage', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'lock-page-'));
    mkdirSync(path.join(dir, 'views/kiosk-lock'), { recursive: true });
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'views/kiosk-lock/index.html'), '<!doctype html><title>x</title>');
    writeFileSync(path.join(dir, 'assets/kiosk-lock-1.js'), 'console.log(1)');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => resetFakeElectron());

  it('registers a standard, secure scheme before ready', () => {
    registerLockScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
  });

  it('follows Electron: the scheme is registered before ready, served only after it', () => {
    expect(() => serveLockPage(dir)).toThrow(/before the app is ready/);
    electron.app.emitReady();
    expect(() => registerLockScheme()).toThrow(/before app is ready/);
  });

  it('answers with the file, its type and a strict CSP, or 404', async () => {
    electron.app.emitReady();
    serveLockPage(dir);
    const page = await electron.protocol.fetch(LOCK_PAGE_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(LOCK_CSP);
    expect(await page.text()).toContain('<title>x</title>');
    const script = await electron.protocol.fetch('app://kiosk-lock/assets/kiosk-lock-1.js');
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect((await electron.protocol.fetch('app://kiosk-lock/assets/missing.js')).status).toBe(404);
    expect((await electron.protocol.fetch('app://kiosk-lock/assets/..%2F..%2Fx')).status).toBe(404);
  });
});
