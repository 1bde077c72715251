import DataLoader from 'dataloader';

/**
 * One SQL statement per batch, answers in key order. `fetch` receives the distinct keys of one
 * tick and returns rows in any order; rows are matched back by `keyOf`.
 */
export function rowLoader<K, R>(
  fetch: (keys: readonly K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
  cacheKey: (key: K) => string = String,
): DataLoader<K, R | null, string> {
  return new DataLoader<K, R | null, string>(
    async (keys) => {
      const rows = await fetch(keys);
      const byKey = new Map(rows.map((row) => [cacheKey(keyOf(row)), row]));
      return keys.map((key) => byKey.get(cacheKey(key)) ?? null);
    },
    { cacheKeyFn: cacheKey, maxBatchSize: 5000 },
  );
}

/** Child lists: all children of a batch of parents in one statement, grouped per parent. */
export function listLoader<K, R>(
  fetch: (keys: readonly K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
  cacheKey: (key: K) => string = String,
): DataLoader<K, R[], string> {
  return new DataLoader<K, R[], string>(
    async (keys) => {
      const rows = await fetch(keys);
      const groups = new Map<string, R[]>();
      for (const row of rows) {
        const k = cacheKey(keyOf(row));
        const group = groups.get(k);
        if (group) group.push(row);
        else groups.set(k, [row]);
      }
      return keys.map((key) => groups.get(cacheKey(key)) ?? []);
    },
    { cacheKeyFn: cacheKey, maxBatchSize: 5000 },
  );
}

/** Cache key for (id, year) entity keys. */
export const yearKey = (key: { id: string; year: number }): string => `${key.id}|${key.year}`;

/** What subtree reads need of the region directory. */
export interface Subtrees {
  selfAndDescendants(code: string): string[];
  find(code: string): unknown;
}

/**
 * Each region's rows inside its subtree (the region and everything below it; a row without a region
 * belongs everywhere), from one fetch for the union of the subtrees: `fetch` receives
 * county-or-higher codes to match.
 */
export async function rowsInSubtrees<R>(
  regions: Subtrees,
  codes: readonly string[],
  fetch: (codes: readonly string[]) => Promise<readonly R[]>,
  regionOf: (row: R) => string | null,
): Promise<R[][]> {
  const subtrees = codes.map((code) => new Set(regions.find(code) ? regions.selfAndDescendants(code) : []));
  const rows = await fetch([...new Set(subtrees.flatMap((s) => [...s]))]);
  return subtrees.map((subtree) =>
    rows.filter((row) => {
      const code = regionOf(row);
      return code === null || subtree.has(code);
    }),
  );
}

/** Rows inside each requested region's subtree, fetched for the union of subtrees in one statement. */
export function subtreeLoader<R>(
  regions: Subtrees,
  fetch: (codes: readonly string[]) => Promise<R[]>,
  regionOf: (row: R) => string | null,
): DataLoader<string, R[]> {
  return new DataLoader<string, R[]>((codes) => rowsInSubtrees(regions, codes, fetch, regionOf));
}
