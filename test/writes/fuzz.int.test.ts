import { readFileSync } from 'node:fs';
import { count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection.ts';
import type { ObservationTable } from '../../db/observation-table.ts';
import { dataCenter } from '../../subgraphs/bigdata/tables.ts';
import { observation as commsObservation } from '../../subgraphs/comms/tables.ts';
import { observation as energyObservation } from '../../subgraphs/energy/tables.ts';
import { dataCenterRow } from '../bigdata/fixtures.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { bearer } from '../support/tokens.ts';
import type { ImportProblem } from '../support/observations.ts';

// Property-based: random observation batches (good rows mixed with every kind of bad input the fuzzing
// of issue 20 found) go to energy and comms through the gateway, and after each one the invariants of
// the write path hold and the anonymous Chongqing dashboard still answers. Bounded in time: it stops
// after TIME_LIMIT_MS however many runs that allowed, so `npm test` stays within its minute.

const TIME_LIMIT_MS = 40_000;

/** The stable codes of the schema's ImportProblemCode enum. */
const PROBLEM_CODES = new Set(
  [
    ...readFileSync('lib/schema/writes.graphql', 'utf8')
      .match(/enum ImportProblemCode \{([\s\S]*?)\n\}/)![1]!
      .matchAll(/^\s+([A-Z_]+)\s*$/gm),
  ].map((m) => m[1]!),
);

/** What a client must never read: SQL, connection strings, internal addresses. */
const LEAK = /\b(select|insert into|update .* set|from [a-z_]+\.[a-z_]+)\b|postgres(ql)?:\/\/|\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(:\d+)?\b|ECONNREFUSED/i;

let fed: TestFederation;
const writers: Record<'energy' | 'comms', Record<string, string>> = {} as never;
const DCS = ['DC-CQ-1', 'DC-CQ-2', 'DC-CQ-3'];

beforeAll(async () => {
  fed = await startTestFederation();
  writers.energy = await bearer('energy', ['writer'], 'energy-fuzz');
  writers.comms = await bearer('comms', ['writer'], 'comms-fuzz');
  await fed.databases.bigdata.db.insert(dataCenter).values(DCS.map((id, i) => dataCenterRow(id, { regionCode: '500112', designRacks: 1000 * (i + 1) })));
});
afterAll(() => fed?.stop());

// ── the generators ───────────────────────────────────────────────────────────
const nasty = fc.constantFrom('\u0000', '\ud800', '\udfff', '\u0007', '\n', '😀', '重庆', ' ', '', 'a'.repeat(80));
const spoil = (good: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: fc.tuple(good, nasty).map(([g, n]) => g + n) }, { weight: 1, arbitrary: nasty });
const metricOf = { energy: ['DC_TOTAL_ENERGY_KWH', 'DC_IT_ENERGY_KWH'], comms: ['RACKS_IN_USE'] } as const;
const strangers = ['constructor', 'toString', '__proto__', 'RACKS_RETIRED', 'DC_RENEWABLE_KWH', 'NO_SUCH_METRIC'];
const period = (agency: 'energy' | 'comms') =>
  agency === 'energy'
    ? fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: 1, max: 12 }).map((m) => `2024-${String(m).padStart(2, '0')}`) },
        { weight: 1, arbitrary: fc.constantFrom('2024', '2019-05', '2999-01', '2024-13') },
      )
    : fc.oneof({ weight: 6, arbitrary: fc.constantFrom('2023', '2024') }, { weight: 1, arbitrary: fc.constantFrom('2024-01', '2019', '2999') });
const value = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 5_000_000 }) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom<number | string>(1.7e308, 3e9, 2 ** 31, -1, 0.5, '12.5', 'NaN', '1e400', 'Infinity', '12\u0000', '\ud800') },
);

const row = (agency: 'energy' | 'comms') =>
  fc.record({
    metric: fc.oneof({ weight: 8, arbitrary: spoil(fc.constantFrom(...metricOf[agency])) }, { weight: 1, arbitrary: fc.constantFrom(...strangers) }),
    subjectKind: fc.constant('DATA_CENTER'),
    subjectId: spoil(fc.constantFrom(...DCS)),
    period: spoil(period(agency)),
    value,
    comment: fc.option(spoil(fc.constantFrom('meter read', '抄表')), { nil: undefined }),
  });

const batch = fc
  .constantFrom('energy' as const, 'comms' as const)
  .chain((agency) =>
    fc.record({ agency: fc.constant(agency), rows: fc.array(row(agency), { minLength: 1, maxLength: 8 }), atomic: fc.boolean(), dryRun: fc.boolean() }),
  );

// ── one request, as a client sees it ─────────────────────────────────────────
type Problem = ImportProblem;
interface Summary {
  batchId: string | null;
  applied: boolean;
  received: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  problems: Problem[];
}
interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(fed.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  expect(text).not.toMatch(LEAK);
  return { status: response.status, body: JSON.parse(text) as Answer['body'] };
}

const storeOf = (agency: 'energy' | 'comms'): { database: Database; table: ObservationTable } =>
  agency === 'energy' ? { database: fed.databases.energy, table: energyObservation } : { database: fed.databases.comms, table: commsObservation };

async function revisions(agency: 'energy' | 'comms'): Promise<number> {
  const { database, table } = storeOf(agency);
  const [row] = await database.db.select({ n: count() }).from(table);
  return row!.n;
}

const DASHBOARD_CUBE = `{ indicatorCube(regions: ["500000", "500112"], years: [2023, 2024]) { values statuses } }`;
const DASHBOARD_VALUES = `{ indicatorValues(codes: ["DC_PUE", "DC_RACK_UTILISATION", "NEW_LARGE_DC_PUE"], regions: ["500000", "500112"], years: [2024]) { value status } }`;

describe('random observation batches through the gateway', () => {
  it(
    'never answer 5xx, write exactly their good rows, and leave the Chongqing dashboard answering',
    async () => {
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(batch, async ({ agency, rows, atomic, dryRun }) => {
          runs++;
          const field = `submit${agency === 'energy' ? 'Energy' : 'Comms'}Observations`;
          const before = await revisions(agency);
          const answer = await post(
            `mutation($rows: [ObservationInput!]!, $atomic: Boolean, $dryRun: Boolean) { ${field}(rows: $rows, atomic: $atomic, dryRun: $dryRun) { batchId applied received created updated unchanged rejected problems { row field code message } } }`,
            { rows, atomic, dryRun },
            writers[agency],
          );
          expect(answer.status).toBeLessThan(500);
          expect(answer.body.errors).toBeUndefined();
          const summary = answer.body.data![field] as Summary;

          // Every problem names its row, its field and a stable code; rejected counts the rows with one.
          for (const p of summary.problems) {
            expect(p.row).toBeGreaterThanOrEqual(0);
            expect(p.row).toBeLessThan(rows.length);
            expect(p.field).toMatch(/^[a-zA-Z]+$/);
            expect(PROBLEM_CODES).toContain(p.code);
          }
          const bad = new Set(summary.problems.map((p) => p.row));
          expect(summary.rejected).toBe(bad.size);

          const written = (await revisions(agency)) - before;
          if (dryRun || (atomic && bad.size > 0)) {
            // A dry run, or an atomic batch with a rejection, writes nothing.
            expect(written).toBe(0);
            expect(summary.applied).toBe(false);
          } else {
            // Exactly the good rows: each new or changed, or unchanged; one revision per change, none for a rejected row.
            const good = rows.filter((_, i) => !bad.has(i));
            expect(summary.created + summary.updated + summary.unchanged).toBe(good.length);
            expect(written).toBe(summary.created + summary.updated);
            const { database, table } = storeOf(agency);
            const stored = await database.db
              .select({ metric: table.metric, subjectId: table.subjectId, period: table.period, value: table.value })
              .from(table)
              .where(eq(table.batchId, summary.batchId!));
            const goodKeys = new Map(good.map((r) => [`${r.metric}|${r.subjectId}|${r.period}`, Number(r.value)]));
            for (const s of stored) expect(goodKeys.get(`${s.metric}|${s.subjectId}|${s.period}`)).toBe(s.value);
          }

          // The anonymous dashboard grid still answers, through both APIs.
          for (const query of [DASHBOARD_CUBE, DASHBOARD_VALUES]) {
            const read = await post(query, {}, {});
            expect(read.status).toBe(200);
            expect(read.body.errors).toBeUndefined();
          }
        }),
        { numRuns: 400, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false },
      );
      // The time limit must leave room for a meaningful number of batches.
      expect(runs).toBeGreaterThan(20);
    },
    TIME_LIMIT_MS + 30_000,
  );
});
