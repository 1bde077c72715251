// A round of corrections and withdrawals, sent through our gateway after seeding as agencies send them:
// production tables carry history, so the grid's readers (ours, the peer's, the SQL floor) must pick the
// revisions in force. Without this the floor could ignore revisions and still agree.
import type { Sql } from 'postgres';
import { mintToken } from '../lib/auth/tokens.ts';
import { CHONGQING } from '../lib/regions/codes.ts';

type Agency = 'comms' | 'energy';
interface Row {
  metric: string;
  subjectKind: 'REGION' | 'DATA_CENTER';
  subjectId: string;
  period: string;
  value?: number;
}

const MUTATION: Record<Agency, string> = { comms: 'submitCommsObservations', energy: 'submitEnergyObservations' };

async function submit(gatewayUrl: string, agency: Agency, strategy: 'UPSERT' | 'DELETE', rows: Row[]): Promise<number> {
  const authorization = `Bearer ${await mintToken({ subject: `bench-corrections-${agency}`, agency, roles: ['writer'] })}`;
  const query = `mutation($rows: [ObservationInput!]!) { ${MUTATION[agency]}(rows: $rows, strategy: ${strategy}, sourceSystem: "bench-corrections") { applied updated deleted problems { row code message } } }`;
  const res = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query, variables: { rows } }),
  });
  const body = (await res.json()) as {
    data?: Record<string, { applied: boolean; updated: number; deleted: number; problems: unknown[] } | null>;
    errors?: unknown[];
  };
  const summary = body.data?.[MUTATION[agency]];
  const changed = strategy === 'DELETE' ? summary?.deleted : summary?.updated;
  if (!summary?.applied || changed !== rows.length)
    throw new Error(`${agency} corrections not applied: ${JSON.stringify(body.errors ?? summary)}`.slice(0, 500));
  return rows.length;
}

/** Current observations of Chongqing's data centres and counties, every `nth` of them by revision, for the corrections. */
async function sample(sql: Sql, schema: Agency, metric: string, years: number[], nth: number): Promise<(Row & { value: number })[]> {
  const rows = await sql<{ subjectKind: Row['subjectKind']; subjectId: string; period: string; value: number }[]>`
    with recursive tree(code) as (
      select code from bigdata.region where code = ${CHONGQING}
      union all select r.code from tree t join bigdata.region r on r.parent_code = t.code),
    subjects as (select code as id from tree union all select dc.id from bigdata.data_center dc join tree t on t.code = dc.region_code)
    select subject_kind as "subjectKind", subject_id as "subjectId", period, value from ${sql(schema)}.observation
     where superseded_at is null and not deleted and value > 0 and metric = ${metric} and year = any(${years}) and subject_id in (select id from subjects)
     order by revision`;
  return rows.filter((_, i) => i % nth === 0).map((r) => ({ metric, ...r }));
}

export async function applyCorrections(sql: Sql, gatewayUrl: string): Promise<{ corrected: number; withdrawn: number }> {
  const scaled = (rows: (Row & { value: number })[], factor: number) => rows.map((r) => ({ ...r, value: Math.round(r.value * factor * 100) / 100 }));
  const withdrawals = (rows: Row[]) => rows.map(({ value: _, ...key }) => key);
  const corrected = [
    await submit(gatewayUrl, 'energy', 'UPSERT', scaled(await sample(sql, 'energy', 'DC_TOTAL_ENERGY_KWH', [2024, 2025], 5), 1.04)),
    await submit(gatewayUrl, 'energy', 'UPSERT', scaled(await sample(sql, 'energy', 'TELECOM_ENERGY_TCE', [2020, 2023], 9), 0.97)),
    await submit(
      gatewayUrl,
      'comms',
      'UPSERT',
      (await sample(sql, 'comms', 'RACKS_IN_USE', [2023, 2025], 6)).map((r) => ({ ...r, value: Math.max(0, r.value - 3) })),
    ),
    await submit(gatewayUrl, 'comms', 'UPSERT', scaled(await sample(sql, 'comms', 'INFORMATION_TRAFFIC_GB', [2021, 2024], 7), 1.1)),
  ].reduce((a, b) => a + b, 0);
  const withdrawn = [
    await submit(gatewayUrl, 'energy', 'DELETE', withdrawals((await sample(sql, 'energy', 'DC_RENEWABLE_GREEN_POWER_KWH', [2022, 2025], 4)).slice(0, 5))),
    await submit(gatewayUrl, 'comms', 'DELETE', withdrawals((await sample(sql, 'comms', 'RACKS_IN_USE', [2021], 8)).slice(0, 3))),
  ].reduce((a, b) => a + b, 0);
  return { corrected, withdrawn };
}
