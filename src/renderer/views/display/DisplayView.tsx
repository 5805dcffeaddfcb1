import { useStore } from 'zustand';
import { pickText } from '../../../shared/content';
import { labelsFor } from '../../i18n/labels';
import { Slide } from '../../slides/Slide';
import { useStores } from '../../stores';
import { chooseScreen, displayLanguage } from './choose-screen';
import { themeStyle } from './theme';
import { useNow } from './use-now';
import './display.css';

function browserLanguage(): string {
  return typeof navigator === 'undefined' ? 'en' : (navigator.language ?? 'en');
}

/** Before the core has said anything: no pack, no names, just a calm sign of life. */
function ConnectingScreen({ problem }: { problem: string | null }) {
  const labels = labelsFor(browserLanguage());
  return (
    <div className="display display-connecting" role="status">
      <div className="connecting-mark" aria-hidden="true" />
      <p className="connecting-text">{labels.connecting}…</p>
      {problem ? <p className="connecting-problem">{problem}</p> : null}
    </div>
  );
}

export function DisplayView() {
  const stores = useStores();
  const snapshot = useStore(stores.content, (s) => s.snapshot);
  const show = useStore(stores.show, (s) => s.show);
  const clockOffsetMs = useStore(stores.show, (s) => s.clockOffsetMs);
  const status = useStore(stores.connection, (s) => s.status);
  const problem = useStore(stores.connection, (s) => s.lastCloseReason);
  const nowMs = useNow(clockOffsetMs);

  const screen = chooseScreen(snapshot, show);
  if (screen.kind === 'connecting' || !snapshot) return <ConnectingScreen problem={problem} />;
  // Blackout means nothing at all: no slide, no status mark, not even the theme colour.
  if (screen.kind === 'blackout')
    return <div className="display display-blackout" data-testid="blackout" />;

  const { pack } = snapshot;
  const language = displayLanguage(pack, show);
  const theme = themeStyle(pack.theme);

  return (
    <div className="display" style={theme} lang={language} data-status={status}>
      {screen.kind === 'slide' ? (
        <div className="slide-frame" key={screen.item.id} data-item={screen.item.id}>
          <Slide item={screen.item} ctx={{ pack, language, nowMs }} />
        </div>
      ) : (
        <div className="slide-frame slide-neutral" data-testid="neutral">
          {screen.showTitle ? (
            <p className="neutral-title">{pickText(pack.title, language, pack.defaultLanguage)}</p>
          ) : null}
        </div>
      )}
      {status !== 'open' ? (
        // Never blank the slide for a dropped connection: the last state is still the truth
        // as far as we know, and the venue should not notice a server restart.
        <div className="reconnecting-mark" role="status" data-testid="reconnecting">
          <span className="reconnecting-dot" aria-hidden="true" />
          {labelsFor(language).reconnecting}
        </div>
      ) : null}
    </div>
  );
}
