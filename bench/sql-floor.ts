import type postgres from 'postgres';

/**
 * The benchmark's floor: the dashboard grid computed by hand-written SQL straight from the four
 * agencies' tables on one database, with the catalog's semantics (current revisions only, ratios of
 * sums, a stock's last period in the year, a missing input makes the value unknown; a region's own flow
 * figure first, else the sum of the regions directly below when all of them have one; a ratio over units
 * computed over the units that reported every input, total and IT energy for the same months and for every month the
 * unit was in service, published when they hold at least 90 % of the population's design racks (data centres) or units
 * (core rooms), and no value over an empty population).
 * The SQL aggregates; a few lines of arithmetic below apply the formulas.
 */

/** The catalog's default least coverage (catalog/indicators.yaml `coverage.minimum`, the same for every floor indicator). */
const MINIMUM_COVERAGE = 0.9;
export const FLOOR_INDICATORS = [
  'ICT_TRAFFIC_ENERGY_DECREASE',
  'ICT_BUSINESS_ENERGY_DECREASE',
  'NEW_5G_SITE_SHARING_RATE',
  'NEW_TOWER_SHARING_RATE',
  'NEW_5G_SITE_UTILISATION',
  'NEW_LARGE_DC_PUE',
  'CORE_ROOM_PUE',
  'BS_5G_EFFICIENCY_GAIN',
  'DC_RACK_UTILISATION',
  'DC_CLUSTER_SHARE',
  'NATIONAL_GREEN_DC_COUNT',
  'DC_RENEWABLE_RATE',
  'SCENARIO_INDUSTRY_COUNT',
  'SCENARIO_RESIDENT_COUNT',
  'SCENARIO_URBAN_RURAL_COUNT',
  'GREEN_STANDARDS_COUNT',
] as const;

export type Grid = Map<string, number | null>;
export const cellKey = (code: string, region: string, year: number) => `${code}|${region}|${year}`;

const div = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function sqlFloorGrid(sql: postgres.Sql, regions: string[], years: number[], now: Date = new Date()): Promise<Grid> {
  // Revisions in force: corrections supersede, withdrawals are deleted revisions.
  const current = sql`superseded_at is null and not deleted`;
  // The months a meter was read in the year (bit m for month m; none for a period `YYYY`), as metricYearsLoader reduces
  // them. Total and IT energy are matched only over the same months: a unit whose two meters cover different months
  // counts as not reporting.
  const months = (metric: string) => sql`coalesce(bit_or(1 << nullif(substr(period, 6), '')::int) filter (where metric = ${metric}), 0)`;
  // The last month read in the year, for a unit that closed in it (lib/indicators/months-in-service.ts).
  const lastMonth = (metric: string) => sql`coalesce(max(nullif(substr(period, 6), '')::int) filter (where metric = ${metric}), 0)`;
  // A monthly meter counts only when it covers the months the unit was in service: from the commissioning month of the
  // year it was commissioned (else January) through December, through its last reading in the year it closed, through the
  // last month ended in the current year. `mask` covers months `from`..`through` when it holds all their bits.
  const [currentYear, lastEnded] = [now.getUTCFullYear(), now.getUTCMonth()];
  const ended = (year: postgres.Fragment) =>
    sql`(case when ${year} < ${currentYear}::int then 12 when ${year} = ${currentYear}::int then ${lastEnded}::int else 0 end)`;
  const covers = (mask: postgres.Fragment, from: postgres.Fragment, through: postgres.Fragment) =>
    sql`(${mask} & greatest((1 << (${through} + 1)) - (1 << ${from}), 0)) = greatest((1 << (${through} + 1)) - (1 << ${from}), 0)`;
  const tree = sql`
    with recursive tree(scope, code) as (
      select code, code from bigdata.region where code = any(${regions})
      union all
      select t.scope, r.code from tree t join bigdata.region r on r.parent_code = t.code
    )`;
  const [parts, flows, dcs, rooms, sites, towers, counts] = await Promise.all([
    sql`${tree} select distinct r.code, r.parent_code from tree t join bigdata.region r on r.code = t.code`,
    sql`${tree},
      obs as (
        select subject_id, metric, year, value from comms.observation
         where ${current} and subject_kind = 'REGION' and metric in ('INFORMATION_TRAFFIC_GB', 'TELECOM_BUSINESS_VOLUME_10K_CNY', 'TRAFFIC_5G_GB')
        union all
        select subject_id, metric, year, value from energy.observation
         where ${current} and subject_kind = 'REGION' and metric in ('TELECOM_ENERGY_TCE', 'BS_5G_ELECTRICITY_KWH'))
      select o.subject_id, o.metric, o.year, sum(o.value) as value from obs o where o.subject_id in (select code from tree) group by 1, 2, 3`,
    sql`${tree},
      dcy as (
        select t.scope, y.year, dc.id, dc.design_racks, dc.cluster_id is not null as inside, dc.build_type = 'NEW' and dc.design_racks >= 3000 as new_large
          from tree t join bigdata.data_center dc on dc.region_code = t.code
          cross join unnest(${years}::int[]) as y(year)
         where extract(year from dc.commissioned_on)::int <= y.year and (dc.closed_year is null or dc.closed_year >= y.year)),
      m as (
        select subject_id, year,
               sum(value) filter (where metric = 'DC_TOTAL_ENERGY_KWH') as total,
               sum(value) filter (where metric = 'DC_IT_ENERGY_KWH') as it,
               sum(value) filter (where metric in ('DC_RENEWABLE_GREEN_POWER_KWH', 'DC_RENEWABLE_CERTIFICATE_KWH', 'DC_RENEWABLE_ONSITE_PV_KWH')) as ren,
               ${months('DC_TOTAL_ENERGY_KWH')} as total_months, ${months('DC_IT_ENERGY_KWH')} as it_months,
               ${lastMonth('DC_TOTAL_ENERGY_KWH')} as total_last, ${lastMonth('DC_IT_ENERGY_KWH')} as it_last
          from energy.observation where ${current} and subject_kind = 'DATA_CENTER' and subject_id in (select id from dcy) group by 1, 2),
      s as (
        select m.*, case when extract(year from dc.commissioned_on)::int = m.year then extract(month from dc.commissioned_on)::int else 1 end as from_month,
               dc.closed_year is not null and dc.closed_year = m.year as closing
          from m join bigdata.data_center dc on dc.id = m.subject_id),
      e as (
        select subject_id, year, total, it, ren, total_months = it_months as same_months,
               ${covers(sql`total_months`, sql`from_month`, sql`(case when closing then total_last else ${ended(sql`year`)} end)`)} as total_in_service,
               ${covers(sql`it_months`, sql`from_month`, sql`(case when closing then it_last else ${ended(sql`year`)} end)`)} as it_in_service
          from s),
      r as (
        select distinct on (subject_id, year) subject_id, year, round(value) as racks from comms.observation
         where ${current} and metric = 'RACKS_IN_USE' and subject_id in (select id from dcy) order by subject_id, year, period desc)
      select d.scope, d.year, count(*) as dcs, count(*) filter (where inside) as inside, sum(d.design_racks) as racks,
             sum(r.racks) as in_use, sum(d.design_racks) filter (where r.racks is not null) as racks_matched,
             sum(e.ren) filter (where e.ren is not null and e.total is not null and e.total_in_service) as ren,
             sum(e.total) filter (where e.ren is not null and e.total is not null and e.total_in_service) as ren_total,
             sum(d.design_racks) filter (where e.ren is not null and e.total is not null and e.total_in_service) as ren_matched,
             count(*) filter (where new_large) as nl, sum(d.design_racks) filter (where new_large) as nl_racks,
             sum(e.total) filter (where new_large and e.total is not null and e.it is not null and e.same_months and e.total_in_service and e.it_in_service) as nl_total,
             sum(e.it) filter (where new_large and e.total is not null and e.it is not null and e.same_months and e.total_in_service and e.it_in_service) as nl_it,
             sum(d.design_racks) filter (where new_large and e.total is not null and e.it is not null and e.same_months and e.total_in_service and e.it_in_service) as nl_matched
        from dcy d left join e on e.subject_id = d.id and e.year = d.year left join r on r.subject_id = d.id and r.year = d.year
       group by 1, 2`,
    sql`${tree},
      cry as (
        select t.scope, y.year, cr.id from tree t join comms.core_room cr on cr.region_code = t.code
         cross join unnest(${years}::int[]) as y(year) where cr.renovated_year <= y.year),
      e as (
        -- comms' register keeps no commissioning day or closing year: a room's meters are due for every month of the year.
        select subject_id, year, sum(value) filter (where metric = 'CORE_ROOM_TOTAL_ENERGY_KWH') as total, sum(value) filter (where metric = 'CORE_ROOM_IT_ENERGY_KWH') as it,
               ${months('CORE_ROOM_TOTAL_ENERGY_KWH')} = ${months('CORE_ROOM_IT_ENERGY_KWH')}
                 and ${covers(months('CORE_ROOM_TOTAL_ENERGY_KWH'), sql`1`, ended(sql`year`))} as in_service
          from energy.observation where ${current} and subject_kind = 'CORE_ROOM' and subject_id in (select id from cry) group by 1, 2)
      select c.scope, c.year, count(*) as rooms, sum(e.total) filter (where e.it is not null and e.in_service) as total,
             sum(e.it) filter (where e.total is not null and e.in_service) as it, count(*) filter (where e.total is not null and e.it is not null and e.in_service) as matched
        from cry c left join e on e.subject_id = c.id and e.year = c.year group by 1, 2`,
    sql`${tree}
      select t.scope, s.built_year as year, count(*) as n, count(*) filter (where s.built_by_sharing) as shared, sum(s.base_stations) as stations
        from tree t join comms.site_5g s on s.region_code = t.code group by 1, 2`,
    sql`${tree}
      select t.scope, w.built_year as year, count(*) as n, count(*) filter (where w.shared) as shared
        from tree t join comms.tower w on w.region_code = t.code group by 1, 2`,
    // Counts per scope and year; the cumulative sums are taken below.
    sql`${tree}
      select 'NATIONAL_GREEN' as kind, t.scope, d.year, count(*)::int as n
        from econ.designation d join tree t on t.code = d.region_code where d.kind = 'NATIONAL_GREEN_DATA_CENTER' group by 2, 3
      union all
      select s.category, t.scope, s.selected_year, count(*)::int
        from econ.application_scenario s join tree t on t.code = s.region_code group by 1, 2, 3
      union all
      select 'STANDARD', sc.scope, s.published_year, count(*)::int
        from econ.green_standard s cross join (select distinct scope from tree) sc where s.region_code is null group by 2, 3
      union all
      select 'STANDARD', t.scope, s.published_year, count(*)::int
        from econ.green_standard s join tree t on t.code = s.region_code group by 2, 3`,
  ]);

  const at = <R extends { scope: string; year: number }>(rows: R[]) => new Map(rows.map((r) => [`${r.scope}|${r.year}`, r]));
  const reported = new Map(flows.map((r) => [`${r.subject_id}|${r.metric}|${r.year}`, num(r.value)]));
  const children = new Map<string, string[]>();
  for (const { code, parent_code: parent } of parts as unknown as { code: string; parent_code: string | null }[])
    if (parent) children.set(parent, [...(children.get(parent) ?? []), code]);
  // A region's own figure, else the sum of the regions directly below when every one has a figure.
  const f = (scope: string, metric: string, year: number): number | null => {
    const own = reported.get(`${scope}|${metric}|${year}`);
    if (own !== undefined && own !== null) return own;
    const below = children.get(scope) ?? [];
    if (below.length === 0) return null;
    let sum = 0;
    for (const part of below) {
      const v = f(part, metric, year);
      if (v === null) return null;
      sum += v;
    }
    return sum;
  };
  // A ratio over units is published when the matched units hold enough of the population's weight; never over none.
  const covered = (matched: unknown, all: unknown) => Number(all) > 0 && Number(matched ?? 0) / Number(all) >= MINIMUM_COVERAGE;
  const dc = at(dcs as unknown as (Record<string, unknown> & { scope: string; year: number })[]);
  const room = at(rooms as unknown as (Record<string, unknown> & { scope: string; year: number })[]);
  const site = at(sites as unknown as (Record<string, unknown> & { scope: string; year: number })[]);
  const tower = at(towers as unknown as (Record<string, unknown> & { scope: string; year: number })[]);
  const counted = (kind: string, scope: string, from: number, to: number) =>
    (counts as unknown as { kind: string; scope: string; year: number; n: number }[])
      .filter((c) => c.kind === kind && c.scope === scope && c.year >= from && c.year <= to)
      .reduce((sum, c) => sum + c.n, 0);

  const grid: Grid = new Map();
  for (const region of regions) {
    for (const year of years) {
      const k = `${region}|${year}`;
      const ratioToBaseline = (a: string, b: string) => div(div(f(region, a, year), f(region, b, year)), div(f(region, a, 2020), f(region, b, 2020)));
      const traffic = ratioToBaseline('TELECOM_ENERGY_TCE', 'INFORMATION_TRAFFIC_GB');
      const business = ratioToBaseline('TELECOM_ENERGY_TCE', 'TELECOM_BUSINESS_VOLUME_10K_CNY');
      const efficiency = ratioToBaseline('TRAFFIC_5G_GB', 'BS_5G_ELECTRICITY_KWH');
      const d = dc.get(k);
      const r = room.get(k);
      const s = site.get(k);
      const t = tower.get(k);
      const values: Record<(typeof FLOOR_INDICATORS)[number], number | null> = {
        ICT_TRAFFIC_ENERGY_DECREASE: traffic === null ? null : 1 - traffic,
        ICT_BUSINESS_ENERGY_DECREASE: business === null ? null : 1 - business,
        BS_5G_EFFICIENCY_GAIN: efficiency === null ? null : efficiency - 1,
        NEW_5G_SITE_SHARING_RATE: s ? div(num(s.shared), num(s.n)) : null,
        NEW_5G_SITE_UTILISATION: s ? div(num(s.stations), num(s.n)) : null,
        NEW_TOWER_SHARING_RATE: t ? div(num(t.shared), num(t.n)) : null,
        NEW_LARGE_DC_PUE: d && covered(d.nl_matched, d.nl_racks) ? div(num(d.nl_total), num(d.nl_it)) : null,
        DC_RACK_UTILISATION: d && covered(d.racks_matched, d.racks) ? div(num(d.in_use), num(d.racks_matched)) : null,
        DC_CLUSTER_SHARE: d ? div(num(d.inside), num(d.dcs)) : null,
        DC_RENEWABLE_RATE: d && covered(d.ren_matched, d.racks) ? div(num(d.ren), num(d.ren_total)) : null,
        CORE_ROOM_PUE: r && covered(r.matched, r.rooms) ? div(num(r.total), num(r.it)) : null,
        NATIONAL_GREEN_DC_COUNT: counted('NATIONAL_GREEN', region, 0, year),
        SCENARIO_INDUSTRY_COUNT: counted('INDUSTRY_GREEN_TRANSITION', region, 2021, year),
        SCENARIO_RESIDENT_COUNT: counted('RESIDENT_LOW_CARBON_LIFE', region, 2021, year),
        SCENARIO_URBAN_RURAL_COUNT: counted('URBAN_RURAL_GREEN_SMART', region, 2021, year),
        // A national figure (seed 002 #10): no province or county has one.
        GREEN_STANDARDS_COUNT: region === '000000' ? counted('STANDARD', region, 2021, year) : null,
      };
      for (const code of FLOOR_INDICATORS) grid.set(cellKey(code, region, year), values[code]);
    }
  }
  return grid;
}
