import { useStore } from 'zustand';
import { useStores } from '../../stores';
import './placeholder.css';

interface PlaceholderViewProps {
  title: string;
  coming: string;
}

/** Stands in for a view that a later issue builds, and shows whether its link works. */
export function PlaceholderView({ title, coming }: PlaceholderViewProps) {
  const { connection } = useStores();
  const status = useStore(connection, (s) => s.status);
  const role = useStore(connection, (s) => s.role);
  const problem = useStore(connection, (s) => s.lastCloseReason);
  return (
    <main className="placeholder">
      <h1>{title}</h1>
      <p>{coming}</p>
      <p className="placeholder-status" role="status">
        {status === 'open'
          ? `Connected to the core as ${role ?? 'unknown'}.`
          : `Connection: ${status}.`}
        {problem && status !== 'open' ? ` ${problem}` : ''}
      </p>
    </main>
  );
}
