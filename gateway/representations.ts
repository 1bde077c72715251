/**
 * Apollo Gateway sends one entity representation per occurrence; a dashboard grid mentions the same
 * data-centre year once per indicator. These helpers let a data source send each distinct one once.
 */

/**
 * A flat representation's identity: its fields are scalars or lists of scalars (a population's member
 * ids). Undefined when it carries nested objects (a cell's @requires inputs, one per cell).
 */
export function flatKey(representation: Record<string, unknown>): string | undefined {
  let key = '';
  for (const field in representation) {
    const value = representation[field];
    if (Array.isArray(value)) {
      if (value.some((item) => item !== null && typeof item === 'object')) return undefined;
      key += `${field}\u0000a${JSON.stringify(value)}\u0000`;
    } else if (value !== null && typeof value === 'object') {
      return undefined;
    } else {
      // The type tag keeps null, the string "null" and the number apart.
      key += `${field}\u0000${typeof value === 'string' ? 's' : value === null ? 'n' : 'v'}${String(value)}\u0000`;
    }
  }
  return key;
}

export interface Deduplicated {
  /** Each distinct representation once, in order of first occurrence. */
  unique: unknown[];
  /** For each original position, its index in `unique`. */
  slot: number[];
}

/** The distinct representations of a fetch, or undefined when none repeats or any carries nested inputs. */
export function deduplicate(representations: readonly Record<string, unknown>[]): Deduplicated | undefined {
  const positions = new Map<string, number>();
  const unique: unknown[] = [];
  const slot: number[] = [];
  for (const representation of representations) {
    const key = flatKey(representation);
    if (key === undefined) return undefined;
    let at = positions.get(key);
    if (at === undefined) {
      at = unique.length;
      positions.set(key, at);
      unique.push(representation);
    }
    slot.push(at);
  }
  return unique.length === representations.length ? undefined : { unique, slot };
}
