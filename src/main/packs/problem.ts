/**
 * Why a pack was refused, as a key of the `core` catalog's `eventPack.*` messages and its
 * parameters: the CLI (or any other caller) says it in the reader's language.
 */
export interface PackProblem {
  key: string;
  params: Record<string, string | number>;
}

/** Thrown inside the pack modules; `exportPack` and `importPack` turn it into a result. */
export class PackRefusal extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'PackRefusal';
  }

  get problem(): PackProblem {
    return { key: this.key, params: this.params };
  }
}

export const refuse = (key: string, params: Record<string, string | number> = {}): never => {
  throw new PackRefusal(key, params);
};
