import { parseServeArgsTolerant, type TolerantServeArgs } from '../cli/args';

export type ShellArgs = TolerantServeArgs;

/** Our options from Electron's argv, the same names `serve` takes, read the tolerant way. */
export function parseShellArgs(argv: readonly string[]): ShellArgs {
  return parseServeArgsTolerant(argv);
}
