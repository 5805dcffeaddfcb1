/** What a command did: views show `error` to whoever sent it. */
export type CommandResult = { ok: true } | { ok: false; error: string };

export const ok: CommandResult = { ok: true };
export const fail = (error: string): CommandResult => ({ ok: false, error });
