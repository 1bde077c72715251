import { cubeListSums, disclosureFor, listSums } from '../../../lib/indicators/serve-sums.ts';
import { MONTHS_FIELD, REVISED_AT_FIELD, type Unit } from '../../../lib/indicators/owner-sums.ts';
import { monthsInYear, revisedInYear, statusInYear, type MetricYear, type SubjectYear } from '../../../lib/observations.ts';
import type { CubePopulations } from '../../../lib/indicators/cube.ts';
import type { Context } from '../context.ts';
import { reportedUnits } from '../../../lib/quality/unit-references.ts';
import { UNIT_KINDS } from '../../../lib/unit-kinds.ts';
import type { IndicatorValueKey } from '../../../lib/indicators/scope.ts';
import { observation } from '../tables.ts';
import { CORE_ROOM_METERS, yearly } from '../facts.ts';
import { roofsWithPv } from './EnterpriseYear.ts';
import type {
  CommsIndicatorInputsResolvers,
  CoreMachineRoomPopulationResolvers,
  EconIndicatorInputsResolvers,
  EnterprisePopulationResolvers,
} from '../resolvers.generated.ts';

// energy's totals over the core machine rooms comms lists and the enterprises econ lists (the owner's aggregate):
// the rooms' kWh and the enterprises' tce stay here; only totals, counts and register ids leave.

type Loader = { load(key: SubjectYear): Promise<MetricYear[]> };

/** energy's own figures of a room year, named as the unit fields the catalog reads. */
const roomFigures = (year: readonly MetricYear[]) => ({
  totalEnergyKwh: yearly(year, CORE_ROOM_METERS.total),
  itEnergyKwh: yearly(year, CORE_ROOM_METERS.it),
  energyStatus: statusInYear(year),
  [REVISED_AT_FIELD]: revisedInYear(year),
  [MONTHS_FIELD]: monthsInYear(year),
});
/** energy's own figures of an enterprise year. */
const enterpriseFigures = (year: readonly MetricYear[]) => ({
  energyUseTce: yearly(year, 'ENTERPRISE_ENERGY_TCE'),
  energyStatus: statusInYear(year),
  [REVISED_AT_FIELD]: revisedInYear(year),
});

function own(
  units: readonly Unit[] | null | undefined,
  idField: string,
  asOf: string,
  metricYears: Loader,
  figures: (year: readonly MetricYear[]) => Record<string, unknown>,
) {
  return Promise.all((units ?? []).map(async (u) => figures(await metricYears.load({ subjectId: String(u[idField]), year: u.year, asOf }))));
}

/**
 * The resolvers energy adds to a value's population of another register's units (comms' core rooms, econ's
 * enterprises): its totals over the listed units (`energySums`). The list and the id field come from UNIT_KINDS.
 */
function overListedUnits(kind: 'CORE_ROOM' | 'ENTERPRISE', figures: (year: readonly MetricYear[]) => Record<string, unknown>) {
  const { valueList, idField } = UNIT_KINDS[kind];
  return {
    __resolveReference: <T>(ref: T) => ref,
    energySums: async (population: object, _: unknown, { loaders, viewer }: Context) => {
      const { indicatorCode, asOf, [valueList]: units } = population as { indicatorCode: string; asOf: string } & Record<string, Unit[] | null | undefined>;
      return listSums('energy', kind, { indicatorCode, asOf }, units, await own(units, idField, asOf, loaders.metricYears, figures), disclosureFor(viewer));
    },
  };
}

/**
 * What energy adds to the register's inputs of a national value over its units: the units it holds figures for, by id
 * (`energyReportedUnits`, lib/quality/unit-references.ts), which the register checks.
 */
const reportedTo = (kind: 'CORE_ROOM' | 'ENTERPRISE') => ({
  __resolveReference: <T>(ref: T) => ref,
  energyReportedUnits: (key: IndicatorValueKey, _: unknown, context: Context) => reportedUnits(context, observation, key, 'energy', kind),
});

export const CoreMachineRoomPopulation: CoreMachineRoomPopulationResolvers = overListedUnits('CORE_ROOM', roomFigures);
export const EnterprisePopulation: EnterprisePopulationResolvers = overListedUnits('ENTERPRISE', enterpriseFigures);
export const CommsIndicatorInputs: CommsIndicatorInputsResolvers = reportedTo('CORE_ROOM');
export const EconIndicatorInputs: EconIndicatorInputsResolvers = reportedTo('ENTERPRISE');

type CubeLists = {
  indicatorCodes: string[];
  regionCodes: string[];
  years: number[];
  asOf: string;
  coreMachineRoomPopulations?: CubePopulations | null;
  coreMachineRoomYears?: Unit[] | null;
  enterprisePopulations?: CubePopulations | null;
  enterpriseYears?: Unit[] | null;
};

/** The cube's core-room and enterprise totals, as `IndicatorCube.coreMachineRoomEnergySums` and `enterpriseEnergySums`, and the enterprises' roofs with PV. */
export const cubeListResolvers = {
  coreMachineRoomEnergySums: async (cube: unknown, _: unknown, { loaders, viewer }: Context) => {
    const { coreMachineRoomPopulations: populations, coreMachineRoomYears: units, asOf } = cube as CubeLists;
    return cubeListSums(
      'energy',
      'CORE_ROOM',
      cube as CubeLists,
      populations,
      units,
      await own(units, 'coreMachineRoomId', asOf, loaders.metricYears, roomFigures),
      disclosureFor(viewer),
    );
  },
  enterpriseEnergySums: async (cube: unknown, _: unknown, { loaders, viewer }: Context) => {
    const { enterprisePopulations: populations, enterpriseYears: units, asOf } = cube as CubeLists;
    return cubeListSums(
      'energy',
      'ENTERPRISE',
      cube as CubeLists,
      populations,
      units,
      await own(units, 'uscc', asOf, loaders.metricYears, enterpriseFigures),
      disclosureFor(viewer),
    );
  },
  // Null without econ's list (econ did not answer), as the totals are.
  enterpriseRoofsWithPv: async (cube: unknown, _: unknown, context: Context) => {
    const { enterpriseYears: units, asOf } = cube as CubeLists;
    return units ? Promise.all(units.map((u) => roofsWithPv({ uscc: String(u.uscc), year: u.year, asOf }, context))) : null;
  },
};
