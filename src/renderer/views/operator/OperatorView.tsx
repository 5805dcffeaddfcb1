import { PlaceholderView } from '../placeholder/PlaceholderView';

export function OperatorView() {
  return (
    <PlaceholderView
      title="Operator console"
      coming="Coming soon: the playlist, next and previous, pause, blackout and safe mode, and a preview of every screen."
    />
  );
}
