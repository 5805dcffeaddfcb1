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
import { createPageTranslator } from '../i18n/page-translator';
import { App } from './App';
import { matchRoute, screenRoute } from './routes';
import './base.css';

const translator = createPageTranslator();
const route = matchRoute(location.pathname);
if (route) {
  document.title = `Solidarity Screens · ${route.role}`;
  // A screen asking to join has no token yet: its page connects once approved.
  if (route !== screenRoute && !connect(route.role)) {
    connectionProblem(translator.t('common:connection.noToken'));
  }
}

const root = document.getElementById('root');
if (root) {
  const render = (View: ComponentType | null) =>
    createRoot(root).render(
      <StrictMode>
        <I18nextProvider i18n={translator}>
          <App View={View} />
        </I18nextProvider>
      </StrictMode>,
    );
  // The view's code loads while the socket connects; the page renders once, with it.
  if (route) void route.load().then(render);
  else render(null);
}
