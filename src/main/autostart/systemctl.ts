import { execFile } from 'node:child_process';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `systemctl --user <args>`; injected so tests record the calls instead. */
export type SystemctlRunner = (args: readonly string[]) => Promise<CommandResult>;

export const realSystemctl: SystemctlRunner = (args) =>
  new Promise((resolve) => {
    execFile('systemctl', ['--user', ...args], { timeout: 30_000 }, (error, stdout, stderr) => {
      const code =
        error === null ? 0 : typeof error.code === 'number' ? error.code : /* not found */ 127;
      resolve({ code, stdout: String(stdout), stderr: String(stderr || error?.message || '') });
    });
  });
