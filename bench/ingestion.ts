// Ingestion benchmark of issues 4 and 20: 10,000-row observation batches through the gateway (the GraphQL
// mutation and the bulk NDJSON path) against the same rows written by a plain multi-row INSERT with the
// `postgres` driver, in the same run on the same database.
import type { Sql } from 'postgres';
import { mintToken } from '../lib/auth/tokens.ts';

export const BATCH_ROWS = 10_000;
const MONTHS = Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`);

/**
 * A batch as a metering platform sends it: for synthetic data centres (energy checks their ids for
 * format only), each month's total and IT meter readings, IT below total.
 */
function batchRows(prefix: string): { metric: string; subjectKind: 'DATA_CENTER'; subjectId: string; period: string; value: number }[] {
  const rows = [];
  for (let i = 0; rows.length < BATCH_ROWS; i++) {
    for (const period of MONTHS) {
      if (rows.length === BATCH_ROWS) break;
      const total = 100_000 + ((i * 7919 + period.length) % 50_000);
      rows.push({ metric: 'DC_TOTAL_ENERGY_KWH', subjectKind: 'DATA_CENTER' as const, subjectId: `${prefix}-${i}`, period, value: total });
      rows.push({ metric: 'DC_IT_ENERGY_KWH', subjectKind: 'DATA_CENTER' as const, subjectId: `${prefix}-${i}`, period, value: Math.round(total * 0.72) });
    }
  }
  return rows;
}

const SUBMIT = `mutation($rows: [ObservationInput!]!, $key: String) {
  submitEnergyObservations(rows: $rows, idempotencyKey: $key, sourceSystem: "bench") { applied created rejected problems { row code message } }
}`;

export interface IngestionResult {
  batches: number;
  rowsPerBatch: number;
  /** Median rows per second of each writer's batches (each batch timed on its own, the writers taking turns). */
  gatewayRowsPerSecond: number;
  bulkRowsPerSecond: number;
  rawInsertRowsPerSecond: number;
  /** GraphQL mutation ÷ raw: the median of the per-turn ratios. */
  ratio: number;
  /** Bulk path (`POST /ingest/energy/observations`, NDJSON) ÷ raw: the median of the per-turn ratios; the goal is ≥ 0.7. */
  bulkRatio: number;
  /** Each turn's rows per second, for the record. */
  turns: { gateway: number; bulk: number; raw: number }[];
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function rate(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return BATCH_ROWS / ((performance.now() - started) / 1000);
}

type Writer = 'gateway' | 'bulk' | 'raw';
const WRITERS: readonly Writer[] = ['raw', 'gateway', 'bulk'];

/**
 * Times the three writers batch by batch, taking turns and rotating who goes first (as `measureInTurns` does
 * for the grids): this machine's speed drifts within a minute, and writers timed in blocks one after the
 * other would be compared on different machines. The ratios are taken within each turn, then their median.
 */
export async function benchIngestion(sql: Sql, gatewayUrl: string, batches: number): Promise<IngestionResult> {
  const run = `${Date.now().toString(36)}`;
  const authorization = `Bearer ${await mintToken({ subject: 'bench-loader', agency: 'energy', roles: ['writer'] })}`;
  const ingestUrl = new URL('/ingest/energy/observations', gatewayUrl);

  const write: Record<Writer, (b: number) => Promise<void>> = {
    gateway: async (b) => {
      const rows = batchRows(`BENCH-GW-${run}-${b}`);
      const res = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query: SUBMIT, variables: { rows, key: `bench-${run}-${b}` } }),
      });
      const body = (await res.json()) as {
        data?: { submitEnergyObservations: { applied: boolean; created: number; rejected: number; problems: unknown[] } | null };
        errors?: unknown[];
      };
      const summary = body.data?.submitEnergyObservations;
      if (!summary?.applied || summary.created !== BATCH_ROWS)
        throw new Error(`ingestion batch not applied: ${JSON.stringify(body.errors ?? summary?.problems.slice(0, 3))}`);
    },
    bulk: async (b) => {
      const rows = batchRows(`BENCH-BULK-${run}-${b}`);
      ingestUrl.search = new URLSearchParams({ idempotencyKey: `bench-bulk-${run}-${b}`, sourceSystem: 'bench' }).toString();
      const res = await fetch(ingestUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', authorization },
        body: rows.map((r) => JSON.stringify(r)).join('\n'),
      });
      const summary = (await res.json()) as { applied?: boolean; created?: number; problems?: unknown[]; error?: unknown };
      if (!summary.applied || summary.created !== BATCH_ROWS)
        throw new Error(`bulk ingestion batch not applied: ${JSON.stringify(summary.error ?? summary.problems?.slice(0, 3))}`);
    },
    // The baseline: plain multi-row INSERTs, chunked under Postgres' 65,535 bind-parameter limit.
    raw: async (b) => {
      const rows = batchRows(`BENCH-RAW-${run}-${b}`).map((r) => ({
        metric: r.metric,
        subject_kind: r.subjectKind,
        subject_id: r.subjectId,
        period: r.period,
        year: 2024,
        value: r.value,
        status: 'FINAL',
      }));
      await sql.begin(async (tx) => {
        for (let i = 0; i < rows.length; i += 5_000) await tx`insert into energy.observation ${tx(rows.slice(i, i + 5_000))}`;
      });
    },
  };

  for (const writer of WRITERS) await write[writer](-1); // warm-up, not timed
  const turns: IngestionResult['turns'] = [];
  for (let b = 0; b < batches; b++) {
    const turn = {} as Record<Writer, number>;
    for (let i = 0; i < WRITERS.length; i++) {
      const writer = WRITERS[(b + i) % WRITERS.length]!;
      turn[writer] = await rate(() => write[writer](b));
    }
    turns.push(turn);
  }

  // The benchmark's own rows would otherwise pile up run after run (with --skip-seed) and slow the grid's statements.
  await sql`delete from energy.observation where subject_id like 'BENCH-%'`;
  return {
    batches,
    rowsPerBatch: BATCH_ROWS,
    gatewayRowsPerSecond: median(turns.map((t) => t.gateway)),
    bulkRowsPerSecond: median(turns.map((t) => t.bulk)),
    rawInsertRowsPerSecond: median(turns.map((t) => t.raw)),
    ratio: median(turns.map((t) => t.gateway / t.raw)),
    bulkRatio: median(turns.map((t) => t.bulk / t.raw)),
    turns,
  };
}
