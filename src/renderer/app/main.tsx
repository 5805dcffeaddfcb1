import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
// Bundled fonts: a venue often has no internet, and a remote font would leak who is watching.
import '@fontsource/oswald/500.css';
import '@fontsource/oswald/700.css';
import '@fontsource/inter/400.css';
import '@fontsource/inter/400-italic.css';
import '@fontsource/inter/600.css';
import { connect } from '../transport/socket';
import { connectionProblem } from '../stores';
import { App } from './App';
import { matchRoute } from './routes';
import './base.css';

const route = matchRoute(location.pathname);
if (route) {
  document.title = `Solidarity Screens · ${route.role}`;
  if (!connect(route.role)) {
    connectionProblem('This link has no access token. Copy the full link the core printed.');
  }
}

const root = document.getElementById('root');
if (root) {
  const render = (View: ComponentType | null) =>
    createRoot(root).render(
      <StrictMode>
        <App View={View} />
      </StrictMode>,
    );
  // The view's code loads while the socket connects; the page renders once, with it.
  if (route) void route.load().then(render);
  else render(null);
}
