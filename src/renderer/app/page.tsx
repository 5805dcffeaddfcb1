import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { Translator } from '../../shared/i18n';
import type { Role } from '../../shared/protocol/roles';
import { connect } from '../transport/socket';
import { connectionProblem } from '../stores';
import { App } from './App';

/** Opens the page's socket; a link without its token says so, in the page's language. */
export function connectPage(role: Role, translator: Promise<Translator>): void {
  if (!connect(role)) {
    void translator.then((t) => connectionProblem(t.t('common:connection.noToken')));
  }
}

/** The page, rendered once, with its view's code and its catalogs already in hand. */
export function renderPage(root: HTMLElement, translator: Translator, View: ComponentType | null) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={translator}>
        <App View={View} />
      </I18nextProvider>
    </StrictMode>,
  );
}
