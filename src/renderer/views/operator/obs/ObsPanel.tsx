import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import {
  obsConfigureAction,
  obsKeyList,
  obsSceneForKey,
  obsSetupAction,
  obsSwitchSceneAction,
} from '../../../../shared/actions/obs-actions';
import type { ObsInfo } from '../../../../shared/protocol';
import { keyBelongsToFocus } from '../use-operator-keys';
import { useStores } from '../../../stores';
import { useRunner } from '../../../controls/run';
import './obs.css';

const stateLabels: Record<ObsInfo['status']['state'], string> = {
  disconnected: 'Not connected',
  connecting: 'Connecting…',
  connected: 'Connected',
  'auth-failed': 'Wrong password',
  error: 'Problem',
};

/** The colour of the status dot: green connected, amber on the way, red when it needs you. */
export function statusTone(state: ObsInfo['status']['state']): 'ok' | 'wait' | 'bad' | 'off' {
  if (state === 'connected') return 'ok';
  if (state === 'connecting') return 'wait';
  if (state === 'disconnected') return 'off';
  return 'bad';
}

/** Ctrl+1…9 switch scenes, whatever has the focus except a text field. */
function useSceneKeys(obs: () => ObsInfo | null, switchTo: (scene: string) => void) {
  const latest = useRef({ obs, switchTo });
  useEffect(() => {
    latest.current = { obs, switchTo };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || keyBelongsToFocus(event.target, event.key)) return;
      const scene = obsSceneForKey(latest.current.obs(), event);
      if (!scene) return;
      event.preventDefault();
      if (event.repeat) return;
      latest.current.switchTo(scene);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

function ConnectForm({ obs, onDone }: { obs: ObsInfo; onDone: () => void }) {
  const { run } = useRunner();
  const [host, setHost] = useState(obs.status.host ?? '127.0.0.1');
  const [port, setPort] = useState(String(obs.status.port ?? 4455));
  // Only what is typed now; a stored password never comes back to the page.
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = password;
    setPassword('');
    void run(obsConfigureAction, {
      host: host.trim(),
      port: Number(port),
      ...(value !== '' ? { password: value } : {}),
    });
    onDone();
  };
  return (
    <form className="op-obs-form" onSubmit={submit} data-testid="obs-form" autoComplete="off">
      <label>
        Host <input value={host} onChange={(e) => setHost(e.target.value)} name="obs-host" />
      </label>
      <label>
        Port{' '}
        <input
          value={port}
          onChange={(e) => setPort(e.target.value)}
          inputMode="numeric"
          pattern="[0-9]{1,5}"
          name="obs-port"
        />
      </label>
      <label>
        Password{' '}
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          placeholder={
            obs.status.passwordFromEnv
              ? 'from SOLIDARITY_OBS_PASSWORD'
              : obs.status.hasPassword
                ? 'saved (leave empty to keep)'
                : 'none'
          }
          disabled={obs.status.passwordFromEnv}
          name="obs-password"
        />
      </label>
      {obs.status.passwordFromEnv ? (
        <p className="op-warning op-obs-env" data-testid="obs-env-password">
          The password comes from the environment variable <code>SOLIDARITY_OBS_PASSWORD</code>,
          which wins over one typed here. To change it, set the right password in that variable (or
          unset it to type one here) and restart the app.
        </p>
      ) : null}
      <button type="submit" className="op-button op-small">
        Connect
      </button>
    </form>
  );
}

function SetupReport({
  setup,
  drifted,
}: {
  setup: NonNullable<ObsInfo['setup']>;
  /** OBS no longer holds what the setup made: the report is history, not the present. */
  drifted: boolean;
}) {
  if (!setup.ok) return <p className="op-warning">Setup failed: {setup.error}</p>;
  const changed = setup.inputs.filter((i) => i.input !== 'unchanged' || i.item !== 'unchanged');
  return (
    <div className="op-obs-setup" data-testid="obs-setup-report">
      <p className="op-muted">
        {drifted ? 'Last setup: ' : ''}
        {setup.scene === 'created'
          ? 'Created the scene "Solidarity Overlays"'
          : drifted
            ? 'the scene was there'
            : 'Scene ready'}
        {setup.mode
          ? ` (${setup.mode === 'browser' ? 'browser sources' : 'text and image sources'})`
          : ''}
        {changed.length === 0 ? '; nothing needed changing.' : ':'}
      </p>
      {changed.length > 0 ? (
        <ul className="op-list">
          {changed.map((input) => (
            <li key={input.name}>
              {input.name}:{' '}
              {input.input === 'unavailable'
                ? 'not possible in this OBS'
                : input.input === 'unchanged'
                  ? input.item
                  : input.input}
            </li>
          ))}
        </ul>
      ) : null}
      {setup.warnings.map((warning) => (
        <p key={warning} className="op-warning" data-testid="obs-setup-warning">
          {warning}
        </p>
      ))}
      {setup.scenes.length > 0 ? (
        <ul className="op-list">
          {setup.scenes.map((s) => (
            <li key={s.scene}>
              {s.scene}: {s.result.replace('-', ' ')}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const elementLabels: Record<
  NonNullable<ObsInfo['overlay']>['elements'][number]['element'],
  string
> = {
  lowerThird: 'Lower third',
  qr: 'QR code',
  lyrics: 'Lyrics',
  drawing: 'Drawing',
  nowPlaying: 'Now playing',
};

/**
 * The overlay scene as OBS really holds it: a missing scene asks to be set up, every drift
 * says what the stream shows instead, and each element shows OBS's state beside the console's.
 */
function OverlayHealth({
  overlay,
  onRepair,
}: {
  overlay: NonNullable<ObsInfo['overlay']>;
  onRepair: () => void;
}) {
  const repairable = overlay.drift.some((d) => d.repairable);
  return (
    <div className="op-obs-health" data-testid="obs-overlay-health">
      {!overlay.sceneExists ? (
        <div className="op-obs-ask" data-testid="obs-ask-setup">
          <p>
            <strong>OBS has no overlay scene yet.</strong> Nothing the console shows reaches the
            stream until it is set up. Set it up now?
          </p>
          <button
            type="button"
            className="op-button"
            onMouseDown={(e) => e.preventDefault()}
            onClick={onRepair}
          >
            Set up overlays in OBS
          </button>
        </div>
      ) : overlay.drift.length > 0 ? (
        <div className="op-obs-drift" data-testid="obs-drift" role="alert">
          <p>
            <strong>OBS differs from the console:</strong>
          </p>
          <ul className="op-list">
            {overlay.drift.map((d) => (
              <li key={`${d.kind}:${d.source ?? ''}`} data-kind={d.kind}>
                {d.message}
              </li>
            ))}
          </ul>
          {repairable ? (
            <button
              type="button"
              className="op-button"
              onMouseDown={(e) => e.preventDefault()}
              onClick={onRepair}
              data-testid="obs-repair"
            >
              Repair overlays in OBS
            </button>
          ) : null}
        </div>
      ) : (
        <p className="op-muted" data-testid="obs-in-step">
          OBS holds what the console shows.
        </p>
      )}
      {overlay.sceneExists ? (
        <ul className="op-obs-elements" data-testid="obs-elements">
          {overlay.elements.map(({ element, console: wanted, obs }) => {
            const differs = obs !== null && obs !== wanted;
            return (
              <li
                key={element}
                className={differs ? 'is-drift' : undefined}
                data-element={element}
                data-obs={obs === null ? 'none' : obs ? 'shown' : 'hidden'}
              >
                {elementLabels[element]}: {obs === null ? 'no source in OBS' : obs ? 'on' : 'off'}
                {differs ? ` (console: ${wanted ? 'on' : 'off'})` : ''}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

function Outputs({ outputs }: { outputs: NonNullable<ObsInfo['outputs']> }) {
  const { stream, record } = outputs;
  const dropped =
    stream.totalFrames > 0 ? ((stream.droppedFrames / stream.totalFrames) * 100).toFixed(1) : '0.0';
  return (
    <p className="op-obs-outputs" data-testid="obs-outputs">
      <span className={`op-obs-badge${stream.active ? ' is-live' : ''}`}>
        {stream.active ? (stream.reconnecting ? 'RECONNECTING' : 'LIVE') : 'Not live'}
      </span>{' '}
      {stream.active ? (
        <>
          {stream.timecode.replace(/\.\d+$/, '')} · dropped {stream.droppedFrames} ({dropped}%){' '}
        </>
      ) : null}
      <span className={`op-obs-badge${record.active ? ' is-rec' : ''}`}>
        {record.active ? (record.paused ? 'REC paused' : 'REC') : 'Not recording'}
      </span>{' '}
      {record.active ? record.timecode.replace(/\.\d+$/, '') : null}
    </p>
  );
}

/** OBS: connection, "Set up overlays in OBS", scenes, and whether the stream is live. */
export function ObsPanel() {
  const store = useStores().obs;
  const obs = useStore(store, (s) => s.obs);
  const { run } = useRunner();
  const [editing, setEditing] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const switchTo = (scene: string) => void run(obsSwitchSceneAction, scene);
  useSceneKeys(() => store.getState().obs, switchTo);

  if (!obs) {
    return (
      <section className="op-panel op-obs" aria-label="OBS" data-testid="obs-panel">
        <h2 className="op-heading">OBS</h2>
        <p className="op-muted">The core has not said anything about OBS yet.</p>
      </section>
    );
  }
  const { status, scenes } = obs;
  const connected = status.state === 'connected';
  const tone = statusTone(status.state);
  const showForm = editing || status.host === null || status.state === 'auth-failed';
  const programScenes = (scenes?.scenes ?? []).filter((s) => s !== 'Solidarity Overlays');
  return (
    <section className={`op-panel op-obs is-${tone}`} aria-label="OBS" data-testid="obs-panel">
      <div className="op-lyrics-head">
        <h2 className="op-heading">OBS</h2>
        {status.host !== null && !showForm ? (
          <button
            type="button"
            className="op-button op-small"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => setEditing(true)}
          >
            Settings
          </button>
        ) : null}
      </div>
      <p className={`op-obs-status is-${tone}`} role="status" data-testid="obs-status">
        <span className="op-dot" aria-hidden="true" /> <strong>{stateLabels[status.state]}</strong>
        {connected && status.obsVersion
          ? ` · OBS ${status.obsVersion}, obs-websocket ${status.obsWebSocketVersion ?? '?'}`
          : ''}
      </p>
      {!connected ? (
        <p className="op-muted" data-testid="obs-message">
          {status.message}
        </p>
      ) : null}
      {showForm ? <ConnectForm obs={obs} onDone={() => setEditing(false)} /> : null}
      {connected ? (
        <>
          {obs.outputs ? <Outputs outputs={obs.outputs} /> : null}
          <div className="op-obs-setup-row">
            <button
              type="button"
              className="op-button"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => void run(obsSetupAction, { addToScenes: picked })}
              data-testid="obs-setup"
            >
              Set up overlays in OBS
            </button>
            {programScenes.length > 0 ? (
              <fieldset className="op-obs-pick">
                <legend className="op-muted">Also add them to</legend>
                {programScenes.map((scene) => (
                  <label key={scene}>
                    <input
                      type="checkbox"
                      checked={picked.includes(scene)}
                      onChange={(e) =>
                        setPicked((now) =>
                          e.target.checked ? [...now, scene] : now.filter((s) => s !== scene),
                        )
                      }
                    />{' '}
                    {scene}
                  </label>
                ))}
              </fieldset>
            ) : null}
          </div>
          {obs.overlay ? (
            <OverlayHealth
              overlay={obs.overlay}
              onRepair={() => void run(obsSetupAction, { addToScenes: picked })}
            />
          ) : null}
          {obs.setup ? (
            <SetupReport setup={obs.setup} drifted={(obs.overlay?.drift.length ?? 0) > 0} />
          ) : null}
          {scenes ? (
            <>
              <h3 className="op-subheading">
                Scenes{scenes.studioMode ? ' (studio mode: a click sets the preview)' : ''}
              </h3>
              <ol className="op-obs-scenes" data-testid="obs-scenes">
                {scenes.scenes.map((scene, index) => {
                  const program = scene === scenes.program;
                  const preview = scenes.studioMode && scene === scenes.preview;
                  return (
                    <li key={scene}>
                      <button
                        type="button"
                        className={`op-button op-small${program ? ' is-on' : ''}${preview ? ' is-preview' : ''}`}
                        aria-pressed={program}
                        onMouseDown={(e) => e.preventDefault()}
                        onClick={() => switchTo(scene)}
                        data-scene={scene}
                      >
                        {index < 9 ? <kbd>Ctrl+{index + 1}</kbd> : null} {scene}
                        {program ? ' · program' : ''}
                        {preview ? ' · preview' : ''}
                      </button>
                    </li>
                  );
                })}
              </ol>
            </>
          ) : null}
        </>
      ) : null}
      <p className="op-muted op-obs-keys">
        Overlay toggles: the Stream overlay keys (1–4).{' '}
        {obsKeyList.map((entry) => `${entry.label}: Ctrl+1…Ctrl+9.`).join(' ')}
      </p>
    </section>
  );
}
