import DataLoader from 'dataloader';
import { and, eq, sql } from 'drizzle-orm';
import type { Agency } from '../agencies.ts';
import { catalog, type IndicatorDefinition, type MetricDefinition } from '../indicators/catalog.ts';
import type { IndicatorValueKey } from '../indicators/scope.ts';
import { asOfInstant, readableObservations } from '../observations.ts';
import { NATIONAL } from '../regions/codes.ts';
import { UNIT_KINDS } from '../unit-kinds.ts';
import type { Db } from '../../db/connection.ts';
import type { ObservationTable } from '../../db/observation-table.ts';
import type { RequestMemo } from '../request-memo.ts';

/**
 * Figures one agency records about units another agency registers, as quality flags on indicator values
 * (issue 20). energy meters data centres (bigdata's register) and core machine rooms (comms') and records the
 * energy use of enterprises (econ's); comms reports racks in use per data centre. Neither can ask the register whether a unit exists, so a reading of a unit
 * nobody registered is accepted, placed in no region (only the register says where a unit lies) and counted
 * in no value. The values whose totals would include it are the nation's: the referring agency lists, for a
 * national value, the units it holds figures for (ids only: data stays with its owner); the register's owner
 * answers which of them it never registered (`unregisteredReports`, `@requires` on the list); the indicators
 * subgraph flags the value. `npm run codegen`'s selection, the resolvers and the engine iterate this table.
 */
const ROWS = [
  { referrer: 'energy', kind: 'DATA_CENTER', what: 'meter readings' },
  { referrer: 'energy', kind: 'CORE_ROOM', what: 'meter readings' },
  { referrer: 'comms', kind: 'DATA_CENTER', what: 'rack-usage reports' },
  { referrer: 'energy', kind: 'ENTERPRISE', what: 'energy-use records' },
] as const satisfies readonly { referrer: Agency; kind: keyof typeof UNIT_KINDS; what: string }[];

export type ReferencedKind = (typeof ROWS)[number]['kind'];

export interface UnitReference {
  /** The agency whose figures name the units. */
  referrer: Agency;
  kind: ReferencedKind;
  /** The agency whose register lists units of the kind (`UNIT_KINDS`). */
  register: Agency;
  /** How messages name the figures. */
  what: string;
  /** The referrer's field on the register's `<Register>IndicatorInputs`: the units it holds figures for. */
  field: string;
  /** The quality flag's stable code on an affected value. */
  flag: string;
}

export const UNIT_REFERENCES: readonly UnitReference[] = ROWS.map((row) => ({
  ...row,
  register: UNIT_KINDS[row.kind].register,
  field: `${row.referrer}ReportedUnits`,
  flag: `READINGS_OF_UNREGISTERED_${row.kind}`,
}));

/** The referrer's metrics of the reference an indicator reads (e.g. DC_TOTAL_ENERGY_KWH for a PUE). */
export function referencedMetrics(indicator: IndicatorDefinition, reference: UnitReference): MetricDefinition[] {
  return indicator.unitInputs.filter((m) => m.owner === reference.referrer && m.subject === reference.kind);
}

/** The codes those figures are stored under: an observed metric's own, or the parts it is summed from (`feeds`). */
const storedCodes = (metrics: readonly MetricDefinition[]): string[] => metrics.flatMap((m) => (m.fedBy.length > 0 ? m.fedBy : [m.code]));

/** The references a value is checked for: a national value of an indicator that reads the referred figures. */
export function referencesOf(key: Pick<IndicatorValueKey, 'indicatorCode' | 'scopeKind' | 'scopeId'>): UnitReference[] {
  if (key.scopeKind !== 'REGION' || key.scopeId !== NATIONAL) return [];
  const indicator = catalog().indicators.get(key.indicatorCode);
  return indicator ? UNIT_REFERENCES.filter((reference) => referencedMetrics(indicator, reference).length > 0) : [];
}

/** Whether the register's inputs to a value are needed to check the units another agency's figures name. */
export const checksReferencesFor = (key: Pick<IndicatorValueKey, 'indicatorCode' | 'scopeKind' | 'scopeId'>, register: Agency): boolean =>
  referencesOf(key).some((reference) => reference.register === register);

interface ReportedUnitsKey {
  kind: ReferencedKind;
  year: number;
  asOf: string;
  codes: readonly string[];
}

/**
 * One request's lists, batched: a grid asks for a national value per indicator and year, and each (kind, as-of)
 * costs one statement however many of them there are.
 */
function reportedUnitsLoader(table: ObservationTable, db: Db): DataLoader<ReportedUnitsKey, string[], string> {
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, ReportedUnitsKey[]>();
      for (const key of keys) {
        const group = `${key.kind}|${key.asOf}`;
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const found = new Map<string, Set<string>>();
      for (const group of groups.values()) {
        const { kind, asOf } = group[0]!;
        const rows = await db
          .selectDistinct({ id: table.subjectId, year: table.year, metric: table.metric })
          .from(table)
          .where(
            and(
              eq(table.subjectKind, kind),
              sql`${table.year} = any(${sql.param([...new Set(group.map((k) => k.year))])}::int[])`,
              sql`${table.metric} = any(${sql.param([...new Set(group.flatMap((k) => k.codes))])}::text[])`,
              readableObservations(table, asOfInstant(asOf)),
            ),
          );
        for (const key of group) {
          const ids = rows.filter((r) => r.year === key.year && key.codes.includes(r.metric)).map((r) => r.id);
          found.set(cacheKey(key), new Set(ids));
        }
      }
      return keys.map((key) => [...found.get(cacheKey(key))!].sort());
    },
    { cacheKeyFn: cacheKey },
  );
}

const cacheKey = (key: ReportedUnitsKey): string => `${key.kind}|${key.year}|${key.asOf}|${key.codes.join(',')}`;

/**
 * For the referrer: the units of the kind it holds readable figures for, of the metrics the value reads, in the
 * value's year as of its as-of, sorted; null where the value is not checked (not national, or reads none of them).
 */
export async function reportedUnits(
  context: { db: Db; memo: RequestMemo },
  table: ObservationTable,
  key: IndicatorValueKey,
  referrer: Agency,
  kind: ReferencedKind,
): Promise<string[] | null> {
  const reference = referencesOf(key).find((r) => r.referrer === referrer && r.kind === kind);
  if (!reference) return null;
  const codes = storedCodes(referencedMetrics(catalog().indicators.get(key.indicatorCode)!, reference));
  return context.memo.once(reportedUnitsLoader, table, context.db).load({ kind, year: key.year, asOf: key.asOf, codes });
}

/** For the register: of the ids each referrer listed, those its register (as of the value) does not hold. */
export async function unregisteredReports(
  key: IndicatorValueKey,
  register: Agency,
  listed: Record<string, unknown>,
  exists: (ids: readonly string[]) => Promise<ReadonlySet<string>>,
): Promise<{ agency: Agency; ids: string[] }[]> {
  const references = referencesOf(key).filter((r) => r.register === register);
  const lists = references.map((r) => ({ agency: r.referrer, ids: (listed[r.field] as string[] | null | undefined) ?? [] }));
  const known = await exists([...new Set(lists.flatMap((l) => l.ids))]);
  return lists.map(({ agency, ids }) => ({ agency, ids: ids.filter((id) => !known.has(id)) })).filter((l) => l.ids.length > 0);
}
