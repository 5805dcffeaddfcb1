import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { obsConfigureAction } from '../../../../shared/actions/obs';
import type { ObsInfo } from '../../../../shared/protocol';
import { useRunner } from '../../../controls/run';

/** Where OBS is and its password; the password goes to the core and never comes back. */
export function ConnectForm({ obs, onDone }: { obs: ObsInfo; onDone: () => void }) {
  const { run } = useRunner();
  const { t } = useTranslation('console');
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
        {t('obs.host')}{' '}
        <input value={host} onChange={(e) => setHost(e.target.value)} name="obs-host" />
      </label>
      <label>
        {t('obs.port')}{' '}
        <input
          value={port}
          onChange={(e) => setPort(e.target.value)}
          inputMode="numeric"
          pattern="[0-9]{1,5}"
          name="obs-port"
        />
      </label>
      <label>
        {t('obs.password')}{' '}
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          placeholder={
            obs.status.passwordFromEnv
              ? t('obs.passwordFromEnv', { variable: 'SOLIDARITY_OBS_PASSWORD' })
              : obs.status.hasPassword
                ? t('obs.passwordSaved')
                : t('obs.passwordNone')
          }
          disabled={obs.status.passwordFromEnv}
          name="obs-password"
        />
      </label>
      {obs.status.passwordFromEnv ? (
        <p className="op-warning op-obs-env" data-testid="obs-env-password">
          {t('obs.envPassword', { variable: 'SOLIDARITY_OBS_PASSWORD' })}
        </p>
      ) : null}
      <button type="submit" className="op-button op-small">
        {t('obs.connect')}
      </button>
    </form>
  );
}
