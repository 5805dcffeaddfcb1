import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import {
  MAIN_PLAYLIST,
  outputOrientations,
  outputThemes,
  type Command,
  type OutputChanges,
  type ScreensStatus,
} from '../../../shared/protocol';
import { useStores } from '../../stores';
import { useRunner } from '../../controls/run';
import { consoleLanguage, itemTitle } from '../../controls/text';
import { localize } from '../../i18n/localize';
import { spacedCode } from '../../controls/screen-code';
import { ScreenThumbnail } from './ScreenThumbnail';
import { PairingBlock } from './PairingBlock';
import './screens-panel.css';

type Output = ScreensStatus['outputs'][number];

/** Sends a screen command; the core's "no" shows in the panel, in the reader's language. */
function useScreenCommand() {
  const { send } = useRunner();
  const { t } = useTranslation('console');
  const [refusal, setRefusal] = useState<string | null>(null);
  const run = async (command: Command): Promise<boolean> => {
    const result = await send(command);
    setRefusal(result.ok ? null : localize(t, result.error));
    return result.ok;
  };
  return { run, refusal };
}

/**
 * Screens on the venue network: "Add a screen" (off by default; safe mode turns it off), the
 * codes of screens asking to join, and each paired screen's job.
 */
export function ScreensPanel() {
  const stores = useStores();
  const screens = useStore(stores.operator, (s) => s.screens);
  const safeMode = useStore(stores.show, (s) => s.show?.safeMode ?? false);
  const { t } = useTranslation('console');
  const { run, refusal } = useScreenCommand();
  if (!screens) return null;
  return (
    <section
      className={`op-panel op-screens${screens.pairing ? ' is-on' : ''}`}
      aria-label={t('screens.heading')}
      data-testid="screens-panel"
    >
      <div className="op-lyrics-head">
        <h2 className="op-heading">{t('screens.heading')}</h2>
        <button
          type="button"
          className="op-small"
          aria-pressed={screens.pairing}
          disabled={!screens.pairing && safeMode}
          data-testid="screens-pairing-toggle"
          onClick={() => void run({ name: 'screenPairing', on: !screens.pairing })}
        >
          {screens.pairing ? t('screens.stopAdding') : t('screens.add')}
        </button>
      </div>
      {!screens.pairing ? (
        <p className="op-muted">{t(safeMode ? 'screens.offInSafeMode' : 'screens.off')}</p>
      ) : null}
      {screens.pairing && screens.url ? (
        <PairingBlock
          url={screens.url}
          qrSize={160}
          urlTestId="screens-url"
          howTo={t('screens.open')}
        >
          <p className="op-muted">{t('screens.thenCode')}</p>
        </PairingBlock>
      ) : null}
      {screens.pairing && !screens.url ? (
        // The LAN listener opens with "Add a screen"; without a LAN address only this machine can ask.
        <p className="op-warning" data-testid="screens-no-address">
          {t('screens.noAddress')}
        </p>
      ) : null}
      {screens.pairing ? <ApproveForm screens={screens} run={run} /> : null}
      {refusal ? (
        <p className="op-warning" role="alert" data-testid="screens-refusal" data-from-core>
          {refusal}
        </p>
      ) : null}
      {screens.outputs.length > 0 ? (
        <ul className="op-list op-screen-outputs" data-testid="screens-outputs">
          {screens.outputs.map((output) => (
            <OutputRow key={output.id} output={output} run={run} />
          ))}
        </ul>
      ) : (
        <p className="op-muted">{t('screens.none')}</p>
      )}
      {screens.outputs.length > 0 ? (
        <p className="op-muted" data-testid="screens-playlist-note">
          {t('screens.jobApplies')}
        </p>
      ) : null}
    </section>
  );
}

type Run = (command: Command) => Promise<boolean>;

/**
 * The operator types the code the screen shows, with a name. The waiting list only helps:
 * anyone on the venue network can ask, so approve the code read off your own screen.
 */
function ApproveForm({ screens, run }: { screens: ScreensStatus; run: Run }) {
  const { t } = useTranslation('console');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await run({
      name: 'screenApprove',
      code: code.trim().toUpperCase(),
      screenName: name.trim(),
    });
    if (ok) {
      setCode('');
      setName('');
    }
  };
  return (
    <>
      <form className="op-screen-approve" onSubmit={(event) => void submit(event)}>
        <label>
          {t('screens.code')}
          <input
            value={code}
            onChange={(event) => setCode(event.target.value)}
            maxLength={8}
            autoComplete="off"
            spellCheck={false}
            required
            data-testid="screens-code-input"
          />
        </label>
        <label>
          {t('screens.name')}
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={40}
            placeholder={t('screens.namePlaceholder')}
            required
            data-testid="screens-name-input"
          />
        </label>
        <button type="submit" className="op-small" data-testid="screens-approve">
          {t('screens.approve')}
        </button>
      </form>
      {screens.pending.length > 0 ? (
        <>
          <p className="op-muted">
            {t('screens.waiting', { count: screens.pending.length })}
            {screens.pending.length > 1 ? ` ${t('screens.manyWaiting')}` : ''}
          </p>
          <ul className="op-list op-screen-pending" data-testid="screens-pending">
            {screens.pending.map((pending) => (
              <li key={pending.code}>
                <strong translate="no">{spacedCode(pending.code)}</strong>
                <span className="op-muted">{pending.agent}</span>
                <button type="button" className="op-small" onClick={() => setCode(pending.code)}>
                  {t('screens.useCode')}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="op-muted">{t('screens.noneWaiting')}</p>
      )}
    </>
  );
}

function OutputRow({ output, run }: { output: Output; run: Run }) {
  const stores = useStores();
  const snapshot = useStore(stores.content, (s) => s.snapshot);
  const { t, i18n } = useTranslation('console');
  const configure = (changes: OutputChanges) =>
    void run({ name: 'outputConfigure', outputId: output.id, changes });
  const language = consoleLanguage(snapshot, i18n.language);
  const playlists = (snapshot?.items ?? []).filter((item) => item.kind === 'playlist');
  const packLanguages = snapshot?.pack.languages ?? [];
  const revoke = () => {
    if (window.confirm(t('screens.revokeConfirm', { name: output.name }))) {
      void run({ name: 'screenRevoke', outputId: output.id });
    }
  };
  return (
    <li className="op-screen-output" data-testid={`screen-output-${output.id}`}>
      <ScreenThumbnail output={output} />
      <div className="op-screen-output-head">
        <span className={`op-dot${output.online ? ' is-ok' : ''}`} aria-hidden="true" />
        <strong translate="no">{output.name}</strong>
        <span className="op-muted" data-testid="screen-online">
          {t(output.online ? 'screens.online' : 'screens.offline')}
        </span>
        <button
          type="button"
          className="op-small op-danger"
          onClick={revoke}
          data-testid={`screens-revoke-${output.id}`}
        >
          {t('screens.revoke')}
        </button>
      </div>
      <div className="op-screen-job">
        <label>
          {t('screens.playlist')}
          <select
            value={output.playlist}
            onChange={(event) => configure({ playlist: event.target.value })}
          >
            <option value={MAIN_PLAYLIST}>{t('screens.mainShow')}</option>
            {playlists.map((item) => (
              <option key={item.id} value={item.id}>
                {itemTitle(item, language, t)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('screens.language')}
          <select
            value={output.languages[0] ?? ''}
            onChange={(event) =>
              configure({ languages: event.target.value ? [event.target.value] : [] })
            }
          >
            <option value="">{t('screens.packLanguage')}</option>
            {packLanguages.map((code) => (
              <option key={code} value={code}>
                {code.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('screens.orientation')}
          <select
            value={output.orientation}
            onChange={(event) =>
              configure({ orientation: event.target.value as Output['orientation'] })
            }
          >
            {outputOrientations.map((value) => (
              <option key={value} value={value}>
                {t(`screens.orientations.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('screens.theme')}
          <select
            value={output.theme}
            onChange={(event) => configure({ theme: event.target.value as Output['theme'] })}
          >
            {outputThemes.map((value) => (
              <option key={value} value={value}>
                {t(`screens.themes.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="op-check">
          <input
            type="checkbox"
            checked={output.followLyrics}
            onChange={(event) => configure({ followLyrics: event.target.checked })}
          />
          {t('screens.followLyrics')}
        </label>
      </div>
    </li>
  );
}
