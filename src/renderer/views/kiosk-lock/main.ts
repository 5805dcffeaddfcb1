// The PIN prompt's own entry: no React and no fonts, so it opens at once over the show.
import './kiosk-lock.css';
import { translate } from '../../../shared/i18n';
import { chooseAppLanguage, readSavedLanguage } from '../../i18n/app-language';
import { mountKioskLock } from './KioskLock';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

// The same choice as every other page of this device: `?lang=`, the saved one, the browser's.
const language = chooseAppLanguage({
  search: location.search,
  saved: readSavedLanguage(storage()),
  browser: navigator.languages ?? [navigator.language],
});
const t = translate(language, 'kiosk');
document.documentElement.lang = language;
document.title = t('title');

const root = document.getElementById('kiosk-lock');
if (root) mountKioskLock(root, window.api, t);
