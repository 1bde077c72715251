import type { Agency } from '../../lib/agencies.ts';
import { catalog, factProvider } from '../../lib/indicators/catalog.ts';
import { keyOf, type IndicatorValueKey } from '../../lib/indicators/scope.ts';
import { UNIT_KINDS } from '../../lib/unit-kinds.ts';
import { checksReferencesFor } from '../../lib/quality/unit-references.ts';

/**
 * Which agencies an indicator value asks, read from the catalog: a reference (the value's key) to an
 * agency's inputs when the indicator reads its region facts (or the agency knows where the scope lies, or
 * checks the units others name), else null. The gateway then asks each agency about the values it contributes
 * to, not about every cell of a grid. The units a value sums over come on its population entity instead
 * (`IndicatorValue.<prefix>Population`, lib/indicators/population.ts), asked only for values over that kind.
 */
export function inputsOf(key: IndicatorValueKey, agency: Agency): IndicatorValueKey | null {
  const { indicators, metrics } = catalog();
  const indicator = indicators.get(key.indicatorCode);
  if (!indicator) return null;
  // A count another agency places (`placedBy`) is that agency's fact; its owner hands over its list to it, not to the value.
  const readsFacts = indicator.regionMetrics.some((code) => {
    const metric = metrics.get(code);
    return metric !== undefined && factProvider(metric) === agency;
  });
  const contributes =
    readsFacts ||
    // Only the data-centre register knows where a cluster or a data centre lies (for the target it inherits).
    (agency === UNIT_KINDS.DATA_CENTER.register && key.scopeKind !== 'REGION') ||
    // A register checks the units other agencies' figures name, for a national value (lib/quality/unit-references.ts).
    checksReferencesFor(key, agency);
  return contributes ? keyOf(key) : null;
}
