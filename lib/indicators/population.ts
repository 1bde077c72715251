import type { MetricYear, SubjectYear } from '../observations.ts';
import type { IndicatorValueKey } from './scope.ts';

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

/** One column of a population: `read` applied to each member's yearly reductions (the agency's `metricYears` loader), in member order. */
export async function populationColumn<T>(
  population: DataCenterPopulationRepresentation,
  metricYears: { load(key: SubjectYear): Promise<MetricYear[]> },
  read: (year: readonly MetricYear[]) => T,
): Promise<T[]> {
  let years = loaded.get(population);
  if (!years) {
    years = Promise.all(population.dataCenterIds.map((subjectId, i) => metricYears.load({ subjectId, year: population.years[i]!, asOf: population.asOf })));
    loaded.set(population, years);
  }
  return (await years).map(read);
}
