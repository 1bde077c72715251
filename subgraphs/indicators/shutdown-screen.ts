import { SHANGHAI } from '../../lib/regions/codes.ts';

/** Seed 003 §六.7: PUE above 1.7, at most 800 racks, in continuous operation ten years or more. */
export const SHUTDOWN_CRITERIA = { pueAbove: 1.7, racksAtMost: 800, yearsInOperationAtLeast: 10 } as const;

/** Seed 003 is Shanghai's plan: the screen is a rule there, an analysis anywhere else. */
export const SHUTDOWN_RULE_JURISDICTION = SHANGHAI;

export interface ScreenedDataCenter {
  dataCenterId: string;
  year: number;
  designRacks: number | null;
  commissionedOn: string | null;
  pue: number | null;
}

/**
 * Full years in operation on 31 December of the year: every anniversary of the commissioning date
 * falls within its calendar year, so this is the difference of the years.
 */
export function fullYearsInOperation(commissionedOn: string, year: number): number {
  return year - Number(commissionedOn.slice(0, 4));
}

export interface ScreenResult {
  candidates: { dataCenterId: string; pue: number; designRacks: number; yearsInOperation: number }[];
  unscreened: { dataCenterId: string; missing: string[] }[];
}

/** Applies the three criteria; a data centre missing an input is reported, never silently passed. */
export function screen(dataCenters: readonly ScreenedDataCenter[]): ScreenResult {
  const result: ScreenResult = { candidates: [], unscreened: [] };
  for (const dc of [...dataCenters].sort((a, b) => a.dataCenterId.localeCompare(b.dataCenterId))) {
    const missing = [
      dc.pue === null ? 'pue (energy)' : null,
      dc.designRacks === null ? 'designRacks (bigdata)' : null,
      dc.commissionedOn === null ? 'commissionedOn (bigdata)' : null,
    ].filter((m): m is string => m !== null);
    if (missing.length > 0) {
      result.unscreened.push({ dataCenterId: dc.dataCenterId, missing });
      continue;
    }
    const yearsInOperation = fullYearsInOperation(dc.commissionedOn!, dc.year);
    if (
      dc.pue! > SHUTDOWN_CRITERIA.pueAbove &&
      dc.designRacks! <= SHUTDOWN_CRITERIA.racksAtMost &&
      yearsInOperation >= SHUTDOWN_CRITERIA.yearsInOperationAtLeast
    ) {
      result.candidates.push({ dataCenterId: dc.dataCenterId, pue: dc.pue!, designRacks: dc.designRacks!, yearsInOperation });
    }
  }
  return result;
}
