import type { ComponentType } from 'react';
import { routes } from './routes';

/** The page's view, already loaded; none when the address matches no route. */
export function App({ View }: { View: ComponentType | null }) {
  if (View) return <View />;
  return (
    <main className="not-found">
      <h1>Solidarity Screens</h1>
      <p>This address shows nothing. Open one of the links the core printed:</p>
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
