// Ingestion benchmark of issue 4: 10,000-row observation batches through the gateway against the same
// rows written by a plain multi-row INSERT with the `postgres` driver, in the same run on the same database.
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
  gatewayRowsPerSecond: number;
  rawInsertRowsPerSecond: number;
  /** Gateway ÷ raw; the goal is ≥ 0.5. */
  ratio: number;
}

async function timed(batches: number, run: (batch: number) => Promise<void>): Promise<number> {
  await run(-1); // warm-up, not timed
  const started = performance.now();
  for (let b = 0; b < batches; b++) await run(b);
  return (batches * BATCH_ROWS) / ((performance.now() - started) / 1000);
}

export async function benchIngestion(sql: Sql, gatewayUrl: string, batches: number): Promise<IngestionResult> {
  const run = `${Date.now().toString(36)}`;
  const authorization = `Bearer ${await mintToken({ subject: 'bench-loader', agency: 'energy', roles: ['writer'] })}`;

  const gatewayRowsPerSecond = await timed(batches, async (b) => {
    const rows = batchRows(`BENCH-GW-${run}-${b}`);
    const res = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query: SUBMIT, variables: { rows, key: `bench-${run}-${b}` } }),
    });
    const body = (await res.json()) as { data?: { submitEnergyObservations: { applied: boolean; created: number; rejected: number; problems: unknown[] } | null }; errors?: unknown[] };
    const summary = body.data?.submitEnergyObservations;
    if (!summary?.applied || summary.created !== BATCH_ROWS) throw new Error(`ingestion batch not applied: ${JSON.stringify(body.errors ?? summary?.problems.slice(0, 3))}`);
  });

  // The baseline: plain multi-row INSERTs, chunked under Postgres' 65,535 bind-parameter limit.
  const rawInsertRowsPerSecond = await timed(batches, async (b) => {
    const rows = batchRows(`BENCH-RAW-${run}-${b}`).map((r) => ({ metric: r.metric, subject_kind: r.subjectKind, subject_id: r.subjectId, period: r.period, year: 2024, value: r.value, status: 'FINAL' }));
    await sql.begin(async (tx) => {
      for (let i = 0; i < rows.length; i += 5_000) await tx`insert into energy.observation ${tx(rows.slice(i, i + 5_000))}`;
    });
  });

  // The benchmark's own rows would otherwise pile up run after run (with --skip-seed) and slow the grid's statements.
  await sql`delete from energy.observation where subject_id like 'BENCH-%'`;
  return { batches, rowsPerBatch: BATCH_ROWS, gatewayRowsPerSecond, rawInsertRowsPerSecond, ratio: gatewayRowsPerSecond / rawInsertRowsPerSecond };
}
