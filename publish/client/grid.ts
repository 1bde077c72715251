// A grid of indicator values as the exports, the annual report and the dashboard show it.
import { IndicatorGridDocument, PlanPeriodsDocument, type IndicatorGridQuery, type PlanPeriodsQuery } from './generated/graphql.ts';
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

type PlanPeriods = NonNullable<PlanPeriodsQuery['planPeriods']>;

/**
 * A reader of grids through one transport: each call answers with the grid's cells in layout order (indicator by region
 * by year, each axis in the order asked), from the cube's rows. A level target's progress is read against its plan
 * period's baseline year, so the cube is asked for the baselines of the years wanted too, and their cells are dropped
 * unless wanted. The plan periods are asked for once per reader (a report or a page reads several grids).
 */
export function gridReader(transport: Transport): (wanted: GridRequest) => Promise<GridValue[]> {
  let periods: Promise<PlanPeriods> | undefined;
  const planPeriods = () =>
    (periods ??= request(transport, PlanPeriodsDocument, {}).then(
      (answer) => answer.planPeriods ?? [],
      (error: unknown) => {
        periods = undefined; // a failed request is asked again next time
        throw error;
      },
    ));
  return async ({ codes = null, regions, years, asOf = null }) => {
    const plan = await planPeriods();
    const baselines = years.flatMap((y) => plan.filter((p) => y >= p.from && y <= p.to).map((p) => p.baselineYear));
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
  };
}
