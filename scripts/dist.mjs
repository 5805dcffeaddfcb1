// `npm run dist`: the installers (AppImage and .deb, x64 and arm64) with electron-builder and
// electron-builder.yml. electron-builder fetches the Electron binary for each target (and, for
// some targets, its packaging tools) from the internet. Where that cannot be done (these build
// machines), its own output is a stack trace about github.com; this script says plainly what
// was not built and why, and exits non-zero. Where it can download, nothing here changes.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Exit code for "nothing was built because a download failed" (apart from other failures). */
export const EXIT_NO_DOWNLOAD = 3;

const NETWORK_ERROR =
  /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH)\b|getaddrinfo|unable to (download|get local issuer)|net::ERR_/;

/** The installers the config asks for, as "AppImage x64" etc. */
export function plannedInstallers(config) {
  const targets = config?.linux?.target ?? [];
  return targets.flatMap((t) => (t.arch ?? []).map((arch) => `${t.target} ${arch}`));
}

/**
 * What electron-builder was doing when it failed, read from its log: the last
 * `packaging platform=… arch=…` line (that step downloads Electron) or `building target=…`.
 */
function lastStep(output) {
  let step = null;
  for (const line of output.split(/\r?\n/)) {
    const packaging = /packaging\s+platform=(\S+)\s+arch=(\S+)/.exec(line);
    if (packaging) step = { kind: 'electron', platform: packaging[1], arch: packaging[2] };
    const building = /building\s+target=(\S+)\s+arch=(\S+)/.exec(line);
    if (building) step = { kind: 'target', target: building[1], arch: building[2] };
  }
  return step;
}

/**
 * The one paragraph for a build that failed because something could not be downloaded, or
 * null when the failure was something else (then electron-builder's own message stands).
 */
export function explainDownloadFailure(output, { electronVersion, installers, built = [] }) {
  if (!NETWORK_ERROR.test(output)) return null;
  const step = lastStep(output);
  const what =
    step?.kind === 'target'
      ? `the packaging tools for the ${step.target} ${step.arch} installer`
      : `the Electron ${electronVersion} binary for ${step?.platform ?? 'linux'}-${step?.arch ?? 'x64'}`;
  return [
    `npm run dist: ${what} could not be downloaded (electron-builder fetches it from github.com,`,
    'and this machine cannot reach it).',
    built.length === 0
      ? 'Here nothing was built: no installer is in dist/.'
      : `Here only ${built.join(', ')} ${built.length === 1 ? 'was' : 'were'} built; the rest were not.`,
    `On a machine with internet this command builds ${installers.join(', ')}`,
    'into dist/, with the Electron fuses of electron-builder.yml set. To build offline, put the',
    `Electron zips (electron-v${electronVersion}-linux-x64.zip, …-linux-arm64.zip) in the`,
    'electron cache (ELECTRON_CACHE) first.',
  ].join(' ');
}

function readConfig() {
  return parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
}

function electronVersion() {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  return /(\d+\.\d+\.\d+)/.exec(pkg.devDependencies?.electron ?? '')?.[1] ?? 'unknown';
}

/** The installer files in dist/ (none on a machine that could not download). */
function installersInDist() {
  const dir = path.join(root, 'dist');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => /\.(AppImage|deb)$/.test(name));
}

/** Runs electron-builder, echoing its output as it comes; resolves its exit code and output. */
function runElectronBuilder() {
  return new Promise((resolve) => {
    const child = spawn('npx', ['--no-install', 'electron-builder', '--publish', 'never'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('error', (error) => resolve({ code: 1, output: `${output}\n${error.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * @param {{ build?: () => Promise<{ code: number, output: string }>, log?: (line: string) => void,
 *   config?: unknown, electronVersion?: string, built?: () => string[] }} [deps] injected in tests
 * @returns {Promise<number>} the exit code
 */
export async function runDist(deps = {}) {
  const log = deps.log ?? ((line) => console.error(line));
  const config = deps.config ?? readConfig();
  const installers = plannedInstallers(config);
  const result = await (deps.build ?? runElectronBuilder)();
  if (result.code === 0) {
    log(`npm run dist: built ${installers.join(', ')} into dist/.`);
    return 0;
  }
  const paragraph = explainDownloadFailure(result.output, {
    electronVersion: deps.electronVersion ?? electronVersion(),
    installers,
    built: (deps.built ?? installersInDist)(),
  });
  if (paragraph) {
    log('');
    log(paragraph);
    return EXIT_NO_DOWNLOAD;
  }
  log(`npm run dist: electron-builder failed (exit ${result.code}); see its message above.`);
  return result.code;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runDist().then((code) => process.exit(code));
}
