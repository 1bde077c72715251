import { mayRead } from '../../lib/auth/unit-level.ts';
import type { Viewer } from '../../lib/auth/viewer.ts';
import type { IndicatorDefinition, MetricDefinition } from '../../lib/indicators/catalog.ts';

/**
 * Statistical disclosure control by the threshold rule (primary suppression). An aggregate of
 * unit-level data over one or two units is those units' own figures: a district with one data centre
 * would publish that centre's PUE, which `@unitLevel` keeps from anonymous callers. Such a value is
 * confidential: callers who may read all of its unit-level inputs (a government reader, or the agency
 * owning them) still see it, marked so; everyone else gets it withheld, with the reason in `missing`.
 */

/**
 * The first year the value reads in which 1 to `minUnits - 1` units contribute to a unit-level sum; null when there is none.
 * Units are counted only for indicators that read unit-level data, so `unitsPerYear` is called only then.
 */
export function smallCell(
  indicator: IndicatorDefinition,
  unitsPerYear: () => readonly { year: number; units: number }[],
  minUnits: number,
): { year: number; units: number } | null {
  if (indicator.unitLevelInputs.length === 0) return null;
  return unitsPerYear().find(({ units }) => units > 0 && units < minUnits) ?? null;
}

/** Whether the caller may read all these unit-level metrics, as `@unitLevel` lets it read their fields. */
export function mayReadUnitLevel(viewer: Viewer, metrics: readonly MetricDefinition[]): boolean {
  return metrics.every((m) => mayRead(viewer, { field: m.field!, owners: [m.owner] }));
}

const UNIT_NOUNS = { DATA_CENTER: 'data centre', CORE_ROOM: 'core room', ENTERPRISE: 'enterprise' } as const;

export function withheldMessage(indicator: IndicatorDefinition, units: number, minUnits: number): string {
  // Only indicators with a population have unit-level inputs.
  const subject = UNIT_NOUNS[indicator.population!.subject];
  const owners = new Set(indicator.unitLevelInputs.map((m) => m.owner));
  const owner = owners.size === 1 ? ` or of ${[...owners][0]}, which owns its unit-level inputs,` : '';
  return (
    `Withheld (statistical disclosure control): ${units} ${subject}(s) contribute, fewer than the ${minUnits} an aggregate of unit-level data ` +
    `needs to be published. A token with the "reader" role${owner} sees the value.`
  );
}
