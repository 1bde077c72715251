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

/**
 * Rows inside each requested region's subtree (the region and everything below it), fetched for
 * the union of subtrees in one statement: `fetch` receives county-or-higher codes to match.
 */
export function subtreeLoader<R>(
  regions: { selfAndDescendants(code: string): string[]; find(code: string): unknown },
  fetch: (codes: readonly string[]) => Promise<R[]>,
  regionOf: (row: R) => string | null,
): DataLoader<string, R[]> {
  return new DataLoader<string, R[]>(async (codes) => {
    const subtrees = codes.map((code) => new Set(regions.find(code) ? regions.selfAndDescendants(code) : []));
    const rows = await fetch([...new Set(subtrees.flatMap((s) => [...s]))]);
    return subtrees.map((subtree) => rows.filter((row) => {
      const code = regionOf(row);
      return code === null || subtree.has(code);
    }));
  });
}
