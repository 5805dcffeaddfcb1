/** The parts of Electron's `Display` the placement logic needs. */
export interface DisplayInfo {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

/**
 * The monitor the kiosk goes on: the one the settings name when it is connected, otherwise an
 * external monitor (the projector) when there is one, otherwise the primary.
 */
export function chooseDisplay(
  displays: readonly DisplayInfo[],
  primaryId: number,
  preferredId?: number,
): DisplayInfo | undefined {
  const preferred = displays.find((d) => d.id === preferredId);
  if (preferred) return preferred;
  return (
    displays.find((d) => d.id !== primaryId) ??
    displays.find((d) => d.id === primaryId) ??
    displays[0]
  );
}
