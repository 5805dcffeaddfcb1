import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { act } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { createTranslator, type AppLanguage } from '../../../../../../src/shared/i18n';
import type { ObsInfo } from '../../../../../../src/shared/protocol';
import { obsSceneForKey } from '../../../../../../src/shared/actions/obs';
import {
  StoresContext,
  applyObs,
  applyShow,
  createStores,
} from '../../../../../../src/renderer/stores';
import { RunnerProvider } from '../../../../../../src/renderer/controls/run';
import { ObsPanel } from '../../../../../../src/renderer/views/operator/obs/ObsPanel';
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
    passwordFromEnv: false,
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
  overlay: null,
};

const inStep: NonNullable<ObsInfo['overlay']> = {
  at: 1,
  sceneExists: true,
  mode: 'native',
  remote: false,
  drift: [],
  elements: [
    { element: 'lyrics', console: true, obs: true },
    { element: 'lowerThird', console: false, obs: false },
    { element: 'qr', console: false, obs: false },
    { element: 'drawing', console: false, obs: false },
    { element: 'nowPlaying', console: true, obs: true },
  ],
};

function renderPanel(obs: ObsInfo | null, language: AppLanguage = 'en') {
  const stores = createStores();
  applyShow(showState(), stores.show);
  const obsStore = stores.obs;
  if (obs) applyObs(obs, obsStore);
  const send = vi.fn(async () => ({ ok: true as const }));
  render(
    <I18nextProvider i18n={createTranslator(language)}>
      <StoresContext.Provider value={stores}>
        <RunnerProvider send={send}>
          <ObsPanel />
        </RunnerProvider>
      </StoresContext.Provider>
    </I18nextProvider>,
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

  it('where videos go on the stream: the saved choice is checked, with why; a click sends the other', async () => {
    const { send } = renderPanel({ ...connected, videoPlacement: 'overlay-scene' });
    const choice = screen.getByTestId('obs-video-placement');
    const own = within(choice).getByRole('radio', { name: 'A scene of its own' });
    const under = within(choice).getByRole('radio', { name: 'Under the overlays' });
    expect(under).toBeChecked();
    expect(own).not.toBeChecked();
    expect(screen.getByTestId('obs-video-placement-why')).toHaveTextContent(/No scene switch/);
    await act(async () => {
      fireEvent.click(own);
    });
    expect(send).toHaveBeenCalledWith({ name: 'obsVideoPlacement', placement: 'own-scene' });
    // Shown at once, before the core's status says so (the click is not lost in the wait).
    expect(own).toBeChecked();
    expect(under).not.toBeChecked();
    cleanup();
    // A refusal puts the saved choice back.
    const refused = renderPanel({ ...connected, videoPlacement: 'overlay-scene' });
    refused.send.mockResolvedValueOnce({ ok: false, error: 'OBS is busy' } as never);
    await act(async () => {
      fireEvent.click(screen.getByRole('radio', { name: 'A scene of its own' }));
    });
    expect(screen.getByRole('radio', { name: 'Under the overlays' })).toBeChecked();
    cleanup();
    // An older core that does not say: the default, a scene of its own.
    renderPanel(connected);
    expect(screen.getByRole('radio', { name: 'A scene of its own' })).toBeChecked();
    cleanup();
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
            warnings: [],
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

  it('password from SOLIDARITY_OBS_PASSWORD: says so, and offers no field that would be ignored', () => {
    renderPanel({
      ...connected,
      status: {
        ...connected.status,
        state: 'auth-failed',
        message: 'OBS refused the password in the environment variable SOLIDARITY_OBS_PASSWORD…',
        obsVersion: null,
        obsWebSocketVersion: null,
        passwordFromEnv: true,
      },
      scenes: null,
      outputs: null,
    });
    expect(screen.getByTestId('obs-message').textContent).toContain('SOLIDARITY_OBS_PASSWORD');
    expect(screen.getByTestId('obs-env-password').textContent).toMatch(
      /SOLIDARITY_OBS_PASSWORD.*restart the app/,
    );
    const field = screen.getByPlaceholderText('from SOLIDARITY_OBS_PASSWORD') as HTMLInputElement;
    expect(field.disabled).toBe(true);
  });

  it('no overlay scene on connecting: asks to set it up, and the button runs the setup', async () => {
    const { send } = renderPanel({
      ...connected,
      overlay: { ...inStep, sceneExists: false, mode: null, drift: [], elements: [] },
    });
    const ask = screen.getByTestId('obs-ask-setup');
    expect(ask.textContent).toContain('OBS has no overlay scene yet');
    await act(async () => {
      fireEvent.click(within(ask).getByRole('button'));
    });
    expect(send).toHaveBeenCalledWith({ name: 'obsSetup' });
  });

  it('drift: says what differs, marks the element by OBS’s real state, and offers a repair', async () => {
    const { send } = renderPanel({
      ...connected,
      setup: {
        at: 1,
        ok: true,
        error: null,
        scene: 'unchanged',
        mode: 'native',
        inputs: [],
        scenes: [],
        warnings: [],
      },
      overlay: {
        ...inStep,
        drift: [
          {
            kind: 'hidden-in-obs',
            source: 'Solidarity · Lyrics',
            message: '"Solidarity · Lyrics" is hidden in OBS (its eye is off)…',
            repairable: true,
          },
        ],
        elements: inStep.elements.map((e) => (e.element === 'lyrics' ? { ...e, obs: false } : e)),
      },
    });
    expect(screen.getByTestId('obs-drift').textContent).toContain('hidden in OBS');
    const lyrics = screen.getByTestId('obs-elements').querySelector('[data-element="lyrics"]');
    expect(lyrics?.getAttribute('data-obs')).toBe('hidden');
    expect(lyrics?.textContent).toBe('Lyrics: off (console: on)');
    // The old "Scene ready" would be a false claim now.
    expect(screen.getByTestId('obs-setup-report').textContent).not.toContain('Scene ready');
    await act(async () => {
      fireEvent.click(screen.getByTestId('obs-repair'));
    });
    expect(send).toHaveBeenCalledWith({ name: 'obsSetup' });
  });

  it('in step: says so, and the setup report may say "Scene ready"', () => {
    renderPanel({
      ...connected,
      overlay: inStep,
      setup: {
        at: 1,
        ok: true,
        error: null,
        scene: 'unchanged',
        mode: 'native',
        inputs: [],
        scenes: [],
        warnings: [],
      },
    });
    expect(screen.getByTestId('obs-in-step').textContent).toContain('OBS holds what the console');
    expect(screen.getByTestId('obs-setup-report').textContent).toContain('Scene ready');
    expect(screen.queryByTestId('obs-repair')).toBeNull();
  });
});

/** The panel's words: not OBS's names (`translate="no"`), keycaps, or the core's words. */
function panelWords(): string[] {
  const panel = screen.getByTestId('obs-panel');
  const words: string[] = [];
  const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    if (
      !/\p{L}/u.test(text) ||
      node.parentElement?.closest('kbd, [translate="no"], [data-from-core]')
    )
      continue;
    words.push(text);
  }
  for (const el of panel.querySelectorAll('[placeholder], [aria-label], [title]')) {
    for (const name of ['placeholder', 'aria-label', 'title']) {
      const value = el.getAttribute(name);
      if (value) words.push(value);
    }
  }
  return words;
}

describe('ObsPanel in the reader’s language', () => {
  const drifted: ObsInfo = {
    ...connected,
    scenes: { ...connected.scenes!, studioMode: true, preview: 'Talk' },
    outputs: {
      ...connected.outputs!,
      record: { active: true, paused: true, timecode: '00:01:00' },
    },
    setup: {
      at: 1,
      ok: true,
      error: null,
      scene: 'created',
      mode: 'browser',
      inputs: [{ name: 'Solidarity · Lyrics', input: 'updated', item: 'created' }],
      scenes: [{ scene: 'Band', result: 'already-there' }],
      warnings: [],
    },
    overlay: {
      ...inStep,
      drift: [{ kind: 'hidden-in-obs', source: 'x', message: 'x is hidden', repairable: true }],
      elements: inStep.elements.map((e) =>
        e.element === 'lyrics'
          ? { ...e, obs: false }
          : e.element === 'qr'
            ? { ...e, obs: null }
            : e,
      ),
    },
  };
  const states: [string, ObsInfo][] = [
    [
      'not configured',
      { ...connected, status: { ...connected.status, state: 'disconnected', host: null } },
    ],
    ['wrong password', { ...connected, status: { ...connected.status, state: 'auth-failed' } }],
    ['connected, drifted, studio mode', drifted],
    ['no overlay scene', { ...connected, overlay: { ...inStep, sceneExists: false } }],
    ['failed setup', { ...connected, setup: { ...drifted.setup!, ok: false, error: 'boom' } }],
  ];

  for (const [name, obs] of states) {
    it(`says nothing in English in fr, ru and uk: ${name}`, () => {
      renderPanel(obs, 'en');
      const english = new Set(panelWords());
      cleanup();
      expect(english.size).toBeGreaterThan(2);
      for (const language of ['fr', 'ru', 'uk'] as const) {
        renderPanel(obs, language);
        const words = panelWords();
        expect(
          words.filter((word) => english.has(word)),
          language,
        ).toEqual([]);
        cleanup();
      }
    });
  }
});
