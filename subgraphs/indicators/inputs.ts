import type { Agency } from '../../lib/agencies.ts';
import { catalog } from '../../lib/indicators/catalog.ts';
import type { IndicatorValueKey } from '../../lib/indicators/scope.ts';

/**
 * Which agencies an indicator value asks, read from the catalog: a reference (the value's key) to an
 * agency's inputs when the indicator reads its region facts or its units, else null. The gateway then
 * asks each agency about the values it contributes to, not about every cell of a grid.
 */
export function inputsOf(key: IndicatorValueKey, agency: Agency): IndicatorValueKey | null {
  const { indicators, metrics } = catalog();
  const indicator = indicators.get(key.indicatorCode);
  if (!indicator) return null;
  const readsFacts = indicator.regionMetrics.some((code) => metrics.get(code)?.owner === agency);
  const subject = indicator.population?.subject;
  const contributes =
    readsFacts ||
    (agency === 'comms' && subject === 'CORE_ROOM') ||
    (agency === 'econ' && subject === 'ENTERPRISE') ||
    // Only bigdata knows where a cluster or a data centre lies (for the target it inherits).
    (agency === 'bigdata' && key.scopeKind !== 'REGION');
  return contributes ? keyOf(key) : null;
}

/** The data-centre population a value sums over, named by its representative indicator; null for other units. */
export function dataCenterPopulationOf(key: IndicatorValueKey): IndicatorValueKey | null {
  const indicator = catalog().indicators.get(key.indicatorCode);
  return indicator?.population?.subject === 'DATA_CENTER' ? { ...keyOf(key), indicatorCode: populationRepresentative(key.indicatorCode) } : null;
}

const keyOf = ({ indicatorCode, scopeKind, scopeId, year, asOf }: IndicatorValueKey): IndicatorValueKey => ({ indicatorCode, scopeKind, scopeId, year, asOf });

/**
 * The indicator whose population stands for an indicator's: the first by code with the same population
 * definition and baseline. Values of indicators over the same data centres (PUE, rack utilisation,
 * renewable share) then name one population, which the gateway fetches once.
 */
const representatives = new WeakMap<object, Map<string, string>>();
function populationRepresentative(indicatorCode: string): string {
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
