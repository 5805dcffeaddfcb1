import type { Route } from './routes';
import { routes } from './routes';

export function App({ route }: { route: Route | undefined }) {
  if (route) return <route.View />;
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
