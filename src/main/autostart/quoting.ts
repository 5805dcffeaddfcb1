// Each file format quotes differently; a content folder called "Kagarlitsky & Kots" must
// reach `serve` as one argument in all of them.

const SYSTEMD_PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One argument of a systemd `ExecStart=` line (systemd.syntax "Quoting"). */
export function systemdArg(arg: string): string {
  if (SYSTEMD_PLAIN.test(arg)) return arg;
  // `%` is a specifier and `$` a variable in ExecStart, even inside quotes.
  const escaped = arg
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/%/g, '%%')
    .replace(/\$/g, '$$$$')
    .replace(/\n/g, '\\n');
  return `"${escaped}"`;
}

/** A path in a unit's `Environment=`/`WorkingDirectory=` style value: specifiers doubled. */
export function systemdValue(value: string): string {
  return value.replace(/%/g, '%%');
}

const DESKTOP_PLAIN = /^[A-Za-z0-9_@+=:,./-]+$/;

/**
 * One argument of a desktop entry's `Exec=` key (Desktop Entry Specification, "The Exec
 * key"): double quotes, with `"`, `` ` ``, `$` and `\` escaped by a backslash, and then every
 * backslash doubled again because the value is a string value; `%` becomes `%%`.
 */
export function desktopArg(arg: string): string {
  if (DESKTOP_PLAIN.test(arg)) return arg;
  const quoted = `"${arg.replace(/[\\"`$]/g, (c) => `\\${c}`)}"`;
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%');
}

export function hasControlCharacters(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f]/.test(text);
}

/** One argument of a POSIX shell line (labwc's autostart file is run by sh). */
export function shellArg(arg: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
