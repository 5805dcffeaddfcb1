import type enCore from './locales/en/core.json';
import type enProblems from './locales/en/problems.json';

type PluralSuffix = '_zero' | '_one' | '_two' | '_few' | '_many' | '_other';
type WithoutPlural<K extends string> = K extends `${infer Base}${PluralSuffix}` ? Base : K;

/** Every message path of a catalog, `a.b.c`, plural forms folded into their base key. */
type MessagePaths<T, Prefix extends string = ''> = {
  [K in Exclude<keyof T, '_meta'> & string]: T[K] extends string
    ? `${Prefix}${WithoutPlural<K>}`
    : MessagePaths<T[K], `${Prefix}${K}.`>;
}[Exclude<keyof T, '_meta'> & string];

/** A key of the `problems` catalog: a typo is a type error, not an English key on screen. */
export type ProblemKey = MessagePaths<typeof enProblems>;
/** A key of the `core` catalog (notices, refusals, command and OBS errors). */
export type CoreKey = MessagePaths<typeof enCore>;
