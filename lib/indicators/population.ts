import type { MetricYear, SubjectYear } from '../observations.ts';
import type { RequestMemo } from '../request-memo.ts';
import { catalog } from './catalog.ts';
import { keyOf, type IndicatorValueKey } from './scope.ts';
import type { UnitKindCode } from '../unit-kinds.ts';

/**
 * An indicator value's data-centre population as the owners of its measured columns receive it: the
 * value's key plus bigdata's aligned member lists (`dataCenterIds[i]` in `years[i]`).
 */
export interface DataCenterPopulationRepresentation extends IndicatorValueKey {
  dataCenterIds: string[];
  years: number[];
  /** bigdata's design racks, where an owner @requires them for its totals. */
  designRacks?: (number | null)[];
}

/** Data-centre years as aligned lists (`dataCenterIds[i]` in `years[i]`): a value's population, or an indicator cube's members. */
export interface DataCenterMembers {
  dataCenterIds: readonly string[];
  years: readonly number[];
  asOf: string;
}

/** What reading a population's columns needs of an agency's request context: its `metricYears` loader and the request's memo. */
export interface PopulationContext {
  loaders: { metricYears: { load(key: SubjectYear): Promise<MetricYear[]> } };
  memo: RequestMemo;
}

const memberYears = (ids: readonly string[], members: DataCenterMembers, metricYears: PopulationContext['loaders']['metricYears']): Promise<MetricYear[][]> =>
  Promise.all(ids.map((subjectId, i) => metricYears.load({ subjectId, year: members.years[i]!, asOf: members.asOf })));

/**
 * One column of a population: `read` applied to each member's yearly reductions (the agency's `metricYears` loader), in member order.
 * Every column reads the same reductions, loaded once per member list and request. Null without members: bigdata was
 * unavailable, and the gateway sent its lists as null (gateway/unavailable.ts).
 */
export async function populationColumn<T>(
  members: DataCenterMembers,
  { loaders, memo }: PopulationContext,
  read: (year: readonly MetricYear[]) => T,
): Promise<T[] | null> {
  if (!members.dataCenterIds || !members.years) return null;
  return (await memo.once(memberYears, members.dataCenterIds, members, loaders.metricYears)).map(read);
}

/** The data-centre population a value sums over, named by its representative indicator; null for other units. */
export function dataCenterPopulationOf(key: IndicatorValueKey): IndicatorValueKey | null {
  const indicator = catalog().indicators.get(key.indicatorCode);
  return indicator?.population?.subject === 'DATA_CENTER' ? { ...keyOf(key), indicatorCode: populationRepresentative(key.indicatorCode) } : null;
}

/**
 * The population of a listed kind of unit (core machine rooms, enterprises) a value sums over, keyed as the value: null
 * for values over other units or none, so neither the register nor the owners of the units' figures are asked about them.
 */
export function listedPopulationOf(key: IndicatorValueKey, kind: UnitKindCode): IndicatorValueKey | null {
  return catalog().indicators.get(key.indicatorCode)?.population?.subject === kind ? keyOf(key) : null;
}

/** The indicator whose population stands for an indicator's (the catalog's `populationCode`). */
export const populationRepresentative = (indicatorCode: string): string => catalog().indicators.get(indicatorCode)?.populationCode ?? indicatorCode;
