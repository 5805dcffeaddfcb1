import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSE_UNAUTHORIZED } from '../../../../shared/protocol';
import { spacedCode } from '../../../controls/screen-code';
import { useStores } from '../../../stores';
import { connect, disconnect } from '../../../transport/socket';
import { DisplayView } from '../DisplayView';
import {
  askForCode,
  nextPollDelayMs,
  pollApproval,
  readScreenToken,
  writeScreenToken,
  type Fetch,
} from './pairing';
import './screen.css';

type Phase =
  | { kind: 'asking' }
  | { kind: 'code'; code: string; secret: string }
  | { kind: 'off' }
  | { kind: 'busy'; retryMs: number }
  | { kind: 'failed' }
  | { kind: 'expired' }
  | { kind: 'removed' }
  | { kind: 'paired'; token: string };

const browserFetch: Fetch = (url, init) => fetch(url, init);

/**
 * `/screen`: a browser on the venue network asks to join the show. It shows a code for the
 * operator to approve, waits, and once approved keeps its own token and becomes a display.
 * A screen the operator removes forgets its token and says so.
 */
export function ScreenView({ fetcher = browserFetch }: { fetcher?: Fetch }) {
  const { t } = useTranslation('screen');
  const stores = useStores();
  const [phase, setPhase] = useState<Phase>(() => {
    const token = readScreenToken();
    return token ? { kind: 'paired', token } : { kind: 'asking' };
  });
  const [attempt, setAttempt] = useState(0);
  const askAgain = useCallback(() => {
    setPhase({ kind: 'asking' });
    setAttempt((n) => n + 1);
  }, []);

  // Ask for a code; while adding screens is off or the core is busy, ask again later.
  useEffect(() => {
    if (phase.kind !== 'asking') return;
    let cancelled = false;
    void askForCode(fetcher).then((outcome) => {
      if (cancelled) return;
      if (outcome.kind === 'code') {
        setPhase({ kind: 'code', code: outcome.code, secret: outcome.secret });
        return;
      }
      setPhase(
        outcome.kind === 'busy'
          ? { kind: 'busy', retryMs: outcome.retryAfterMs }
          : { kind: outcome.kind },
      );
    });
    return () => {
      cancelled = true;
    };
  }, [phase.kind, attempt, fetcher]);

  // Adding screens off, the core busy or out of reach: ask again by itself, later.
  const retryMs =
    phase.kind === 'busy'
      ? phase.retryMs
      : phase.kind === 'off' || phase.kind === 'failed'
        ? 5000
        : null;
  useEffect(() => {
    if (retryMs === null) return;
    const timer = setTimeout(() => setPhase({ kind: 'asking' }), retryMs);
    return () => clearTimeout(timer);
  }, [retryMs, phase]);

  // Poll for the operator's answer, with backoff.
  const secret = phase.kind === 'code' ? phase.secret : null;
  useEffect(() => {
    if (!secret) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polls = 0;
    let failures = 0;
    const poll = async () => {
      const outcome = await pollApproval(fetcher, secret);
      if (cancelled) return;
      if (outcome.kind === 'approved') {
        writeScreenToken(outcome.token);
        setPhase({ kind: 'paired', token: outcome.token });
        return;
      }
      if (outcome.kind === 'gone') {
        setPhase({ kind: 'expired' });
        return;
      }
      polls += 1;
      failures = outcome.kind === 'failed' ? failures + 1 : 0;
      timer = setTimeout(() => void poll(), nextPollDelayMs(polls, failures));
    };
    timer = setTimeout(() => void poll(), nextPollDelayMs(0, 0));
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [secret, fetcher]);

  // Paired: connect as this screen; a refused token means the operator removed it.
  const token = phase.kind === 'paired' ? phase.token : null;
  const connected = useRef<string | null>(null);
  useEffect(() => {
    if (!token || connected.current === token) return;
    // A refusal left from an earlier pairing is not about this token.
    stores.connection.setState({ lastCloseCode: null, lastCloseReason: null });
    connected.current = token;
    connect('display', {
      protocol: location.protocol,
      host: location.host,
      search: `?token=${encodeURIComponent(token)}`,
    });
  }, [token, stores]);
  useEffect(() => {
    if (!token) return;
    let removed = false;
    const unsubscribe = stores.connection.subscribe((state) => {
      if (removed || state.lastCloseCode !== CLOSE_UNAUTHORIZED) return;
      // Once: stopping the socket changes this store again, from inside this very call.
      removed = true;
      unsubscribe();
      writeScreenToken(null);
      connected.current = null;
      setPhase({ kind: 'removed' });
      disconnect();
    });
    return () => {
      removed = true;
      unsubscribe();
    };
  }, [token, stores]);

  if (phase.kind === 'paired') return <DisplayView search="" offlineMark={false} />;
  return (
    <main className="screen-pairing" data-testid="screen-pairing" data-phase={phase.kind}>
      <h1 className="screen-title">{t('title')}</h1>
      {phase.kind === 'code' ? (
        <>
          <p className="screen-say">{t('tellOperator')}</p>
          <p
            className="screen-code"
            data-testid="screen-code"
            translate="no"
            aria-label={t('codeAria', { letters: phase.code.split('').join(' ') })}
          >
            {spacedCode(phase.code)}
          </p>
          <p className="screen-hint">{t('waiting')}</p>
        </>
      ) : phase.kind === 'asking' ? (
        <p className="screen-say">{t('asking')}</p>
      ) : (
        <>
          <p className="screen-say" data-testid="screen-message" role="status">
            {t(`message.${phase.kind}`)}
          </p>
          {phase.kind === 'expired' || phase.kind === 'removed' ? (
            <button type="button" className="screen-again" onClick={askAgain}>
              {t('askAgain')}
            </button>
          ) : (
            <p className="screen-hint">{t('tryingAgain')}</p>
          )}
        </>
      )}
    </main>
  );
}
