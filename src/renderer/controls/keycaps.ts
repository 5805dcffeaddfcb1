import type { TFunction } from 'i18next';
import type { KeycapName } from '../../shared/actions';

/** The reader's words for the keycaps that carry one (Space, Esc, PgDn…), from `common:keycap`. */
export function keycapNamer(t: TFunction): (keycap: KeycapName) => string {
  return (keycap) => t(`common:keycap.${keycap}`);
}
