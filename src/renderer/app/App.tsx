import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from './routes';

/** The page's view, already loaded; none when the address matches no route. */
export function App({ View }: { View: ComponentType | null }) {
  const { t } = useTranslation('common');
  if (View) return <View />;
  return (
    <main className="not-found">
      <h1>Solidarity Screens</h1>
      <p>{t('notFound.text')}</p>
      <ul>
        {routes.map((r) => (
          <li key={r.path}>
            <code>{r.path}?token=…</code>
          </li>
        ))}
      </ul>
    </main>
  );
}
