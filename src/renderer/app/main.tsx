// The page's first script, kept to what decides what to fetch: the view's code, the page's
// catalogs, the audience's words and React with the socket are all asked for at once here,
// instead of each only after the one before it has been evaluated (traced: the view's chunk
// and the first picture waited ~200 ms behind a 234 kB entry).
// Bundled fonts: a venue often has no internet, and a remote font would leak who is watching.
import '@fontsource/oswald/500.css';
import '@fontsource/oswald/700.css';
import '@fontsource/inter/400.css';
import '@fontsource/inter/400-italic.css';
import '@fontsource/inter/600.css';
import { APP_LANGUAGES } from '../../shared/i18n/languages';
import { matchRoute, NOT_FOUND_NAMESPACES } from './routes';
import './base.css';

const route = matchRoute(location.pathname);
if (route) document.title = `Solidarity Screens · ${route.role}`;

// Loaded before the first render, not through React.lazy (see `Route.load`).
const view = route ? route.load() : Promise.resolve(null);
const translator = import('../i18n/page-translator').then((m) =>
  m.loadPageTranslator(route?.namespaces ?? NOT_FOUND_NAMESPACES),
);
// The slide's languages come with the content, later; the audience's few words are small, so
// an audience screen fetches them in every language now rather than after the content.
const audience = route?.audience;
if (audience) {
  void import('../i18n/audience').then((m) => m.loadAudienceWords(APP_LANGUAGES, audience));
}
const page = import('./page');
if (route) void page.then((m) => m.connectPage(route.role, translator));

const root = document.getElementById('root');
if (root) {
  void Promise.all([page, translator, view]).then(([m, pageTranslator, View]) =>
    m.renderPage(root, pageTranslator, View),
  );
}
