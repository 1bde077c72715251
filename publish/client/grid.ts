// A grid of indicator values as the exports, the annual report and the dashboard show it.
import { IndicatorGridDocument, PlanPeriodsDocument, type IndicatorGridQuery } from './generated/graphql.ts';
import { request, type Transport } from './request.ts';

type Cube = NonNullable<IndicatorGridQuery['indicatorCube']>;
type Cell = NonNullable<Cube['cells']>[number];

/** One cell of a grid, named as on `IndicatorValue`: its region is its `scopeId`, with the region's names and the indicator's unit. */
export type GridValue = Omit<Cell, 'regionCode'> & {
  scopeId: string;
  region: { nameZh: string; nameEn: string } | null;
  unit: string;
  /** `latest`, or the instant the figures were read as of. */
  asOf: string;
};

export interface GridRequest {
  /** Indicator codes; every region-level indicator when null. */
  codes?: string[] | null;
  regions: string[];
  years: number[];
  asOf?: string | null;
}

/**
 * The grid's cells in layout order (indicator by region by year, each axis in the order asked), from the cube's rows.
 * A level target's progress is read against its plan period's baseline year, so the cube is asked for the baselines of
 * the years wanted too, and their cells are dropped unless wanted.
 */
export async function fetchGrid(transport: Transport, { codes = null, regions, years, asOf = null }: GridRequest): Promise<GridValue[]> {
  const periods = (await request(transport, PlanPeriodsDocument, {})).planPeriods ?? [];
  const baselines = years.flatMap((y) => periods.filter((p) => y >= p.from && y <= p.to).map((p) => p.baselineYear));
  const asked = [...new Set([...years, ...baselines])];
  const cube = (await request(transport, IndicatorGridDocument, { codes, regions, years: asked, asOf })).indicatorCube;
  if (!cube) return [];
  const wanted = new Set(years);
  const names = new Map((cube.regions ?? []).map(({ code, nameZh, nameEn }) => [code, { nameZh, nameEn }]));
  const units = new Map((cube.indicators ?? []).map((i) => [i.code, i.unit]));
  return (cube.cells ?? [])
    .filter((cell) => wanted.has(cell.year))
    .map(({ regionCode, ...cell }) => ({
      ...cell,
      scopeId: regionCode,
      region: names.get(regionCode) ?? null,
      unit: units.get(cell.indicatorCode)!,
      asOf: cube.asOf,
    }));
}
