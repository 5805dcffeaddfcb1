import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
import { VideoPanel } from './VideoPanel';
import { RefusalToast } from '../../controls/RefusalToast';
import { RemotePanel } from './RemotePanel';
import { ScreensPanel } from './ScreensPanel';
import { ControlApiPanel } from './ControlApiPanel';
import { RunnerProvider, type SendCommand } from '../../controls/run';
import { SetlistPanel } from './SetlistPanel';
import { ClockBanner } from './ClockBanner';
import { StagePanel } from './StagePanel';
import { StaleFactsBanner } from './StaleFactsBanner';
import { ShortcutSheet } from './ShortcutSheet';
import { ShowControls } from './ShowControls';
import { useOperatorKeys } from './use-operator-keys';
import { LanguageMenu } from '../../controls/LanguageMenu';
import { closeReasonKey, connectionKey } from './connection-text';
import { TabButton } from '../../controls/TabButton';
// The previews are the slides the screens show, with the slides' own styles.
import '../../slides/styles/index.css';
import './operator.css';

// The editor is a room of its own: the console loads its code when the tab is first opened.
const EditorTab = lazy(() => import('./editor/EditorTab'));

type ConsoleTab = 'show' | 'content';

function TabSwitch({ tab, onTab }: { tab: ConsoleTab; onTab: (tab: ConsoleTab) => void }) {
  const { t } = useTranslation('editor');
  return (
    <nav className="op-tabs" role="tablist" aria-label={t('tab.label')}>
      {(['show', 'content'] as const).map((name) => (
        <TabButton
          key={name}
          selected={tab === name}
          onSelect={() => onTab(name)}
          testId={`tab-${name}`}
        >
          {t(`tab.${name}`)}
        </TabButton>
      ))}
    </nav>
  );
}

function ConnectionBadge() {
  const { connection } = useStores();
  const status = useStore(connection, (s) => s.status);
  const problem = useStore(connection, (s) => s.lastCloseReason);
  const code = useStore(connection, (s) => s.lastCloseCode);
  const { t } = useTranslation('console');
  const reasonKey = problem ? closeReasonKey(code) : null;
  // Our words for a code we know; the core's own words (already the reader's, or a detail
  // such as a file name) otherwise.
  const reason = reasonKey ? t(reasonKey) : problem;
  const text = t(connectionKey(status, Boolean(reason)), { reason });
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
  const [tab, setTab] = useState<ConsoleTab>('show');
  // Once opened, the editor stays mounted (hidden) so that switching to the show mid-edit
  // loses nothing and asks nothing: the Show tab is one click away, always.
  const [editorOpened, setEditorOpened] = useState(false);
  if (tab === 'content' && !editorOpened) setEditorOpened(true);
  const { t } = useTranslation('console');
  const documentTitle = title
    ? t('header.documentTitleWithPack', { pack: title })
    : t('header.documentTitle');
  useEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);
  useOperatorKeys({ onHelp: () => setSheet((open) => !open), onEscape: () => setSheet(false) });

  return (
    <div className={`operator${songOn ? ' is-song' : ''}`} data-testid="operator">
      <ClockBanner />
      <StaleFactsBanner />
      <header className="op-header">
        <h1>
          {t('header.title')} <span className="op-muted">{title ?? ''}</span>
        </h1>
        <TabSwitch tab={tab} onTab={setTab} />
        <ConnectionBadge />
        <LanguageMenu className="language-menu op-language" />
        <button
          type="button"
          className="op-button op-small"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => setSheet(true)}
          data-testid="open-keys"
        >
          {t('header.keys')} <kbd>?</kbd>
        </button>
      </header>
      {editorOpened ? (
        <Suspense fallback={null}>
          <EditorTab hidden={tab !== 'content'} />
        </Suspense>
      ) : null}
      <main className="op-main" hidden={tab !== 'show'}>
        <div className="op-column op-column-main">
          <OnAirPanel />
          <VideoPanel />
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
          <StagePanel />
          <ObsPanel />
          <RemotePanel />
          <ScreensPanel />
          <ControlApiPanel />
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
