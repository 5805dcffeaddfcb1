import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunch } from '../../playwright.config';
import { builtInPack, cliPath, repoRoot } from '../helpers/serve';

/*
 * The show starts with no network (issue 15 §4): a merch table that boots in a venue with no
 * Wi-Fi. `serve` and a headless Chromium run in a network namespace of their own
 * (`unshare -n`) with only the loopback interface: the display must still show the first
 * slide. Needs root (or user namespaces) and `ip`; the test says why it skips otherwise.
 */

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

function canUnshare(): string | null {
  if (!has('unshare')) return 'no unshare(1) on this machine';
  if (!has('ip')) return 'no ip(8) on this machine';
  const probe = spawnSync('unshare', ['-n', 'true']);
  return probe.status === 0 ? null : `unshare -n is not allowed here: ${String(probe.stderr)}`;
}

/*
 * Run inside the namespace: loopback up, nothing else there, serve on port 0, then Chromium
 * loads the display link it printed and dumps the page once the slide had time to render.
 */
const SCRIPT = String.raw`
set -u
ip link set lo up || { echo "NETNS: lo would not come up"; exit 90; }
echo "INTERFACES: $(ip -o link show | awk -F': ' '{print $2}' | tr '\n' ' ')"
node "$CLI" serve --port 0 --content "$CONTENT" > "$DATA/serve.txt" 2>&1 &
SERVE=$!
trap 'kill $SERVE 2>/dev/null; wait $SERVE 2>/dev/null' EXIT
URL=""
for _ in $(seq 1 150); do
  URL=$(sed -n 's/^ *display *\(http[^ ]*\)$/\1/p' "$DATA/serve.txt" | head -n 1)
  [ -n "$URL" ] && break
  sleep 0.2
done
[ -n "$URL" ] || { echo "NO URL"; cat "$DATA/serve.txt"; exit 91; }
echo "URL: $URL"
"$CHROMIUM" --headless --no-sandbox --disable-gpu --user-data-dir="$DATA/chromium" \
  --virtual-time-budget=10000 --dump-dom "$URL" 2>/dev/null
`;

test('serve shows the first slide with only the loopback interface', async () => {
  const reason = canUnshare();
  test.skip(reason !== null, reason ?? '');
  const data = mkdtempSync(join(tmpdir(), 'ss-e2e-nonet-'));
  try {
    const run = spawnSync('unshare', ['-n', 'sh', '-c', SCRIPT], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 90_000,
      env: {
        ...process.env,
        CLI: cliPath,
        CONTENT: builtInPack,
        DATA: data,
        CHROMIUM: chromiumLaunch.executablePath,
        SOLIDARITY_DATA_DIR: data,
      },
    });
    const output = `${run.stdout}\n--- stderr ---\n${run.stderr}`;
    expect(run.status, output).toBe(0);
    // Nothing but loopback: the show had no network to lean on.
    expect(run.stdout, output).toMatch(/^INTERFACES: lo $/m);
    // serve listens on this computer only.
    expect(run.stdout, output).toMatch(/^URL: http:\/\/127\.0\.0\.1:\d+\/display\?token=/m);
    // The first slide of the main playlist, rendered.
    expect(run.stdout, output).toMatch(/data-item-id="boris-kagarlitsky"/);
    expect(run.stdout, output).toContain('Boris Kagarlitsky');
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
});
