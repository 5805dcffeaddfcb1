// The Electron fuses the build must set (issue 6): no RunAsNode, app only from the asar, asar
// integrity checked, and no NODE_OPTIONS / --inspect. Reads electron-builder.yml; run by
// scripts/electron-audit.mjs, or alone: `node security/check-fuses.mjs`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const REQUIRED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

/** @returns {{ ok: boolean, lines: string[] }} */
export function checkFuses(configPath) {
  const name = path.basename(configPath);
  if (!existsSync(configPath)) return { ok: false, lines: [`Fuses: ${name} is missing`] };
  let config;
  try {
    config = parse(readFileSync(configPath, 'utf8'));
  } catch (error) {
    return { ok: false, lines: [`Fuses: ${name} is not valid YAML: ${error.message}`] };
  }
  const lines = [];
  let ok = true;
  if (config?.asar !== true) {
    lines.push(`Fuses: ${name} must set asar: true (the asar fuses need an asar)`);
    ok = false;
  }
  const fuses = config?.electronFuses ?? {};
  for (const [fuse, wanted] of Object.entries(REQUIRED_FUSES)) {
    if (fuses[fuse] !== wanted) {
      lines.push(`Fuses: electronFuses.${fuse} must be ${wanted} (is ${fuses[fuse] ?? 'unset'})`);
      ok = false;
    }
  }
  if (ok)
    lines.push(`Fuses: ${Object.keys(REQUIRED_FUSES).length} fuses set as required in ${name}`);
  return { ok, lines };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const result = checkFuses(path.join(root, 'electron-builder.yml'));
  for (const line of result.lines) console.log(line);
  process.exit(result.ok ? 0 : 1);
}
