import { describe, expect, it, vi } from 'vitest';
import { ObsBridge, type ObsStatus } from '../../../../src/main/obs/bridge';
import type { ObsController } from '../../../../src/main/obs/index';
import { createObsService } from '../../../../src/main/obs/service';
import { refusal, serverMessageSchema } from '../../../../src/shared/protocol';

function fakeController(passwordSource: 'env' | 'file' = 'file') {
  let status: ObsStatus = { state: 'disconnected', message: 'OBS is not connected.' };
  let placement: 'own-scene' | 'overlay-scene' = 'own-scene';
  const listeners = new Set<(s: ObsStatus) => void>();
  const controller = {
    bridge: new ObsBridge(),
    status: () => status,
    target: () => ({ host: '127.0.0.1', port: 4455, hasPassword: true, passwordSource }),
    onStatus: (l: (s: ObsStatus) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    configure: vi.fn(async () => ({ ok: true as const, value: status })),
    listScenes: vi.fn(async () => ({
      ok: true as const,
      value: { scenes: ['A', 'B'], program: 'A', preview: null, studioMode: false },
    })),
    outputStatus: vi.fn(async () => ({
      ok: true as const,
      value: {
        stream: {
          active: true,
          reconnecting: false,
          timecode: '00:00:01',
          skippedFrames: 2,
          totalFrames: 60,
        },
        record: { active: false, paused: false, timecode: '00:00:00' },
        render: { skippedFrames: 0, totalFrames: 0 },
      },
    })),
    switchScene: vi.fn(async () => ({
      ok: false as const,
      error: { message: 'No source was found' },
    })),
    setUpOverlays: vi.fn(),
    overlayHealth: () => null,
    onOverlayHealth: () => () => {},
    onVideoStatus: () => () => {},
    videoPlacement: vi.fn(() => placement),
    setVideoPlacement: vi.fn(async (next: 'own-scene' | 'overlay-scene') => {
      placement = next;
      return { ok: true as const, value: undefined };
    }),
    checkOverlays: vi.fn(async () => null),
  };
  const set = (next: ObsStatus) => {
    status = next;
    for (const l of listeners) l(next);
  };
  controller.configure.mockImplementation(async () => ({ ok: true as const, value: status }));
  return { controller: controller as unknown as ObsController, mock: controller, set };
}

describe('the OBS service', () => {
  it('tells operators the status, polls only while connected and watched, answers results', async () => {
    vi.useFakeTimers();
    try {
      const { controller, mock, set } = fakeController();
      const service = createObsService({ controller, pollMs: 2_000 });
      const seen: unknown[] = [];
      service.subscribe((info) => seen.push(info));
      expect(service.info().status).toMatchObject({ state: 'disconnected', host: '127.0.0.1' });
      set({
        state: 'connected',
        message: 'Connected.',
        obsVersion: '29.0.2',
        obsWebSocketVersion: '5.1.0',
        rpcVersion: 1,
      });
      await vi.advanceTimersByTimeAsync(0);
      expect(service.info().status.obsVersion).toBe('29.0.2');
      expect(service.info().outputs?.stream).toMatchObject({ active: true, droppedFrames: 2 });
      const calls = mock.outputStatus.mock.calls.length;
      await vi.advanceTimersByTimeAsync(6_000);
      expect(mock.outputStatus.mock.calls.length).toBe(calls); // no operator: no polling
      service.setOperatorCount(1);
      await vi.advanceTimersByTimeAsync(6_000);
      expect(mock.outputStatus.mock.calls.length).toBeGreaterThanOrEqual(calls + 3);
      const result = await service.execute({ name: 'obsSwitchScene', scene: 'Z' });
      expect(result).toEqual({ ok: false, error: { message: 'No source was found' } });
      // Valid protocol, and never the password.
      expect(serverMessageSchema.parse({ type: 'obs', obs: service.info() }).type).toBe('obs');
      expect(JSON.stringify(seen)).not.toMatch(/password"\s*:/);
      service.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('saves where videos go on the stream and tells the consoles', async () => {
    const { controller, mock } = fakeController();
    const service = createObsService({ controller });
    expect(service.info().videoPlacement).toBe('own-scene');
    const seen: (string | undefined)[] = [];
    service.subscribe((info) => seen.push(info.videoPlacement));
    const result = await service.execute({
      name: 'obsVideoPlacement',
      placement: 'overlay-scene',
    });
    expect(result.ok).toBe(true);
    expect(mock.setVideoPlacement).toHaveBeenCalledWith('overlay-scene');
    expect(seen.at(-1)).toBe('overlay-scene');
    service.stop();
  });

  it('the obs commands are the operator’s only', () => {
    const command = { name: 'obsSwitchScene', scene: 'A' } as const;
    expect(refusal('operator', command)).toBeNull();
    for (const role of ['remote', 'kiosk', 'display', 'overlay'] as const) {
      expect(refusal(role, command)?.message).toContain('may not send');
    }
  });

  describe('a password in SOLIDARITY_OBS_PASSWORD', () => {
    const refused: ObsStatus = {
      state: 'auth-failed',
      problem: 'auth',
      message: 'OBS refused the password (close code 4009). Copy it again … and save it here.',
    };

    it('refused by OBS: the console names the variable instead of "save it here"', () => {
      const { controller, set } = fakeController('env');
      const service = createObsService({ controller });
      set(refused);
      const status = service.info().status;
      expect(status.passwordFromEnv).toBe(true);
      expect(status.message).toContain('SOLIDARITY_OBS_PASSWORD');
      expect(status.message).toMatch(/typing one here will not help/);
      expect(status.message).not.toContain('save it here');
      service.stop();
    });

    it('a password typed in the console while the variable wins: saved, and said to be unused', async () => {
      const { controller, set } = fakeController('env');
      const service = createObsService({ controller });
      set({
        state: 'connected',
        message: 'Connected.',
        obsVersion: '29.0.2',
        obsWebSocketVersion: '5.1.0',
        rpcVersion: 1,
      });
      const result = await service.execute({
        name: 'obsConfigure',
        host: '127.0.0.1',
        port: 4455,
        password: 'typed',
      });
      expect(result).toMatchObject({
        ok: false,
        error: expect.objectContaining({
          message: expect.stringMatching(/SOLIDARITY_OBS_PASSWORD.*wins/),
        }),
      });
      service.stop();
    });

    it('refused after configure: the command answers with the same words', async () => {
      const { controller, set } = fakeController('env');
      const service = createObsService({ controller });
      set(refused);
      const result = await service.execute({ name: 'obsConfigure', host: 'h', port: 4455 });
      expect(result).toMatchObject({
        ok: false,
        error: expect.objectContaining({
          message: expect.stringContaining('SOLIDARITY_OBS_PASSWORD'),
        }),
      });
      service.stop();
    });

    it('a password from the file: the bridge’s own words stay', () => {
      const { controller, set } = fakeController('file');
      const service = createObsService({ controller });
      set(refused);
      expect(service.info().status).toMatchObject({
        passwordFromEnv: false,
        message: refused.message,
      });
      service.stop();
    });
  });
});
