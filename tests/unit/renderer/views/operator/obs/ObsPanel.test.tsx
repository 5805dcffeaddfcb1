import { fireEvent, render, screen } from '@testing-library/react';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ObsInfo } from '../../../../../../src/shared/protocol';
import { obsSceneForKey } from '../../../../../../src/shared/actions/obs-actions';
import { StoresContext, createStores, applyShow } from '../../../../../../src/renderer/stores';
import { RunnerProvider } from '../../../../../../src/renderer/views/operator/run';
import { ObsPanel } from '../../../../../../src/renderer/views/operator/obs/ObsPanel';
import {
  ObsStoreContext,
  applyObs,
  createObsStore,
} from '../../../../../../src/renderer/views/operator/obs/obs-store';
import { showState } from '../../../fixtures';

const connected: ObsInfo = {
  status: {
    state: 'connected',
    message: 'Connected to OBS 29.0.2 (obs-websocket 5.1.0) at 127.0.0.1:4455.',
    obsVersion: '29.0.2',
    obsWebSocketVersion: '5.1.0',
    host: '127.0.0.1',
    port: 4455,
    hasPassword: true,
  },
  scenes: {
    scenes: ['Band', 'Talk', 'Solidarity Overlays'],
    program: 'Band',
    preview: null,
    studioMode: false,
  },
  outputs: {
    stream: {
      active: true,
      reconnecting: false,
      timecode: '00:12:03.250',
      droppedFrames: 3,
      totalFrames: 300,
    },
    record: { active: false, paused: false, timecode: '00:00:00.000' },
  },
  setup: null,
};

function renderPanel(obs: ObsInfo | null) {
  const stores = createStores();
  applyShow(showState(), stores.show);
  const obsStore = createObsStore();
  if (obs) applyObs(obs, obsStore);
  const send = vi.fn(async () => ({ ok: true as const }));
  render(
    <StoresContext.Provider value={stores}>
      <ObsStoreContext.Provider value={obsStore}>
        <RunnerProvider send={send}>
          <ObsPanel />
        </RunnerProvider>
      </ObsStoreContext.Provider>
    </StoresContext.Provider>,
  );
  return { send, obsStore };
}

describe('ObsPanel', () => {
  it('not configured: the human message and a connect form', () => {
    renderPanel({
      ...connected,
      status: {
        ...connected.status,
        state: 'disconnected',
        message: 'OBS is not connected. Set the host…',
        obsVersion: null,
        obsWebSocketVersion: null,
        host: null,
        port: null,
        hasPassword: false,
      },
      scenes: null,
      outputs: null,
    });
    expect(screen.getByTestId('obs-status').textContent).toContain('Not connected');
    expect(screen.getByTestId('obs-message').textContent).toContain('Set the host');
    expect(screen.getByTestId('obs-form')).toBeTruthy();
  });

  it('connects with the typed password, then forgets it; the stored one is never shown', async () => {
    const { send } = renderPanel({
      ...connected,
      status: {
        ...connected.status,
        state: 'auth-failed',
        message: 'OBS refused the password (close code 4009).',
        obsVersion: null,
        obsWebSocketVersion: null,
      },
      scenes: null,
      outputs: null,
    });
    expect(screen.getByTestId('obs-status').className).toContain('is-bad');
    expect(screen.getByTestId('obs-message').textContent).toContain('4009');
    const password = screen.getByPlaceholderText(/saved/) as HTMLInputElement;
    expect(password.type).toBe('password');
    expect(password.value).toBe('');
    fireEvent.change(password, { target: { value: 's3cret' } });
    await act(async () => {
      fireEvent.submit(screen.getByTestId('obs-form'));
    });
    expect(send).toHaveBeenCalledWith({
      name: 'obsConfigure',
      host: '127.0.0.1',
      port: 4455,
      password: 's3cret',
    });
    expect(password.value).toBe('');
  });

  it('connected: versions, LIVE with time and dropped frames, scenes marked, click to switch', async () => {
    const { send } = renderPanel(connected);
    expect(screen.getByTestId('obs-status').textContent).toContain(
      'OBS 29.0.2, obs-websocket 5.1.0',
    );
    const outputs = screen.getByTestId('obs-outputs').textContent ?? '';
    expect(outputs).toContain('LIVE');
    expect(outputs).toContain('00:12:03');
    expect(outputs).toContain('dropped 3 (1.0%)');
    expect(outputs).toContain('Not recording');
    const band = screen.getByRole('button', { name: /Band/ });
    expect(band.getAttribute('aria-pressed')).toBe('true');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /Talk/ }));
    });
    expect(send).toHaveBeenCalledWith({ name: 'obsSwitchScene', scene: 'Talk' });
  });

  it('studio mode marks the preview', () => {
    renderPanel({
      ...connected,
      scenes: { ...connected.scenes!, studioMode: true, preview: 'Talk' },
    });
    expect(screen.getByRole('button', { name: /Talk · preview/ }).className).toContain(
      'is-preview',
    );
    expect(screen.getByText(/studio mode: a click sets the preview/)).toBeTruthy();
  });

  it('Set up overlays in OBS, with the picked program scenes; shows what it did', async () => {
    const { send, obsStore } = renderPanel(connected);
    fireEvent.click(screen.getByLabelText('Band'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('obs-setup'));
    });
    expect(send).toHaveBeenCalledWith({ name: 'obsSetup', addToScenes: ['Band'] });
    act(() =>
      applyObs(
        {
          ...connected,
          setup: {
            at: 1,
            ok: true,
            error: null,
            scene: 'created',
            mode: 'native',
            inputs: [{ name: 'Solidarity · Lyrics', input: 'created', item: 'created' }],
            scenes: [{ scene: 'Band', result: 'added' }],
          },
        },
        obsStore,
      ),
    );
    const report = screen.getByTestId('obs-setup-report').textContent ?? '';
    expect(report).toContain('Created the scene');
    expect(report).toContain('Solidarity · Lyrics: created');
    expect(report).toContain('Band: added');
  });

  it('Ctrl+2 switches to the second scene', async () => {
    const { send } = renderPanel(connected);
    await act(async () => {
      fireEvent.keyDown(window, { key: '2', code: 'Digit2', ctrlKey: true });
    });
    expect(send).toHaveBeenCalledWith({ name: 'obsSwitchScene', scene: 'Talk' });
  });
});

describe('obsSceneForKey', () => {
  it('Ctrl or ⌘ with a digit, while connected; plain digits stay the overlay toggles', () => {
    expect(obsSceneForKey(connected, { key: '1', code: 'Digit1', ctrlKey: true })).toBe('Band');
    expect(obsSceneForKey(connected, { key: '&', code: 'Digit1', metaKey: true })).toBe('Band');
    expect(obsSceneForKey(connected, { key: '1', code: 'Digit1' })).toBeNull();
    expect(obsSceneForKey(connected, { key: '9', code: 'Digit9', ctrlKey: true })).toBeNull();
    expect(
      obsSceneForKey(
        { ...connected, status: { ...connected.status, state: 'error' } },
        { key: '1', ctrlKey: true },
      ),
    ).toBeNull();
  });
});
