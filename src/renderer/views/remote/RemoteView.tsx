import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
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
import { CLOSE_REMOTE_OFF, type ShowState } from '../../../shared/protocol';
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
import './remote.css';

export type PairFunction = (pin: string, name: string) => Promise<PairResult>;

/** Only whole six-digit PINs go to the core: every wrong try counts toward the lockout. */
export function cleanPin(input: string): string {
  return input.replace(/\D/g, '').slice(0, 6);
}

function PairingScreen({ pair, store }: { pair: PairFunction; store: RemoteStore }) {
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
      setError('The PIN has six digits: the big number on the operator’s screen.');
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
    setError(result.message);
  };

  return (
    <main className="remote remote-pairing">
      <h1>Pair this phone</h1>
      {message ? (
        <p className="remote-message" role="status" data-testid="remote-message">
          {message}
        </p>
      ) : null}
      <p className="remote-muted">
        Enter the six-digit PIN shown on the operator’s console, under “Phone remote”.
      </p>
      <form onSubmit={(event) => void submit(event)} className="remote-form" noValidate>
        <label className="remote-field">
          <span>PIN</span>
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
            Name of this phone <span className="remote-muted">(optional)</span>
          </span>
          <input
            name="device-name"
            autoComplete="off"
            maxLength={40}
            placeholder="e.g. Masha’s phone"
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
            Locked: try again in {lockedFor} s.
          </p>
        ) : null}
        <button
          type="submit"
          className="remote-button remote-primary"
          disabled={busy || lockedFor > 0}
        >
          {busy ? 'Pairing…' : 'Pair'}
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
  const { t } = useTranslation('remote');
  if (!snapshot || !show) {
    return (
      <p className="remote-onair remote-muted" role="status">
        {status === 'open' ? 'Waiting for the show…' : 'Connecting to the show computer…'}
      </p>
    );
  }
  const lang = consoleLanguage(snapshot);
  const item = itemById(snapshot, show.itemId);
  const title = itemTitle(item, lang, t);
  const song = lyricsOnAir(show) ? cursorSong({ show, content: snapshot }) : undefined;
  const line = song && show.lyrics ? originalLines(song)[show.lyrics.line] : undefined;
  return (
    <div className="remote-onair" data-testid="remote-on-air">
      <span className="remote-label">On air</span>
      <strong data-testid="remote-on-air-title">{title}</strong>
      {line ? <span className="remote-line">“{line}”</span> : null}
      <span className="remote-flags">
        {show.blackout ? <span className="remote-flag is-blackout">Blackout</span> : null}
        {show.safeMode ? <span className="remote-flag is-safe">Safe mode</span> : null}
        {show.paused ? <span className="remote-flag">Paused</span> : null}
        {status !== 'open' ? <span className="remote-flag">Reconnecting…</span> : null}
      </span>
    </div>
  );
}

/**
 * Why the phone is not connected, when the core said. Only a close for "the remote is off"
 * (by the operator, or safe mode) promises that turning it back on brings the phone back;
 * any other reason is said as it is.
 */
function ConnectionNote() {
  const { connection } = useStores();
  const status = useStore(connection, (s) => s.status);
  const reason = useStore(connection, (s) => s.lastCloseReason);
  const code = useStore(connection, (s) => s.lastCloseCode);
  if (status === 'open' || status === 'idle') return null;
  let text = 'Connecting to the show computer…';
  if (reason && code === CLOSE_REMOTE_OFF) {
    text = `Not connected: ${reason}. This phone stays paired and reconnects by itself once the operator turns the phone remote back on.`;
  } else if (reason) {
    text = `Not connected: ${reason}. Reconnecting…`;
  }
  return (
    <p className="remote-message" role="status" data-testid="remote-connection">
      {text}
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
  const show = useStore(useStores().show, (s) => s.show);
  return (
    <main className="remote remote-controls">
      <ConnectionNote />
      <OnAir />
      {phoneLayout.map((section) => (
        <PhoneButtons key={section.id} section={section} show={show} />
      ))}
      <button type="button" className="remote-unpair" onClick={onUnpair}>
        Unpair this phone
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
          remoteForget(
            'This phone forgot its pairing. The operator can revoke it on the console.',
            store,
          );
        }}
      />
    </RunnerProvider>
  );
}
