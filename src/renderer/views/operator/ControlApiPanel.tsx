import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONTROL_TOKEN_NAME_MAX,
  controlPaths,
  type ControlTokenInfo,
} from '../../../shared/protocol/control-api';
import type { LocalizedText } from '../../../shared/protocol';
import { localize } from '../../i18n/localize';
import { socketTarget } from '../../transport/socket';
import { createControlTokensApi, type ControlTokensApi } from '../../transport/control-tokens-api';
import './control-api-panel.css';

/** The control-token routes' client; tests give a fake. */
export const ControlTokensApiContext = createContext<ControlTokensApi | null>(null);

function useControlTokensApi(): ControlTokensApi | null {
  const given = useContext(ControlTokensApiContext);
  return useMemo(() => {
    if (given) return given;
    const token = socketTarget(window.location, 'operator')?.token;
    return token ? createControlTokensApi(token) : null;
  }, [given]);
}

/** The line a controller's author can paste into a terminal to try the token. */
export function curlLine(origin: string, token: string): string {
  return (
    `curl -X POST -H "Authorization: Bearer ${token}" -H "Content-Type: application/json" ` +
    `-d '{"command":"next"}' ${origin}${controlPaths.commands}`
  );
}

/**
 * The console's Control API panel (issue 16 §4): the named tokens Companion and other
 * controllers use, each made here (shown once), listed with when it was last used, and revoked.
 */
export function ControlApiPanel() {
  const api = useControlTokensApi();
  const { t, i18n } = useTranslation('console');
  const [tokens, setTokens] = useState<ControlTokenInfo[] | null>(null);
  const [error, setError] = useState<LocalizedText | string | null>(null);
  const [name, setName] = useState('');
  const [made, setMade] = useState<{ name: string; token: string } | null>(null);
  const [copied, setCopied] = useState<'token' | 'curl' | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    if (!api) return;
    const answer = await api.list();
    if (answer.ok) setTokens(answer.value);
    else setError(answer.error);
  }, [api]);
  useEffect(() => {
    if (!api) return;
    let current = true;
    void api.list().then((answer) => {
      if (!current) return;
      if (answer.ok) setTokens(answer.value);
      else setError(answer.error);
    });
    return () => {
      current = false;
    };
  }, [api]);

  const when = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
    [i18n.language],
  );

  if (!api) {
    return (
      <section className="op-panel op-control-api" aria-label={t('controlApi.heading')}>
        <h2 className="op-heading">{t('controlApi.heading')}</h2>
        <p className="op-muted">{t('controlApi.noOperatorToken')}</p>
      </section>
    );
  }

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = name.trim();
    if (!wanted || busy) return;
    setBusy(true);
    setError(null);
    setCopied(null);
    const answer = await api.create(wanted);
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setMade({ name: answer.value.info.name, token: answer.value.token });
    setName('');
    await reload();
  };

  const revoke = async (token: ControlTokenInfo) => {
    if (!window.confirm(t('controlApi.revokeConfirm', { name: token.name }))) return;
    setError(null);
    const answer = await api.revoke(token.id);
    if (!answer.ok) setError(answer.error);
    await reload();
  };

  const copy = async (what: 'token' | 'curl', text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
    } catch {
      // No clipboard (an insecure origin): the text is on screen, selectable.
      setCopied(null);
    }
  };

  const curl = made ? curlLine(window.location.origin, made.token) : '';
  return (
    <section
      className="op-panel op-control-api"
      aria-label={t('controlApi.heading')}
      data-testid="control-api-panel"
    >
      <h2 className="op-heading">{t('controlApi.heading')}</h2>
      <p className="op-muted">{t('controlApi.intro')}</p>
      <form className="op-control-api-create" onSubmit={(event) => void create(event)}>
        <label>
          <span>{t('controlApi.nameLabel')}</span>
          <input
            value={name}
            maxLength={CONTROL_TOKEN_NAME_MAX}
            placeholder={t('controlApi.namePlaceholder')}
            onChange={(event) => setName(event.target.value)}
            data-testid="control-token-name"
          />
        </label>
        <button
          type="submit"
          className="op-button op-small op-primary"
          disabled={busy || name.trim() === ''}
          data-testid="control-token-create"
        >
          {t('controlApi.create')}
        </button>
      </form>
      {error !== null ? (
        <p className="op-warning" role="alert" data-from-core>
          {typeof error === 'string' ? error : localize(t, error)}
        </p>
      ) : null}
      {made ? (
        <div className="op-control-api-made" data-testid="control-token-made">
          <p className="op-warning">{t('controlApi.shownOnce', { name: made.name })}</p>
          <div className="op-control-api-secret">
            <code translate="no" data-testid="control-token-value">
              {made.token}
            </code>
            <button
              type="button"
              className="op-button op-small"
              onClick={() => void copy('token', made.token)}
            >
              {copied === 'token' ? t('controlApi.copied') : t('controlApi.copyToken')}
            </button>
          </div>
          <p className="op-muted">{t('controlApi.tryIt')}</p>
          <div className="op-control-api-secret">
            <code translate="no" data-testid="control-token-curl">
              {curl}
            </code>
            <button
              type="button"
              className="op-button op-small"
              onClick={() => void copy('curl', curl)}
            >
              {copied === 'curl' ? t('controlApi.copied') : t('controlApi.copyCurl')}
            </button>
          </div>
          <button
            type="button"
            className="op-button op-small"
            onClick={() => {
              setMade(null);
              setCopied(null);
            }}
            data-testid="control-token-done"
          >
            {t('controlApi.done')}
          </button>
        </div>
      ) : null}
      {tokens === null ? null : tokens.length === 0 ? (
        <p className="op-muted">{t('controlApi.none')}</p>
      ) : (
        <ul className="op-list op-devices" data-testid="control-tokens">
          {tokens.map((token) => (
            <li key={token.id} data-testid={`control-token-${token.id}`}>
              <strong translate="no">{token.name}</strong>
              <span className="op-muted">
                {t('controlApi.created', { when: when.format(token.createdAt) })} ·{' '}
                {token.lastUsedAt === null
                  ? t('controlApi.neverUsed')
                  : t('controlApi.lastUsed', { when: when.format(token.lastUsedAt) })}
              </span>
              <button
                type="button"
                className="op-button op-small op-danger"
                onClick={() => void revoke(token)}
                aria-label={t('controlApi.revokeAria', { name: token.name })}
              >
                {t('controlApi.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
