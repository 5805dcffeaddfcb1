import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import {
  obsKeyList,
  obsSceneForKey,
  obsSetupAction,
  obsSwitchSceneAction,
} from '../../../../shared/actions';
import type { ObsInfo } from '../../../../shared/protocol';
import { keyBelongsToFocus } from '../use-operator-keys';
import { useStores } from '../../../stores';
import { useRunner } from '../../../controls/run';
import { useLatest } from '../../../controls/use-latest';
import { localize } from '../../../i18n/localize';
import { ConnectForm } from './ConnectForm';
import { OverlayHealth, SetupReport } from './OverlayHealth';
import { VideoOnStream } from './VideoOnStream';
import './obs.css';

/** The connection's state in words: keys in `console`. */
const stateKeys: Record<ObsInfo['status']['state'], string> = {
  disconnected: 'obs.state.disconnected',
  connecting: 'obs.state.connecting',
  connected: 'obs.state.connected',
  'auth-failed': 'obs.state.authFailed',
  error: 'obs.state.error',
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
  const latest = useLatest({ obs, switchTo });
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
  }, [latest]);
}

function Outputs({ outputs }: { outputs: NonNullable<ObsInfo['outputs']> }) {
  const { stream, record } = outputs;
  const { t } = useTranslation('console');
  const dropped = stream.totalFrames > 0 ? stream.droppedFrames / stream.totalFrames : 0;
  return (
    <p className="op-obs-outputs" data-testid="obs-outputs">
      <span className={`op-obs-badge${stream.active ? ' is-live' : ''}`}>
        {t(stream.active ? (stream.reconnecting ? 'obs.reconnecting' : 'obs.live') : 'obs.notLive')}
      </span>{' '}
      {stream.active ? (
        <>
          {stream.timecode.replace(/\.\d+$/, '')} ·{' '}
          {t('obs.dropped', { frames: stream.droppedFrames, share: dropped })}{' '}
        </>
      ) : null}
      <span className={`op-obs-badge${record.active ? ' is-rec' : ''}`}>
        {t(record.active ? (record.paused ? 'obs.recPaused' : 'obs.rec') : 'obs.notRecording')}
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
  const { t } = useTranslation('console');
  const [editing, setEditing] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const switchTo = (scene: string) => void run(obsSwitchSceneAction, scene);
  useSceneKeys(() => store.getState().obs, switchTo);

  if (!obs) {
    return (
      <section className="op-panel op-obs" aria-label={t('obs.heading')} data-testid="obs-panel">
        <h2 className="op-heading">{t('obs.heading')}</h2>
        <p className="op-muted">{t('obs.unknown')}</p>
      </section>
    );
  }
  const { status, scenes } = obs;
  const connected = status.state === 'connected';
  const tone = statusTone(status.state);
  const showForm = editing || status.host === null || status.state === 'auth-failed';
  const programScenes = (scenes?.scenes ?? []).filter((s) => s !== 'Solidarity Overlays');
  return (
    <section
      className={`op-panel op-obs is-${tone}`}
      aria-label={t('obs.heading')}
      data-testid="obs-panel"
    >
      <div className="op-lyrics-head">
        <h2 className="op-heading">{t('obs.heading')}</h2>
        {status.host !== null && !showForm ? (
          <button
            type="button"
            className="op-button op-small"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => setEditing(true)}
          >
            {t('obs.settings')}
          </button>
        ) : null}
      </div>
      <p className={`op-obs-status is-${tone}`} role="status" data-testid="obs-status">
        <span className="op-dot" aria-hidden="true" /> <strong>{t(stateKeys[status.state])}</strong>
        {connected && status.obsVersion
          ? ` · ${t('obs.versions', { obs: status.obsVersion, websocket: status.obsWebSocketVersion ?? '?' })}`
          : ''}
      </p>
      {!connected ? (
        <p className="op-muted" data-testid="obs-message" data-from-core>
          {status.message ? localize(t, status.message) : null}
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
              {t('label.obsSetup', { ns: 'actions' })}
            </button>
            {programScenes.length > 0 ? (
              <fieldset className="op-obs-pick">
                <legend className="op-muted">{t('obs.alsoAddTo')}</legend>
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
                    <span translate="no">{scene}</span>
                  </label>
                ))}
              </fieldset>
            ) : null}
          </div>
          <VideoOnStream video={obs.video} placement={obs.videoPlacement ?? 'own-scene'} />
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
                {t(scenes.studioMode ? 'obs.scenesStudio' : 'obs.scenes')}
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
                        {index < 9 ? <kbd>{`${t('common:keycap.ctrl')}+${index + 1}`}</kbd> : null}{' '}
                        <span translate="no">{scene}</span>
                        {program ? ` · ${t('obs.program')}` : ''}
                        {preview ? ` · ${t('obs.preview')}` : ''}
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
        {t('obs.keysNote')}{' '}
        {obsKeyList
          .map((entry) => t('obs.keysEntry', { label: t(entry.labelKey, { ns: 'actions' }) }))
          .join(' ')}
      </p>
    </section>
  );
}
