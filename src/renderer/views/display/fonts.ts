/**
 * Loads every bundled font face now. The browser fetches a face (a weight, a script) the first
 * time text needs it: mid-show, a Cyrillic or italic face arriving makes every text box on the
 * page fit itself again, in the middle of a cross-fade. Called once the first slide is up.
 */
export function loadAllFonts(fonts: FontFaceSet | undefined = globalThis.document?.fonts): number {
  if (!fonts) return 0;
  let started = 0;
  fonts.forEach((face) => {
    if (face.status !== 'unloaded') return;
    started += 1;
    // A face that fails to load falls back to the next one in the stack; nothing to do here.
    face.load().catch(() => undefined);
  });
  return started;
}
