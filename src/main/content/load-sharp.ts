let loadedSharp: Promise<typeof import('sharp')> | undefined;

/**
 * sharp (libvips), loaded on first use and never on the way to listening (the
 * listen-path-imports test): it takes longer to load than the rest of the server, and the
 * first slide does not wait for it. One module, so one `concurrency` setting for everyone.
 */
export function loadSharp(): Promise<typeof import('sharp')> {
  loadedSharp ??= import('sharp').then((module) => {
    // One libvips thread: the core shares its cores with the browser showing the slides.
    module.default.concurrency(1);
    return module;
  });
  return loadedSharp;
}
