import type { ApplicationScenarioRow, DesignationRow, GreenStandardRow, RetrofitScheduleRow } from './repository.ts';

export interface RegionRecords {
  designations: DesignationRow[];
  scenarios: ApplicationScenarioRow[];
  standards: GreenStandardRow[];
  retrofits: RetrofitScheduleRow[];
}

const since2021 = (year: number, y: number) => year >= 2021 && year <= y;
const designated = (kind: DesignationRow['kind']) => (r: RegionRecords, y: number) => r.designations.filter((d) => d.kind === kind && d.year <= y).length;
const scenarios = (category: ApplicationScenarioRow['category']) => (r: RegionRecords, y: number) =>
  r.scenarios.filter((s) => s.category === category && since2021(s.selectedYear, y)).length;

/**
 * econ's region-level metrics (catalog/metrics.yaml, owner econ, subject REGION): counts from its
 * registers, cumulative to the end of the year. A test checks every such metric is here.
 */
export const REGION_METRICS: Record<string, (records: RegionRecords, year: number) => number> = {
  ZERO_CARBON_FACTORIES: designated('ZERO_CARBON_FACTORY'),
  ZERO_CARBON_PARKS: designated('ZERO_CARBON_PARK'),
  ZERO_CARBON_DCS: designated('ZERO_CARBON_DATA_CENTER'),
  WASTE_HEAT_DCS: designated('WASTE_HEAT_DATA_CENTER'),
  SCENARIOS_INDUSTRY_SINCE_2021: scenarios('INDUSTRY_GREEN_TRANSITION'),
  SCENARIOS_RESIDENT_SINCE_2021: scenarios('RESIDENT_LOW_CARBON_LIFE'),
  SCENARIOS_URBAN_RURAL_SINCE_2021: scenarios('URBAN_RURAL_GREEN_SMART'),
  GREEN_STANDARDS_SINCE_2021: (r, y) => r.standards.filter((s) => since2021(s.publishedYear, y)).length,
  // The districts' retrofit lists (seed 003 四.4): withdrawn projects leave the list; a project counts as done from the year it was completed.
  RETROFIT_PROJECTS_LISTED: (r) => r.retrofits.filter((p) => p.status !== 'WITHDRAWN').length,
  RETROFIT_PROJECTS_COMPLETED: (r, y) => r.retrofits.filter((p) => p.status !== 'WITHDRAWN' && p.completedYear !== null && p.completedYear <= y).length,
};

/**
 * Metrics counting designations of data centres that bigdata places (catalog `placedBy`): econ lists the
 * designations of each such metric's kind, and bigdata counts those whose data centre lies in the scope.
 * A test checks every placed econ metric is here.
 */
export const PLACED_DESIGNATIONS: Record<string, DesignationRow['kind']> = {
  NATIONAL_GREEN_DCS: 'NATIONAL_GREEN_DATA_CENTER',
};
