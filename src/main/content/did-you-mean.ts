/* "Did you mean": the field names a schema allows at a path, and the one a misspelt key
   was most likely meant to be. */

/**
 * Edit distance, with two swapped neighbours counted as one edit (`mian` for `main`): the
 * typos people make, for "did you mean".
 */
function distance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, before[j - 2]! + 1);
      }
      row.push(d);
    }
    before = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/** How a name compares: case, spaces, dashes and underscores do not count (`Time zone` = `timeZone`). */
function loose(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/**
 * The known name `key` was most likely meant to be, if one is close enough: a field, a value
 * of a list of choices, a kind, an item id, a file.
 */
export function closest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    if (candidate === key) continue;
    const d =
      loose(candidate) === loose(key) ? 0 : distance(key.toLowerCase(), candidate.toLowerCase());
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

/**
 * Field names people reach for that edit distance cannot find (another word for the same
 * thing, or the field another kind uses), per item kind, keyed by the field as shown
 * (`credit`, `photo.credits`). Each maps to the fields meant, as shown.
 */
const knownConfusions: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  case: {
    credit: ['photo.credit'],
    image: ['photo'],
    arrest: ['arrested'],
    detained: ['arrested'],
    release: ['released'],
    freed: ['released'],
    sentence: ['sentences'],
    description: ['summary'],
    bio: ['summary'],
    text: ['body'],
    date: ['asOf'],
    updated: ['asOf'],
  },
  drawing: {
    credit: ['artist', 'licence'],
    credits: ['artist', 'licence'],
    author: ['artist'],
    file: ['image'],
    photo: ['image'],
    src: ['image'],
    date: ['made'],
    year: ['made'],
    description: ['caption'],
    name: ['title'],
    license: ['licence'],
  },
  event: {
    date: ['start'],
    time: ['start'],
    begin: ['start'],
    location: ['venue'],
    place: ['venue'],
    where: ['venue'],
    link: ['url'],
    website: ['url'],
    name: ['title'],
  },
  song: {
    lyrics: ['sections'],
    text: ['sections'],
    lines: ['sections'],
    author: ['artist'],
    band: ['artist'],
    lang: ['language'],
    youtube: ['video'],
    credit: ['credits'],
  },
  action: {
    link: ['url'],
    website: ['url'],
    cta: ['callToAction'],
    button: ['callToAction'],
    campaignTag: ['tagLink'],
    name: ['title'],
  },
  statement: {
    body: ['text'],
    quote: ['text'],
    by: ['author'],
  },
  playlist: {
    entries: ['items'],
    slides: ['items'],
    random: ['shuffle'],
    name: ['title'],
  },
  setlist: {
    items: ['songs'],
    between: ['interlude'],
    name: ['title'],
  },
  pack: {
    language: ['languages'],
    tag: ['campaignTag'],
    playlist: ['defaultPlaylist'],
  },
};

/** The fields a misplaced `field` of a `kind` file (`pack` for pack.yaml) most likely meant. */
export function knownConfusion(kind: string, field: string): readonly string[] {
  const table = knownConfusions[kind];
  return (table && Object.hasOwn(table, field) ? table[field] : undefined) ?? [];
}
