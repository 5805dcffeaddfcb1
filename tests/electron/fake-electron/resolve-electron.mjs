// A Node module loader hook: `electron` resolves to the fake (tests/mocks/electron-module.ts),
// everything else as usual. Registered by run-entry.ts with `module.register`.
let fakeUrl;

export function initialize(data) {
  fakeUrl = data.fakeUrl;
}

export async function resolve(specifier, context, nextResolve) {
  // Through the next hooks, so tsx, registered before this one, compiles the fake.
  if (specifier === 'electron') return nextResolve(fakeUrl, context);
  return nextResolve(specifier, context);
}
