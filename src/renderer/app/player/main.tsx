import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Bundled fonts, as on the display: the player must draw every glyph with no network.
import '@fontsource/oswald/500.css';
import '@fontsource/oswald/700.css';
import '@fontsource/inter/400.css';
import '@fontsource/inter/400-italic.css';
import '@fontsource/inter/600.css';
import { pickText } from '../../../shared/content';
import { PLAYER_DATA_GLOBAL, PLAYER_MEDIA_BASE } from '../../../shared/player/folder';
import { setStaticMedia } from '../../slides/context';
import '../base.css';
import { readPlayerData } from './player-data';
import { PlayerView } from './PlayerView';
import { registerOfflineCopy } from './register-sw';

// Media are plain files in the folder, next to index.html.
setStaticMedia(PLAYER_MEDIA_BASE);
// The offline copy fetches every file of the folder: it waits until the first slide is up.
const keepOfflineCopy = () =>
  registerOfflineCopy(location, typeof navigator === 'undefined' ? undefined : navigator);

const root = document.getElementById('root');
if (root) {
  const data = readPlayerData((window as unknown as Record<string, unknown>)[PLAYER_DATA_GLOBAL]);
  if ('error' in data) {
    // No pack, no names: only what is wrong with the folder, for whoever copied it.
    root.textContent = data.error;
    root.className = 'player-problem';
  } else {
    const { pack } = data.snapshot;
    document.title = pickText(pack.title, pack.defaultLanguage, pack.defaultLanguage) ?? '';
    createRoot(root).render(
      <StrictMode>
        <PlayerView snapshot={data.snapshot} onStarted={keepOfflineCopy} />
      </StrictMode>,
    );
  }
}
