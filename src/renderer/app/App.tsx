import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from './routes';

/** An address's shape, not words: the link the core printed carries the real token. */
const TOKEN_PLACEHOLDER = 'token=…';

/** The page's view, already loaded; none when the address matches no route. */
export function App({ View }: { View: ComponentType | null }) {
  const { t } = useTranslation('common');
  if (View) return <View />;
  return (
    <main className="not-found">
      <h1>{t('appName')}</h1>
      <p>{t('notFound.text')}</p>
      <ul>
        {routes.map((r) => (
          <li key={r.path}>
            <code translate="no">{`${r.path}?${TOKEN_PLACEHOLDER}`}</code>
          </li>
        ))}
      </ul>
    </main>
  );
}
