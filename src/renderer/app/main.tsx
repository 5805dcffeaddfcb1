import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
// Bundled fonts: a venue often has no internet, and a remote font would leak who is watching.
import '@fontsource/oswald/500.css';
import '@fontsource/oswald/700.css';
import '@fontsource/inter/400.css';
import '@fontsource/inter/400-italic.css';
import '@fontsource/inter/600.css';
import { connect } from '../transport/socket';
import { connectionProblem } from '../stores';
import type { Translator } from '../../shared/i18n';
import { loadPageTranslator } from '../i18n/page-translator';
import { App } from './App';
import { matchRoute, NOT_FOUND_NAMESPACES } from './routes';
import './base.css';

const route = matchRoute(location.pathname);
// The page's catalogs and the view's code load while the socket connects; the page renders
// once, with both.
const translator = loadPageTranslator(route?.namespaces ?? NOT_FOUND_NAMESPACES);
const view: Promise<ComponentType | null> = route ? route.load() : Promise.resolve(null);
if (route) {
  document.title = `Solidarity Screens · ${route.role}`;
  if (!connect(route.role)) {
    void translator.then((t) => connectionProblem(t.t('common:connection.noToken')));
  }
}

const root = document.getElementById('root');
if (root) {
  const render = ([pageTranslator, View]: [Translator, ComponentType | null]) =>
    createRoot(root).render(
      <StrictMode>
        <I18nextProvider i18n={pageTranslator}>
          <App View={View} />
        </I18nextProvider>
      </StrictMode>,
    );
  void Promise.all([translator, view]).then(render);
}
