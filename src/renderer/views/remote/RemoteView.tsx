import { PlaceholderView } from '../placeholder/PlaceholderView';

export function RemoteView() {
  return (
    <PlaceholderView
      title="Phone remote"
      coming="Coming soon: next, previous, pause, blackout and safe mode from a phone on the venue network."
    />
  );
}
