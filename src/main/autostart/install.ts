import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../settings/atomic-file';
import { desktopEntryText } from './desktop-entry';
import { launcherArgs } from './launcher';
import type { AutostartSetup } from './options';
import { autostartFiles, CAGE_UNIT, SERVICE_UNIT, WRITTEN_BY_MARK } from './paths';
import { hasControlCharacters } from './quoting';
import type { SystemctlRunner } from './systemctl';
import { cageUnitText, serveUnitText } from './unit-file';

export interface AutostartPlace {
  home: string;
  env?: NodeJS.ProcessEnv;
  systemctl: SystemctlRunner;
}

export type StepResult = { ok: true; wrote: string[] } | { ok: false; problem: string };

/** A path with a newline would end the unit's line early and start a line of its own. */
export function setupProblem(setup: AutostartSetup): string | null {
  for (const [field, value] of Object.entries(setup)) {
    if (typeof value !== 'string') continue;
    if (hasControlCharacters(value))
      return `${field} has a control character: ${JSON.stringify(value)}`;
    if (field !== 'output' && !path.isAbsolute(value)) return `${field} is not absolute: ${value}`;
  }
  return null;
}

async function writeOwnFile(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  // 0600: the units name the data folder that holds the tokens; nobody else needs to read them.
  await writeFileAtomic(file, text, { mode: 0o600 });
  await chmod(file, 0o600);
}

async function systemctlOk(run: SystemctlRunner, args: string[]): Promise<string | null> {
  const result = await run(args);
  if (result.code === 0) return null;
  return `systemctl --user ${args.join(' ')} failed (${result.code}): ${result.stderr.trim()}`;
}

/**
 * Writes the serve unit and either the desktop autostart entry or (`--cage`) the cage unit,
 * then reloads systemd's user manager and enables and starts what it wrote. Installing
 * again overwrites the same files; switching to or from `--cage` removes the other one.
 */
export async function installAutostart(
  setup: AutostartSetup,
  place: AutostartPlace,
): Promise<StepResult> {
  const problem = setupProblem(setup);
  if (problem) return { ok: false, problem };
  const files = autostartFiles(place.home, place.env);
  const launcher = launcherArgs(setup);
  await writeOwnFile(files.serviceUnit, serveUnitText(setup));
  const wrote = [files.serviceUnit];
  const units = [SERVICE_UNIT];
  if (setup.cage) {
    await writeOwnFile(files.cageUnit, cageUnitText(setup, launcher));
    wrote.push(files.cageUnit);
    units.push(CAGE_UNIT);
    await removeOwnFile(files.desktopEntry);
  } else {
    await writeOwnFile(files.desktopEntry, desktopEntryText(launcher));
    wrote.push(files.desktopEntry);
    if (await isOurs(files.cageUnit)) {
      await place.systemctl(['disable', '--now', CAGE_UNIT]);
      await removeOwnFile(files.cageUnit);
    }
  }
  const failed =
    (await systemctlOk(place.systemctl, ['daemon-reload'])) ??
    (await systemctlOk(place.systemctl, ['enable', '--now', ...units]));
  if (failed) return { ok: false, problem: failed };
  return { ok: true, wrote };
}

async function readIfPresent(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Only files carrying install's mark: a unit of the same name written by hand stays. */
export async function isOurs(file: string): Promise<boolean> {
  const text = await readIfPresent(file);
  return text !== null && text.includes(WRITTEN_BY_MARK);
}

async function removeOwnFile(file: string): Promise<boolean> {
  if (!(await isOurs(file))) return false;
  await rm(file, { force: true });
  return true;
}

/** Stops and disables the units, then deletes exactly the files install wrote. */
export async function removeAutostart(place: AutostartPlace): Promise<{ removed: string[] }> {
  const files = autostartFiles(place.home, place.env);
  const units: string[] = [];
  if (await isOurs(files.cageUnit)) units.push(CAGE_UNIT);
  if (await isOurs(files.serviceUnit)) units.push(SERVICE_UNIT);
  // Not checked: a unit systemd no longer knows is already as stopped as it gets.
  if (units.length > 0) await place.systemctl(['disable', '--now', ...units]);
  const removed: string[] = [];
  for (const file of [files.cageUnit, files.serviceUnit, files.desktopEntry]) {
    if (await removeOwnFile(file)) removed.push(file);
  }
  if (units.length > 0) await place.systemctl(['daemon-reload']);
  return { removed };
}

export interface AutostartStatus {
  serviceUnit: string | null;
  cageUnit: string | null;
  desktopEntry: string | null;
  /** `systemctl --user is-active` of the serve unit, e.g. "active", "failed", "inactive". */
  serviceState: string | null;
  cageState: string | null;
}

async function unitState(run: SystemctlRunner, unit: string): Promise<string> {
  // is-active prints the state and exits non-zero for anything but active.
  const result = await run(['is-active', unit]);
  return result.stdout.trim() || 'unknown';
}

export async function autostartStatus(place: AutostartPlace): Promise<AutostartStatus> {
  const files = autostartFiles(place.home, place.env);
  const service = (await isOurs(files.serviceUnit)) ? files.serviceUnit : null;
  const cage = (await isOurs(files.cageUnit)) ? files.cageUnit : null;
  return {
    serviceUnit: service,
    cageUnit: cage,
    desktopEntry: (await isOurs(files.desktopEntry)) ? files.desktopEntry : null,
    serviceState: service ? await unitState(place.systemctl, SERVICE_UNIT) : null,
    cageState: cage ? await unitState(place.systemctl, CAGE_UNIT) : null,
  };
}
