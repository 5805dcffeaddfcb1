/** Reading EBML (the encoding under Matroska and WebM): variable-length ids and sizes. */

export interface Vint {
  /** The value; for an id, with its length marker kept (ids are written that way: 0x1A45DFA3). */
  value: number;
  length: number;
  /** A size of all ones: "unknown", as live recorders write for the Segment and Clusters. */
  unknown: boolean;
}

export function readVint(data: Buffer, at: number, keepMarker: boolean): Vint | undefined {
  const first = data[at];
  if (first === undefined || first === 0) return undefined;
  const length = Math.clz32(first) - 23;
  if (at + length > data.length) return undefined;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const byte = data[at + i]!;
    value = value * 256 + byte;
    if (byte !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

export interface Element {
  id: number;
  /** Where the element's content starts, and its length (Infinity when unknown). */
  start: number;
  size: number;
}

/** The element header at `at`, or undefined when the bytes do not hold one. */
export function readElementHeader(data: Buffer, at: number): Element | undefined {
  const id = readVint(data, at, true);
  if (!id || id.length > 4) return undefined;
  const size = readVint(data, at + id.length, false);
  if (!size) return undefined;
  return {
    id: id.value,
    start: at + id.length + size.length,
    size: size.unknown ? Infinity : size.value,
  };
}

/** The children of a buffered element's content; stops at one that runs past `to`. */
export function children(data: Buffer, from: number, to: number): Element[] {
  const found: Element[] = [];
  let at = from;
  while (at < to) {
    const element = readElementHeader(data, at);
    if (!element || element.start + element.size > to) break;
    found.push(element);
    at = element.start + element.size;
  }
  return found;
}

export function readUint(data: Buffer, element: Element): number {
  let value = 0;
  for (let i = 0; i < element.size && i < 8; i++) value = value * 256 + data[element.start + i]!;
  return value;
}

export function readFloat(data: Buffer, element: Element): number | undefined {
  if (element.size === 4) return data.readFloatBE(element.start);
  if (element.size === 8) return data.readDoubleBE(element.start);
  return undefined;
}

export function readString(data: Buffer, element: Element): string {
  return data.toString('latin1', element.start, element.start + element.size).replace(/\0+$/, '');
}
