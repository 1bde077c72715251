import DataLoader from 'dataloader';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/connection.ts';
import type { RegionAsOf } from '../indicators/region-facts.ts';
import { rowsInSubtrees, type Subtrees } from '../loaders.ts';
import { asOfInstant, perAsOf } from '../observations.ts';
import { registerAt, type RegisterHistory } from './as-of.ts';

/** A register as it stood at one instant: its entries, and each by its id. */
export interface RegisterAtInstant<Row> {
  rows: Row[];
  byId: Map<string, Row>;
}

/** A per-request reader of one register at any instant (see `registerAtLoader`). */
export type RegisterAtReader<Row> = (instant: Date) => Promise<RegisterAtInstant<Row>>;

/**
 * One register as it stood at each instant a request asks for, read once per instant (one
 * statement) however many values, regions and unit-years of the request read it. Whole registers,
 * because `registerAt` has no narrower read and as-of requests come from report generators asking
 * for many scopes at once; current (`latest`) reads keep their narrow queries and never come here.
 * Create one per request, in the agency's loaders.
 */
export function registerAtLoader<T extends PgTable>(db: Db, table: T, register: RegisterHistory): RegisterAtReader<T['$inferSelect']> {
  const read = new Map<string, Promise<RegisterAtInstant<T['$inferSelect']>>>();
  return (instant) => {
    const key = instant.toISOString();
    let found = read.get(key);
    if (!found) {
      found = registerAt(db, table, register, instant).then((rows) => ({
        rows,
        byId: new Map(rows.map((row) => [String((row as Record<string, unknown>)[register.idField]), row])),
      }));
      read.set(key, found);
    }
    return found;
  };
}

/** A register entry by id as it stood at an as-of key: the batched current row for `latest`. */
export function entryAsOf<Row>(
  current: { load(id: string): Promise<Row | null> },
  at: RegisterAtReader<Row>,
): (id: string, asOf: string) => Promise<Row | null> {
  return (id, asOf) => {
    const instant = asOfInstant(asOf);
    return instant ? at(instant).then((register) => register.byId.get(id) ?? null) : current.load(id);
  };
}

/**
 * A register's entries inside each requested region's subtree as they stood at the key's as-of.
 * `latest` keys run `current`, the register's query of the union of their subtrees, unchanged; an
 * instant's keys take the register at that instant and apply the same subtree filter in code.
 */
export function registerInRegionLoader<Row>(
  regions: Subtrees,
  current: (codes: readonly string[]) => Promise<Row[]>,
  at: RegisterAtReader<Row>,
  regionOf: (row: Row) => string | null,
): DataLoader<RegionAsOf, Row[], string> {
  return new DataLoader<RegionAsOf, Row[], string>(
    async (keys) => {
      const answered = await perAsOf(
        keys.map((key, i) => ({ ...key, i })),
        async (group, instant) => {
          const fetch = instant ? async () => (await at(instant)).rows : current;
          const lists = await rowsInSubtrees(
            regions,
            group.map((k) => k.regionCode),
            fetch,
            regionOf,
          );
          return group.map((k, j) => ({ i: k.i, rows: lists[j]! }));
        },
      );
      const answers = new Array<Row[]>(keys.length);
      for (const group of answered.values()) for (const { i, rows } of group) answers[i] = rows;
      return answers;
    },
    { cacheKeyFn: (k) => `${k.regionCode}|${k.asOf}` },
  );
}

/**
 * A register's entries grouped by a field (an enterprise's audits by its USCC) as they stood at an
 * as-of key: the batched current list for `latest`, one whole-register read per instant otherwise.
 */
export function listAsOf<Row>(
  current: { load(key: string): Promise<Row[]> },
  at: RegisterAtReader<Row>,
  groupOf: (row: Row) => string,
): (key: string, asOf: string) => Promise<Row[]> {
  const grouped = new Map<string, Promise<Map<string, Row[]>>>();
  return (key, asOf) => {
    const instant = asOfInstant(asOf);
    if (!instant) return current.load(key);
    const iso = instant.toISOString();
    let groups = grouped.get(iso);
    if (!groups) {
      groups = at(instant).then(({ rows }) => {
        const byGroup = new Map<string, Row[]>();
        for (const row of rows) {
          const list = byGroup.get(groupOf(row));
          if (list) list.push(row);
          else byGroup.set(groupOf(row), [row]);
        }
        return byGroup;
      });
      grouped.set(iso, groups);
    }
    return groups.then((byGroup) => byGroup.get(key) ?? []);
  };
}

/** A reader of figures derived from a register at an instant (counts per county and year), for `registerInRegionLoader`. */
export function derivedAt<Row, Derived>(at: RegisterAtReader<Row>, derive: (rows: readonly Row[]) => Derived[]): RegisterAtReader<Derived> {
  return async (instant) => ({ rows: derive((await at(instant)).rows), byId: new Map() });
}
