import type { ContentEditor } from './types';

/**
 * The editor as the server sees it before the pack is open: the server listens first, and the
 * editor (which loads the YAML parsers and the loader) is made once the store exists. Every
 * call waits for the real one; if the start fails, they fail with it.
 */
export interface LateEditor {
  editor: ContentEditor;
  attach(editor: ContentEditor): void;
  abandon(error: unknown): void;
}

export function lateEditor(): LateEditor {
  let settle: { resolve: (e: ContentEditor) => void; reject: (error: unknown) => void } | null =
    null;
  const real = new Promise<ContentEditor>((resolve, reject) => (settle = { resolve, reject }));
  // Nobody may be left with an unhandled rejection when the start fails.
  real.catch(() => {});
  return {
    editor: {
      list: async () => (await real).list(),
      listImages: async () => (await real).listImages(),
      read: async (id) => (await real).read(id),
      write: async (id, body, ifMatch) => (await real).write(id, body, ifMatch),
      remove: async (id, options) => (await real).remove(id, options),
      history: async (id) => (await real).history(id),
      restore: async (id, version, ifMatch) => (await real).restore(id, version, ifMatch),
      saveMedia: async (folder, name, extension, bytes) =>
        (await real).saveMedia(folder, name, extension, bytes),
      saveStreamedMedia: async (folder, source, options) =>
        (await real).saveStreamedMedia(folder, source, options),
      exclusive: async (work) => (await real).exclusive(work),
    },
    attach: (editor) => settle?.resolve(editor),
    abandon: (error) => settle?.reject(error),
  };
}
