/** What the preload exposes; absent when a view runs in a plain browser (`serve` mode). */
interface Window {
  api?: {
    shell: 'electron';
    versions: { electron: string };
  };
}
