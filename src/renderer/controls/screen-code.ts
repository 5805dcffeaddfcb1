/** "ACD EFG": a screen's six-letter pairing code, read across a room in two groups. */
export function spacedCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}
