import { QRCodeSVG } from 'qrcode.react';
import { useStore } from 'zustand';
import { remoteEnableAction, remoteRevokeAction } from '../../../shared/actions';
import { useStores } from '../../stores';
import { ActionButton } from '../../controls/ActionButton';
import { since } from '../../controls/text';
import { useClock } from '../../controls/use-clock';

/** "123 456": six digits read aloud in two groups. */
export function spacedPin(pin: string): string {
  return pin.length === 6 ? `${pin.slice(0, 3)} ${pin.slice(3)}` : pin;
}

/** The phone remote: off by default; on, a QR code and a PIN to pair a phone, and who is paired. */
export function RemotePanel() {
  const remote = useStore(useStores().operator, (s) => s.remote);
  const safeMode = useStore(useStores().show, (s) => s.show?.safeMode ?? false);
  const clockOffsetMs = useStore(useStores().show, (s) => s.clockOffsetMs);
  const locked = remote?.lockedUntil ?? null;
  const now = useClock(1000, locked !== null);
  if (!remote) {
    return (
      <section className="op-panel op-remote" aria-label="Phone remote">
        <h2 className="op-heading">Phone remote</h2>
        <p className="op-muted">The core has not said whether the phone remote is available.</p>
      </section>
    );
  }
  const lockedFor = locked === null ? 0 : Math.ceil((locked - (now + clockOffsetMs)) / 1000);
  return (
    <section
      className={`op-panel op-remote${remote.enabled ? ' is-on' : ''}`}
      aria-label="Phone remote"
      data-testid="remote-panel"
    >
      <div className="op-lyrics-head">
        <h2 className="op-heading">Phone remote</h2>
        <ActionButton
          action={remoteEnableAction}
          param={!remote.enabled}
          label={remote.enabled ? 'Turn off' : 'Turn on'}
          pressed={remote.enabled}
          disabled={!remote.enabled && safeMode}
          className="op-small"
          testId="remote-toggle"
        />
      </div>
      {!remote.enabled && safeMode ? (
        <p className="op-muted">
          Safe mode is on, so the phone remote stays off until you turn safe mode off.
        </p>
      ) : !remote.enabled ? (
        <p className="op-muted">
          Off. Turn it on to drive the show from a phone on the venue network: next, previous,
          lyrics, blackout, safe mode on.
        </p>
      ) : null}
      {remote.error ? <p className="op-warning">{remote.error.message}</p> : null}
      {remote.enabled && remote.url && remote.pin ? (
        <div className="op-pairing">
          <div className="op-qr">
            <QRCodeSVG value={remote.url} size={200} marginSize={2} level="M" />
          </div>
          <div className="op-pairing-text">
            <p className="op-muted">Scan, or open on the phone:</p>
            <p className="op-url" data-testid="remote-url">
              {remote.url}
            </p>
            <p className="op-muted">then enter the PIN</p>
            <p
              className="op-pin"
              data-testid="remote-pin"
              aria-label={`PIN ${remote.pin.split('').join(' ')}`}
            >
              {spacedPin(remote.pin)}
            </p>
          </div>
        </div>
      ) : null}
      {lockedFor > 0 ? (
        <p className="op-warning" data-testid="remote-locked">
          Five wrong PINs: pairing is locked for {lockedFor} s. Someone may be guessing.
        </p>
      ) : null}
      {remote.devices.length > 0 ? (
        <ul className="op-list op-devices" data-testid="remote-devices">
          {remote.devices.map((device) => (
            <li key={device.id}>
              <span className={`op-dot${device.connected ? ' is-ok' : ''}`} aria-hidden="true" />
              <strong>{device.name}</strong>
              <span className="op-muted">
                {device.connected ? 'connected' : 'not connected'} · paired{' '}
                {since(device.pairedAt, now + clockOffsetMs)}
              </span>
              <ActionButton
                action={remoteRevokeAction}
                param={device.id}
                label="Revoke"
                className="op-small op-danger"
                testId={`revoke-${device.id}`}
              />
            </li>
          ))}
        </ul>
      ) : remote.enabled ? (
        <p className="op-muted">No phone paired yet.</p>
      ) : null}
    </section>
  );
}
