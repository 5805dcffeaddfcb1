import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useStore } from 'zustand';
import {
  actionNamed,
  cursorSong,
  itemById,
  lyricsOnAir,
  phoneLayout,
  type PhoneSection,
} from '../../../shared/actions';
import { originalLines } from '../../../shared/lyrics';
import {
  CLOSE_FORBIDDEN_ORIGIN,
  CLOSE_REMOTE_OFF,
  CLOSE_UNAUTHORIZED,
  type ShowState,
} from '../../../shared/protocol';
import { useStores } from '../../stores';
import {
  remoteForget,
  remoteLocked,
  remotePaired,
  requestPairing,
  type PairResult,
  type RemoteStore,
} from '../../stores/remote';
import { connect, disconnect, sendCommand } from '../../transport/socket';
import { ActionButton } from '../../controls/ActionButton';
import { RefusalToast } from '../../controls/RefusalToast';
import { RunnerProvider, type SendCommand } from '../../controls/run';
import { say } from '../../controls/say';
import { consoleLanguage, itemTitle } from '../../controls/text';
import { useClock } from '../../controls/use-clock';
import { LanguageMenu } from '../../controls/LanguageMenu';
import { localize } from '../../i18n/localize';
import { RemoteVideo } from './RemoteVideo';
import { ClockPrompt } from './ClockPrompt';
import './remote.css';

export type PairFunction = (pin: string, name: string) => Promise<PairResult>;

/** Only whole six-digit PINs go to the core: every wrong try counts toward the lockout. */
export function cleanPin(input: string): string {
  return input.replace(/\D/g, '').slice(0, 6);
}

/** Why pairing failed, in the phone's language: by the reason, not the store's English. */
export function pairFailure(t: TFunction, result: Extract<PairResult, { ok: false }>): string {
  switch (result.reason) {
    case 'wrong-pin':
      return t('pairResult.wrongPin');
    case 'locked':
      return t('pairResult.locked', { seconds: result.retryAfterSeconds ?? 60 });
    case 'off':
      return t('pairResult.off');
    case 'network':
      return t('pairResult.network');
    case 'other':
      // The core's own words (or the HTTP status): nothing to translate them from.
      return t('pairResult.other', { detail: result.message });
  }
}

/**
 * Why the phone is not connected, by the close code the core sent (its reason is English
 * and varies). Only "the remote is off" promises that turning it back on brings the phone
 * back; a code this page does not know is said with the core's reason as it is.
 */
export function connectionText(t: TFunction, code: number | null, reason: string | null): string {
  if (!reason) return t('onAir.connecting');
  if (code === CLOSE_REMOTE_OFF) return t('connection.remoteOff');
  if (code === CLOSE_UNAUTHORIZED || code === CLOSE_FORBIDDEN_ORIGIN) {
    return t('connection.refused');
  }
  // 1001, "going away": the server is stopping (a restart, the app quitting).
  if (code === 1001) return t('connection.stopping');
  return t('connection.other', { reason });
}

/** The language menu, on every screen of the phone: remembered on this device. */
function PhoneLanguage() {
  return <LanguageMenu className="language-menu remote-language" />;
}

function PairingScreen({ pair, store }: { pair: PairFunction; store: RemoteStore }) {
  const { t } = useTranslation('remote');
  const message = useStore(store, (s) => s.message);
  const lockedUntil = useStore(store, (s) => s.lockedUntil);
  const now = useClock(1000, lockedUntil !== null);
  const [pin, setPin] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const lockedFor = lockedUntil === null ? 0 : Math.ceil((lockedUntil - now) / 1000);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pin.length !== 6) {
      setError(t('pairing.pinLength'));
      return;
    }
    setBusy(true);
    setError(null);
    const result = await pair(pin, name);
    setBusy(false);
    if (result.ok) {
      remotePaired(result.token, store);
      return;
    }
    setPin('');
    if (result.reason === 'locked') {
      remoteLocked(Date.now() + (result.retryAfterSeconds ?? 60) * 1000, store);
    }
    setError(pairFailure(t, result));
  };

  return (
    <main className="remote remote-pairing">
      <PhoneLanguage />
      <h1>{t('pairing.title')}</h1>
      {message ? (
        <p className="remote-message" role="status" data-testid="remote-message">
          {localize(t, message)}
        </p>
      ) : null}
      <p className="remote-muted">{t('pairing.intro')}</p>
      <form onSubmit={(event) => void submit(event)} className="remote-form" noValidate>
        <label className="remote-field">
          <span>{t('pairing.pin')}</span>
          <input
            className="remote-pin-input"
            name="pin"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            placeholder="••••••"
            value={pin}
            onChange={(event) => setPin(cleanPin(event.target.value))}
            aria-describedby={error ? 'remote-error' : undefined}
            autoFocus
          />
        </label>
        <label className="remote-field">
          <span>
            {t('pairing.name')} <span className="remote-muted">{t('pairing.optional')}</span>
          </span>
          <input
            name="device-name"
            autoComplete="off"
            maxLength={40}
            placeholder={t('pairing.namePlaceholder')}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        {error ? (
          <p className="remote-error" id="remote-error" role="alert" data-testid="pair-error">
            {error}
          </p>
        ) : null}
        {lockedFor > 0 ? (
          <p className="remote-error" data-testid="pair-locked">
            {t('pairing.lockedFor', { seconds: lockedFor })}
          </p>
        ) : null}
        <button
          type="submit"
          className="remote-button remote-primary"
          disabled={busy || lockedFor > 0}
        >
          {busy ? t('pairing.busy') : t('pairing.pair')}
        </button>
      </form>
    </main>
  );
}

function OnAir() {
  const stores = useStores();
  const snapshot = useStore(stores.content, (s) => s.snapshot);
  const show = useStore(stores.show, (s) => s.show);
  const status = useStore(stores.connection, (s) => s.status);
  const { t, i18n } = useTranslation('remote');
  if (!snapshot || !show) {
    return (
      <p className="remote-onair remote-muted" role="status">
        {status === 'open' ? t('onAir.waiting') : t('onAir.connecting')}
      </p>
    );
  }
  const lang = consoleLanguage(snapshot, i18n.language);
  const item = itemById(snapshot, show.itemId);
  const title = itemTitle(item, lang, t);
  const song = lyricsOnAir(show) ? cursorSong({ show, content: snapshot }) : undefined;
  const line = song && show.lyrics ? originalLines(song)[show.lyrics.line] : undefined;
  return (
    <div className="remote-onair" data-testid="remote-on-air">
      <span className="remote-label">{t('onAir.label')}</span>
      <strong data-testid="remote-on-air-title">{title}</strong>
      {line ? <span className="remote-line">“{line}”</span> : null}
      <span className="remote-flags">
        {show.blackout ? (
          <span className="remote-flag is-blackout">{t('onAir.blackout')}</span>
        ) : null}
        {show.safeMode ? <span className="remote-flag is-safe">{t('onAir.safeMode')}</span> : null}
        {show.paused ? <span className="remote-flag">{t('onAir.paused')}</span> : null}
        {status !== 'open' ? <span className="remote-flag">{t('onAir.reconnecting')}</span> : null}
      </span>
    </div>
  );
}

/** Why the phone is not connected, when the core said (see `connectionText`). */
function ConnectionNote() {
  const { t } = useTranslation('remote');
  const { connection } = useStores();
  const status = useStore(connection, (s) => s.status);
  const reason = useStore(connection, (s) => s.lastCloseReason);
  const code = useStore(connection, (s) => s.lastCloseCode);
  if (status === 'open' || status === 'idle') return null;
  return (
    <p className="remote-message" role="status" data-testid="remote-connection">
      {connectionText(t, code, reason)}
    </p>
  );
}

/** One group of the phone's buttons, as `phoneLayout` lists them. */
function PhoneButtons({ section, show }: { section: PhoneSection; show: ShowState | null }) {
  const { t } = useTranslation('actions');
  if (section.when && !section.when(show)) return null;
  return (
    <>
      {section.titleKey ? <h2 className="remote-label">{t(section.titleKey)}</h2> : null}
      <div className="remote-grid">
        {section.buttons.map((button) => {
          const tone = button.tone?.(show);
          return (
            <ActionButton
              key={button.action}
              action={actionNamed(button.action)}
              param={undefined}
              label={say(t, button.label(show))}
              pressed={button.pressed?.(show)}
              showKeys={false}
              className={tone ? `remote-button remote-${tone}` : 'remote-button'}
              testId={button.id ? `remote-${button.id}` : undefined}
            />
          );
        })}
      </div>
      {section.note ? (
        <p className="remote-muted remote-note">{say(t, section.note(show))}</p>
      ) : null}
    </>
  );
}

function Controls({ onUnpair }: { onUnpair: () => void }) {
  const { t } = useTranslation('remote');
  const show = useStore(useStores().show, (s) => s.show);
  return (
    <main className="remote remote-controls">
      <PhoneLanguage />
      <ClockPrompt />
      <ConnectionNote />
      <OnAir />
      <RemoteVideo />
      {phoneLayout.map((section) => (
        <PhoneButtons key={section.id} section={section} show={show} />
      ))}
      <button type="button" className="remote-unpair" onClick={onUnpair}>
        {t('unpair')}
      </button>
      <RefusalToast />
    </main>
  );
}

export interface RemoteViewProps {
  pair?: PairFunction;
  send?: SendCommand;
  /** Open and close the page's socket; tests pass fakes. */
  socket?: { connect: () => void; disconnect: () => void };
}

const pageSocket = {
  connect: () => void connect('remote'),
  disconnect: () => disconnect(),
};

/** `/remote`: a phone on the venue network. Pairs with a PIN, then drives the show. */
export function RemoteView({
  pair = requestPairing,
  send = sendCommand,
  socket = pageSocket,
}: RemoteViewProps) {
  const { t } = useTranslation('remote');
  const store = useStores().remote;
  const token = useStore(store, (s) => s.token);
  useEffect(() => {
    // Paired: connect (a no-op when the page already did with the stored token). Unpaired or
    // revoked: stop the socket, or it would keep retrying a token the core refuses.
    if (token) socket.connect();
    else socket.disconnect();
  }, [token, socket]);
  if (!token) return <PairingScreen pair={pair} store={store} />;
  return (
    <RunnerProvider send={send}>
      <Controls
        onUnpair={() => {
          socket.disconnect();
          remoteForget({ message: t('notice.forgotten'), key: 'remote:notice.forgotten' }, store);
        }}
      />
    </RunnerProvider>
  );
}
