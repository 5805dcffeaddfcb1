import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { remoteEnableAction, remoteRevokeAction } from '../../../shared/actions';
import { useStores } from '../../stores';
import { ActionButton } from '../../controls/ActionButton';
import { since } from '../../controls/text';
import { localize } from '../../i18n/localize';
import { useClock } from '../../controls/use-clock';
import { PairingBlock } from './PairingBlock';

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
  const { t, i18n } = useTranslation('console');
  if (!remote) {
    return (
      <section className="op-panel op-remote" aria-label={t('remote.heading')}>
        <h2 className="op-heading">{t('remote.heading')}</h2>
        <p className="op-muted">{t('remote.unknown')}</p>
      </section>
    );
  }
  const lockedFor = locked === null ? 0 : Math.ceil((locked - (now + clockOffsetMs)) / 1000);
  return (
    <section
      className={`op-panel op-remote${remote.enabled ? ' is-on' : ''}`}
      aria-label={t('remote.heading')}
      data-testid="remote-panel"
    >
      <div className="op-lyrics-head">
        <h2 className="op-heading">{t('remote.heading')}</h2>
        <ActionButton
          action={remoteEnableAction}
          param={!remote.enabled}
          label={remote.enabled ? t('remote.turnOff') : t('remote.turnOn')}
          pressed={remote.enabled}
          disabled={!remote.enabled && safeMode}
          className="op-small"
          testId="remote-toggle"
        />
      </div>
      {!remote.enabled && safeMode ? (
        <p className="op-muted">{t('remote.offInSafeMode')}</p>
      ) : !remote.enabled ? (
        <p className="op-muted">{t('remote.off')}</p>
      ) : null}
      {remote.error ? (
        <p className="op-warning" data-from-core>
          {localize(t, remote.error)}
        </p>
      ) : null}
      {remote.enabled && remote.url && remote.pin ? (
        <PairingBlock url={remote.url} qrSize={200} urlTestId="remote-url" howTo={t('remote.scan')}>
          <p className="op-muted">{t('remote.thenPin')}</p>
          <p
            className="op-pin"
            data-testid="remote-pin"
            aria-label={t('remote.pinAria', { digits: remote.pin.split('').join(' ') })}
          >
            {spacedPin(remote.pin)}
          </p>
        </PairingBlock>
      ) : null}
      {lockedFor > 0 ? (
        <p className="op-warning" data-testid="remote-locked">
          {t('remote.locked', { seconds: lockedFor })}
        </p>
      ) : null}
      {remote.devices.length > 0 ? (
        <ul className="op-list op-devices" data-testid="remote-devices">
          {remote.devices.map((device) => (
            <li key={device.id}>
              <span className={`op-dot${device.connected ? ' is-ok' : ''}`} aria-hidden="true" />
              <strong translate="no">{device.name}</strong>
              <span className="op-muted">
                {t(device.connected ? 'remote.connected' : 'remote.notConnected')} ·{' '}
                {t('remote.paired', {
                  since: since(device.pairedAt, now + clockOffsetMs, i18n.language),
                })}
              </span>
              <ActionButton
                action={remoteRevokeAction}
                param={device.id}
                label={t('remote.revoke')}
                className="op-small op-danger"
                testId={`revoke-${device.id}`}
              />
            </li>
          ))}
        </ul>
      ) : remote.enabled ? (
        <p className="op-muted">{t('remote.noPhone')}</p>
      ) : null}
    </section>
  );
}
