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
  display: [],
  overlay: [],
};

export function mayRun(role: Role, name: CommandName): boolean {
  return commandPermissions[role].includes(name);
}
