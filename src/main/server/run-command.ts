import { coreText, refusal, type Command, type Result, type Role } from '../../shared/protocol';

/**
 * The core's one entry for a command from outside, whoever carries it (a view's socket, the
 * HTTP control API): the role's permission first, then the command's owner. A show command's
 * answer comes in the same turn as its effects (no promise), so the socket can answer a phone
 * before the listener that carries it closes.
 */
export function runCommand(
  role: Role,
  command: Command,
  execute: (command: Command) => Result | Promise<Result>,
): Result | Promise<Result> {
  const refused = refusal(role, command);
  if (refused) return { ok: false, error: refused };
  const failed = (error: unknown): Result => {
    // A bug in one command must not take the server down with it.
    console.error(`command ${command.name} failed:`, error);
    return { ok: false, error: coreText('command.failedInCore', { command: command.name }) };
  };
  try {
    const outcome = execute(command);
    return outcome instanceof Promise ? outcome.catch(failed) : outcome;
  } catch (error) {
    return failed(error);
  }
}
