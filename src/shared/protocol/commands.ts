import { z } from 'zod';
import type { Role } from './roles';

/** Every command a view can send. One schema per command; the name is the discriminator. */
export const commandSchema = z.discriminatedUnion('name', [
  z.strictObject({ name: z.literal('next') }),
  z.strictObject({ name: z.literal('previous') }),
  z.strictObject({ name: z.literal('pause') }),
  z.strictObject({ name: z.literal('resume') }),
  z.strictObject({ name: z.literal('togglePause') }),
  z.strictObject({ name: z.literal('goTo'), itemId: z.string().min(1) }),
  z.strictObject({ name: z.literal('setPlaylist'), playlistId: z.string().min(1) }),
  z.strictObject({ name: z.literal('blackout'), on: z.boolean() }),
  z.strictObject({ name: z.literal('safeMode'), on: z.boolean() }),
]);
export type Command = z.infer<typeof commandSchema>;
export type CommandName = Command['name'];

/** Which role may send which command. A role not listed for a command is refused. */
export const commandPermissions: Record<Role, readonly CommandName[]> = {
  operator: [
    'next',
    'previous',
    'pause',
    'resume',
    'togglePause',
    'goTo',
    'setPlaylist',
    'blackout',
    'safeMode',
  ],
  remote: ['next', 'previous', 'togglePause', 'blackout', 'safeMode'],
  kiosk: ['next', 'previous', 'togglePause', 'blackout', 'safeMode'],
  display: [],
  overlay: [],
};

/**
 * Safe mode protects people at a rally: anyone with a keyboard or a remote may switch it on,
 * but it "stays that way until an operator turns it off".
 */
const operatorOnly = (command: Command): boolean => command.name === 'safeMode' && !command.on;

/** Why `role` may not send `command`, or null when it may. */
export function refusal(role: Role, command: Command): string | null {
  if (!commandPermissions[role].includes(command.name)) {
    return `the ${role} role may not send ${command.name}`;
  }
  if (role !== 'operator' && operatorOnly(command)) {
    return 'only the operator can turn safe mode off';
  }
  return null;
}

export function mayRun(role: Role, command: Command): boolean {
  return refusal(role, command) === null;
}
