import { REVISED_AT_FIELD } from '../../../lib/indicators/owner-sums.ts';
import { revisedInYear } from '../../../lib/observations.ts';
import { cubeDataCenters, cubeFacts, cubePopulations, perCube } from '../../../lib/indicators/cube.ts';
import { cubePopulationSums, disclosureFor } from '../../../lib/indicators/serve-sums.ts';
import { populationColumn } from '../../../lib/indicators/population.ts';
import type { Context } from '../context.ts';
import type { IndicatorCubeResolvers } from '../resolvers.generated.ts';
import { racksInUse, rackUsageStatus } from './DataCenterYear.ts';
import { coreRoomYearsOf, regionFacts } from './IndicatorInputs.ts';

// The same per-value functions as CommsIndicatorInputs and DataCenterPopulation, called once per region, population or the cube's data centres instead of once per cell.
const coreRooms = perCube((cube, { loaders }: Context) =>
  cubePopulations(
    cube,
    'CORE_ROOM',
    (cell) => coreRoomYearsOf(cell, loaders),
    (u) => `${u.coreMachineRoomId}|${u.year}`,
  ),
);

export const IndicatorCube: IndicatorCubeResolvers = {
  __resolveReference: (ref) => ref,
  commsFacts: (cube, _, context) => cubeFacts(cube, 'comms', (key, metrics, years) => regionFacts(key, metrics, years, context)),
  coreMachineRoomPopulations: async (cube, _, context) => (await coreRooms(cube, context)).populations,
  coreMachineRoomYears: async (cube, _, context) => (await coreRooms(cube, context)).units,
  dataCenterCommsSums: async (cube, _, context) => {
    const members = cubeDataCenters(cube);
    const own = {
      racksInUse: await populationColumn(members, context, racksInUse),
      commsStatus: await populationColumn(members, context, rackUsageStatus),
      [REVISED_AT_FIELD]: await populationColumn(members, context, revisedInYear),
    };
    return cubePopulationSums('comms', cube, members.positions, own, disclosureFor(context.viewer));
  },
};
