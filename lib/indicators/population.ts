import type { MetricYear, SubjectYear } from '../observations.ts';
import { catalog } from './catalog.ts';
import type { IndicatorValueKey } from './scope.ts';

/**
 * The indicator whose population stands for an indicator's: the first by code with the same population
 * definition and baseline. Values of indicators over the same data centres (PUE, rack utilisation,
 * renewable share) then name one population, which the gateway fetches once.
 */
const representatives = new WeakMap<object, Map<string, string>>();
export function populationRepresentative(indicatorCode: string): string {
  const { indicators } = catalog();
  let byCode = representatives.get(indicators);
  if (!byCode) {
    byCode = new Map();
    const firstBySpec = new Map<string, string>();
    for (const code of [...indicators.keys()].sort()) {
      const indicator = indicators.get(code)!;
      const spec = JSON.stringify([indicator.population, indicator.baselineYear ?? null]);
      if (!firstBySpec.has(spec)) firstBySpec.set(spec, code);
      byCode.set(code, firstBySpec.get(spec)!);
    }
    representatives.set(indicators, byCode);
  }
  return byCode.get(indicatorCode) ?? indicatorCode;
}

/**
 * An indicator value's data-centre population as the owners of its measured columns receive it: the
 * value's key plus bigdata's aligned member lists (`dataCenterIds[i]` in `years[i]`).
 */
export interface DataCenterPopulationRepresentation extends IndicatorValueKey {
  dataCenterIds: string[];
  years: number[];
}

// Every column of a population reads the same members' reductions: load them once per population object.
const loaded = new WeakMap<DataCenterPopulationRepresentation, Promise<MetricYear[][]>>();

/** One column of a population: `read` applied to each member's yearly reductions, in member order (batched loads). */
export async function populationColumn<T>(
  population: DataCenterPopulationRepresentation,
  load: (key: SubjectYear) => Promise<MetricYear[]>,
  read: (year: readonly MetricYear[]) => T,
): Promise<T[]> {
  let years = loaded.get(population);
  if (!years) {
    years = Promise.all(population.dataCenterIds.map((subjectId, i) => load({ subjectId, year: population.years[i]!, asOf: population.asOf })));
    loaded.set(population, years);
  }
  return (await years).map(read);
}
