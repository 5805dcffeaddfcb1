import { z } from 'zod';

/** Who a connected client is. Each role has its own token and its own commands. */
export const role = z.enum(['display', 'operator', 'overlay', 'remote']);
export type Role = z.infer<typeof role>;
export const roles = role.options;
