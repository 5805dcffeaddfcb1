// The PIN prompt's own entry: no React and no fonts, so it opens at once over the show.
import './kiosk-lock.css';
import { mountKioskLock } from './KioskLock';

const root = document.getElementById('kiosk-lock');
if (root) mountKioskLock(root, window.api);
