import { z } from 'zod';
import { itemId } from './fields';

/** Fields every item file has. `id` defaults to the file name without its extension. */
export const itemBase = {
  id: itemId,
  /** Hides names and faces in safe mode (rallies). */
  sensitive: z.boolean().default(false),
};

/**
 * Kinds that show a person (a case: name, face, counter; a drawing: a prisoner's work, signed)
 * are sensitive unless the file says `sensitive: false`. A forgotten line must hide someone,
 * not put them on screen at a rally.
 */
export const personBase = { ...itemBase, sensitive: z.boolean().default(true) };
