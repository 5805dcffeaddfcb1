import { describe, expect, it } from 'vitest';
import type { KeptStart } from '../../../../src/main/first-slide/launch';
import { startBehindKeptSlide } from '../../../../src/main/first-slide/start-behind';

const tokens = { display: 'd' } as KeptStart['tokens'];

/** A kept slide's server whose `wake` the test resolves. */
function keptStart() {
  let wake = () => {};
  const woken = new Promise<void>((resolve) => (wake = resolve));
  const kept = {
    early: { wake: woken },
    cliControlToken: 'cli',
    url: 'http://127.0.0.1:1/',
    tokens,
  } as unknown as KeptStart;
  return { kept, wake };
}

/** Steps that log what happened, in order. */
function steps(kept: KeptStart | null, core: { url: string } | null) {
  const log: string[] = [];
  return {
    log,
    steps: {
      kept,
      open: ({ url }: { url: string }) => {
        log.push(`open ${url}`);
        return `window on ${url}`;
      },
      startCore: async (given: KeptStart | null) => {
        log.push(`core${given ? ' on the kept server' : ''}`);
        return core;
      },
      addressOf: (running: { url: string }) => ({ url: running.url, tokens }),
    },
  };
}

describe('startBehindKeptSlide', () => {
  it('on a restart, opens the window on the kept slide at once and starts the core at its wake', async () => {
    const { kept, wake } = keptStart();
    const { log, steps: s } = steps(kept, { url: 'http://127.0.0.1:1/' });
    const started = startBehindKeptSlide(s);
    await new Promise((resolve) => setTimeout(resolve, 10));
    // The slide is up; the core waits for it.
    expect(log).toEqual(['open http://127.0.0.1:1/']);
    wake();
    expect(await started).toEqual({
      core: { url: 'http://127.0.0.1:1/' },
      window: 'window on http://127.0.0.1:1/',
    });
    // One window: the core takes the kept server over, the page stays.
    expect(log).toEqual(['open http://127.0.0.1:1/', 'core on the kept server']);
  });

  it('on a normal start, starts the core first and opens the window on its address', async () => {
    const { log, steps: s } = steps(null, { url: 'http://127.0.0.1:2/' });
    expect(await startBehindKeptSlide(s)).toEqual({
      core: { url: 'http://127.0.0.1:2/' },
      window: 'window on http://127.0.0.1:2/',
    });
    expect(log).toEqual(['core', 'open http://127.0.0.1:2/']);
  });

  it('opens nothing more when the core could not start, and hands back the kept window', async () => {
    const { log, steps: s } = steps(null, null);
    expect(await startBehindKeptSlide(s)).toEqual({ core: null, window: null });
    expect(log).toEqual(['core']);
    const { kept, wake } = keptStart();
    wake();
    const restart = steps(kept, null);
    expect(await startBehindKeptSlide(restart.steps)).toEqual({
      core: null,
      window: 'window on http://127.0.0.1:1/',
    });
    expect(restart.log).toEqual(['open http://127.0.0.1:1/', 'core on the kept server']);
  });
});
