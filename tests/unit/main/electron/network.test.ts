import { describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';
import {
  cspFor,
  requestAllowed,
  setupNetworkGuard,
  withCsp,
} from '../../../../src/main/electron/network';
import { htmlCsp } from '../../../../src/main/server/headers';
import { createFakeSession } from '../../../mocks/electron';

const policy = { coreOrigin: 'http://127.0.0.1:8080', extraOrigins: ['app://kiosk-lock'] };

describe('requestAllowed', () => {
  it('allows the core, its socket and our own pages', () => {
    for (const url of [
      'http://127.0.0.1:8080/kiosk?token=abc',
      'http://127.0.0.1:8080/media/drawings/a.jpg',
      'ws://127.0.0.1:8080/ws?role=kiosk&token=abc',
      'app://kiosk-lock/',
      'app://kiosk-lock/assets/kiosk-lock-1.js',
      'data:image/png;base64,AAAA',
      'blob:http://127.0.0.1:8080/6f1c',
    ]) {
      expect(requestAllowed(url, policy), url).toBe(true);
    }
  });

  it('cancels everything else, including look-alikes of the core', () => {
    for (const url of [
      'https://example.org/',
      'https://fonts.googleapis.com/css?family=Inter',
      'http://127.0.0.1:8081/',
      'http://localhost:8080/',
      'http://127.0.0.1:8080.evil.org/',
      'https://127.0.0.1:8080/',
      'wss://127.0.0.1:8080/ws',
      'ws://127.0.0.1:9999/ws',
      'app://other/',
      'file:///etc/passwd',
      'chrome://gpu',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
    ]) {
      expect(requestAllowed(url, policy), url).toBe(false);
    }
  });

  it('lets DevTools load only in development', () => {
    const url = 'devtools://devtools/bundled/inspector.html';
    expect(requestAllowed(url, { ...policy, dev: true })).toBe(true);
    expect(requestAllowed(url, { ...policy, dev: false })).toBe(false);
  });
});

describe('withCsp', () => {
  it("adds the policy next to the server's own, whatever its header case", () => {
    expect(withCsp({ 'content-security-policy': ['sandbox'], 'X-A': 'b' }, 'P')).toEqual({
      'content-security-policy': ['sandbox', 'P'],
      'X-A': ['b'],
    });
    expect(withCsp(undefined, 'P')).toEqual({ 'Content-Security-Policy': ['P'] });
  });
  it("uses the server's policy, pinned to the host the response came from", () => {
    expect(cspFor('http://127.0.0.1:8080/kiosk', policy.coreOrigin)).toBe(
      htmlCsp('127.0.0.1:8080', '127.0.0.1:8080'),
    );
  });
});

describe('setupNetworkGuard', () => {
  it('cancels foreign requests in the session and puts the CSP on core responses', () => {
    const session = createFakeSession();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    setupNetworkGuard(session as unknown as Session, policy);
    expect(session.cancels('http://127.0.0.1:8080/assets/index.js')).toBe(false);
    expect(session.cancels('https://tracker.example/pixel.gif')).toBe(true);
    expect(session.cancels('https://tracker.example/again.gif')).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('https://tracker.example');

    const headers = session.headersFor('http://127.0.0.1:8080/kiosk', {
      'Content-Type': ['text/html'],
    });
    expect(headers?.['Content-Security-Policy']?.[0]).toContain(
      "connect-src 'self' ws://127.0.0.1:8080",
    );
    expect(headers?.['Content-Type']).toEqual(['text/html']);
    warn.mockRestore();
  });
});
