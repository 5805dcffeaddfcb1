import { PlaceholderView } from '../placeholder/PlaceholderView';

export function OverlayView() {
  return (
    <PlaceholderView
      title="Stream overlay"
      coming="Coming soon: lower thirds, lyrics and QR codes for OBS, on a transparent background."
    />
  );
}
