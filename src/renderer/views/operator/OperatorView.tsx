import { useState } from 'react';
import { useStore } from 'zustand';
import { pickText } from '../../../shared/content';
import { useStores } from '../../stores';
import { sendCommand } from '../../transport/socket';
import { LyricsPanel } from './LyricsPanel';
import { ObsPanel } from './obs/ObsPanel';
import { OnAirPanel } from './OnAirPanel';
import { OutputsPanel } from './OutputsPanel';
import { PlaylistStrip } from './PlaylistStrip';
import { ProblemsPanel } from './ProblemsPanel';
import { RefusalToast } from '../../controls/RefusalToast';
import { RemotePanel } from './RemotePanel';
import { RunnerProvider, type SendCommand } from '../../controls/run';
import { SetlistPanel } from './SetlistPanel';
import { StaleFactsBanner } from './StaleFactsBanner';
import { ShortcutSheet } from './ShortcutSheet';
import { ShowControls } from './ShowControls';
import { useOperatorKeys } from './use-operator-keys';
// The previews are the slides the screens show, with the slides' own styles.
import '../../slides/styles/index.css';
import './operator.css';

function ConnectionBadge() {
  const { connection } = useStores();
  const status = useStore(connection, (s) => s.status);
  const problem = useStore(connection, (s) => s.lastCloseReason);
  const text =
    status === 'open'
      ? 'Connected'
      : status === 'reconnecting'
        ? `Reconnecting…${problem ? ` (${problem})` : ''}`
        : status === 'connecting'
          ? 'Connecting…'
          : (problem ?? 'Not connected');
  return (
    <span className={`op-connection is-${status}`} role="status" data-testid="connection">
      <span className="op-dot" aria-hidden="true" /> {text}
    </span>
  );
}

function Console() {
  const stores = useStores();
  const title = useStore(stores.content, (s) =>
    s.snapshot ? pickText(s.snapshot.pack.title, s.snapshot.pack.defaultLanguage) : undefined,
  );
  const songOn = useStore(stores.show, (s) => s.show?.lyrics != null);
  const [sheet, setSheet] = useState(false);
  useOperatorKeys({ onHelp: () => setSheet((open) => !open), onEscape: () => setSheet(false) });

  return (
    <div className={`operator${songOn ? ' is-song' : ''}`} data-testid="operator">
      <StaleFactsBanner />
      <header className="op-header">
        <h1>
          Operator <span className="op-muted">{title ?? ''}</span>
        </h1>
        <ConnectionBadge />
        <button
          type="button"
          className="op-button op-small"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => setSheet(true)}
          data-testid="open-keys"
        >
          Keys <kbd>?</kbd>
        </button>
      </header>
      <main className="op-main">
        <div className="op-column op-column-main">
          <OnAirPanel />
          {/* During a song its lines matter most: they go right under the preview. */}
          {songOn ? <LyricsPanel /> : null}
          <PlaylistStrip />
          {songOn ? null : <LyricsPanel />}
        </div>
        <div className="op-column op-column-side">
          <ProblemsPanel />
          <ShowControls />
          <SetlistPanel />
          <OutputsPanel />
          <ObsPanel />
          <RemotePanel />
        </div>
      </main>
      <RefusalToast />
      {sheet ? <ShortcutSheet onClose={() => setSheet(false)} /> : null}
    </div>
  );
}

export interface OperatorViewProps {
  /** How commands reach the core; tests pass a fake. */
  send?: SendCommand;
}

export function OperatorView({ send = sendCommand }: OperatorViewProps) {
  return (
    <RunnerProvider send={send}>
      <Console />
    </RunnerProvider>
  );
}
