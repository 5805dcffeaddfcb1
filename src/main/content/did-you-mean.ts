/* "Did you mean": the field names a schema allows at a path, and the one a misspelt key
   was most likely meant to be. */

/** Edit distance, for "did you mean" on misspelt field names. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The known name `key` was most likely meant to be, if one is close enough. */
export function closest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d =
      candidate.toLowerCase() === key.toLowerCase()
        ? 0
        : distance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.min(3, Math.floor(key.length / 3)))
    ? best
    : undefined;
}

interface SchemaDef {
  type?: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  element?: unknown;
  options?: unknown[];
  in?: unknown;
}

function defOf(schema: unknown): SchemaDef | undefined {
  return (schema as { _zod?: { def?: SchemaDef } } | undefined)?._zod?.def;
}

/** The field names an object schema allows at `path`, for "did you mean" hints. */
export function knownKeysAt(schema: unknown, path: readonly PropertyKey[]): string[] {
  const candidates: unknown[] = [schema];
  const result = new Set<string>();
  const visit = (node: unknown, rest: readonly PropertyKey[], depth: number): void => {
    const def = defOf(node);
    if (!def || depth > 20) return;
    switch (def.type) {
      case 'optional':
      case 'default':
      case 'prefault':
      case 'nullable':
      case 'readonly':
        visit(def.innerType, rest, depth + 1);
        return;
      case 'pipe':
        visit(def.in, rest, depth + 1);
        return;
      case 'union':
        for (const option of def.options ?? []) visit(option, rest, depth + 1);
        return;
      case 'array':
        if (rest.length > 0) visit(def.element, rest.slice(1), depth + 1);
        return;
      case 'object': {
        const shape = def.shape ?? {};
        if (rest.length === 0) {
          for (const key of Object.keys(shape)) result.add(key);
        } else {
          const next = shape[String(rest[0])];
          if (next) visit(next, rest.slice(1), depth + 1);
        }
        return;
      }
      default:
        return;
    }
  };
  for (const candidate of candidates) visit(candidate, path, 0);
  return [...result];
}
