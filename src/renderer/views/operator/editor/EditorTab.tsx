/** The console's content tab. (Stub: the editor work fills it in.) */
export default function EditorTab() {
  return null;
}
