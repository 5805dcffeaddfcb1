// `npm run audit:electron`, and a step of `npm test`: Electronegativity on src/ with the
// Electron version pinned to the one in package.json, then the fuse settings of the build config.
// Electronegativity always exits 0, so its CSV is parsed here: the run fails on any HIGH or
// MEDIUM finding that security/reviewed.md does not list (check id + file) with a reason.
// The tool is run through npx at a pinned version rather than installed: it brings its own
// ESLint 7 and TypeScript 4.2, which would clash with the project's.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkFuses } from '../security/check-fuses.mjs';

export const ELECTRONEGATIVITY = '@doyensec/electronegativity@1.10.3';
const FAILING = new Set(['HIGH', 'MEDIUM']);
const SEVERITIES = new Set(['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL']);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Parses RFC 4180-ish CSV (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f.trim() !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f.trim() !== '')) rows.push(row);
  return rows.map((r) => r.map((f) => f.trim()));
}

/** Reviewed findings: table rows `| CHECK_ID | file | line | reason |` in security/reviewed.md. */
export function parseReviewed(markdown) {
  const reviewed = [];
  for (const line of markdown.split(/\r?\n/)) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 6) continue;
    const [, check, file, , reason] = cells;
    if (!/^[A-Z][A-Z0-9_]+$/.test(check ?? '')) continue;
    reviewed.push({ check, file: (file ?? '').replace(/`/g, ''), reason: reason ?? '' });
  }
  return reviewed;
}

function electronVersion() {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const spec = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  const version = /(\d+\.\d+\.\d+)/.exec(spec ?? '')?.[1];
  if (!version) throw new Error(`no pinned electron version in package.json (found ${spec})`);
  return version;
}

function runElectronegativity(version) {
  const dir = mkdtempSync(path.join(tmpdir(), 'electronegativity-'));
  const csv = path.join(dir, 'findings.csv');
  try {
    // Through npx at the pinned version, with the preload that fixes the tool's racy CSV writes.
    const preload = pathToFileURL(path.join(root, 'security/electronegativity-sync-writes.mjs'));
    const command = [
      'node',
      '--import',
      JSON.stringify(preload.href),
      '"$(command -v electronegativity)"',
      ...['-i', 'src', '-e', version, '-r', '-v', 'false', '-o', JSON.stringify(csv)],
    ].join(' ');
    const run = spawnSync('npx', ['--yes', '-p', ELECTRONEGATIVITY, '-c', command], {
      cwd: root,
      encoding: 'utf8',
      timeout: 5 * 60_000,
    });
    if (!existsSync(csv)) {
      throw new Error(
        `Electronegativity wrote no report (exit ${run.status}${run.error ? `, ${run.error.message}` : ''})\n${run.stdout}\n${run.stderr}`,
      );
    }
    const text = readFileSync(csv, 'utf8');
    const rows = parseCsv(text);
    const header = rows.shift() ?? [];
    const bad = rows.filter(
      (r) => r.length !== header.length || !SEVERITIES.has(r[1]?.toUpperCase()),
    );
    if (bad.length > 0) {
      throw new Error(`Electronegativity's CSV has rows that do not parse:\n${text}`);
    }
    const col = (name) => header.indexOf(name);
    for (const name of ['issue', 'severity', 'filename', 'location']) {
      if (col(name) < 0) throw new Error(`unexpected CSV header: ${header.join(', ')}`);
    }
    return rows.map((r) => ({
      check: r[col('issue')],
      severity: r[col('severity')].toUpperCase(),
      confidence: r[col('confidence')] ?? '',
      // Relative to src/ (`-r`); global checks report "N/A".
      file: r[col('filename')] === 'N/A' ? 'N/A' : `src/${r[col('filename')].replace(/\\/g, '/')}`,
      location: r[col('location')],
      sample: r[col('sample')] ?? '',
      description: r[col('description')] ?? '',
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main() {
  let failed = false;
  const version = electronVersion();
  console.log(`Electronegativity (${ELECTRONEGATIVITY}) on src/, Electron ${version}`);
  const findings = runElectronegativity(version);
  const reviewedPath = path.join(root, 'security/reviewed.md');
  const reviewed = existsSync(reviewedPath)
    ? parseReviewed(readFileSync(reviewedPath, 'utf8'))
    : [];
  const unreasoned = reviewed.filter((r) => r.reason.length < 10);
  for (const r of unreasoned) {
    console.log(`security/reviewed.md: ${r.check} ${r.file} has no reason`);
    failed = true;
  }
  const isReviewed = (f) =>
    reviewed.some((r) => r.check === f.check && r.file === f.file && r.reason.length >= 10);
  const counts = {};
  for (const f of findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  console.log(
    `${findings.length} findings: ${
      Object.entries(counts)
        .map(([s, n]) => `${n} ${s}`)
        .join(', ') || 'none'
    }`,
  );
  const failing = findings.filter((f) => FAILING.has(f.severity));
  const unreviewed = failing.filter((f) => !isReviewed(f));
  for (const f of failing.filter(isReviewed)) {
    console.log(`  reviewed   ${f.severity.padEnd(6)} ${f.check} ${f.file}:${f.location}`);
  }
  for (const f of unreviewed) {
    console.log(
      `  UNREVIEWED ${f.severity.padEnd(6)} ${f.check} ${f.file}:${f.location}\n             ${f.description}\n             ${f.sample.slice(0, 160)}`,
    );
  }
  if (unreviewed.length > 0) {
    console.log(
      `${unreviewed.length} HIGH/MEDIUM finding(s) not in security/reviewed.md: fix them, or add a row (check id | file | line | one-line reason).`,
    );
    failed = true;
  }
  const stale = reviewed.filter(
    (r) => !findings.some((f) => f.check === r.check && f.file === r.file),
  );
  for (const r of stale)
    console.log(`  note: reviewed ${r.check} ${r.file} is no longer reported; remove the row`);

  const fuses = checkFuses(path.join(root, 'electron-builder.yml'));
  for (const line of fuses.lines) console.log(line);
  if (!fuses.ok) failed = true;

  console.log(failed ? 'Electron audit: FAILED' : 'Electron audit: passed');
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error(
      `Electron audit could not run: ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  }
}
