import { cubeDataCenters, cubeFacts } from '../../../lib/indicators/cube.ts';
import { cubePopulationSums, disclosureFor } from '../../../lib/indicators/serve-sums.ts';
import type { IndicatorCubeResolvers } from '../resolvers.generated.ts';
import { ownColumns } from './DataCenterYear.ts';
import { regionFacts } from './IndicatorInputs.ts';
import { cubeListResolvers } from './OwnerSums.ts';

// The same per-value functions as EnergyIndicatorInputs and DataCenterPopulation, called once per region and once for the cube's data centres.
export const IndicatorCube: IndicatorCubeResolvers = {
  __resolveReference: (ref) => ref,
  energyFacts: (cube, _, context) => cubeFacts(cube, 'energy', (key, metrics, years) => regionFacts(key, metrics, years, context)),
  dataCenterEnergySums: async (cube, _, context) => {
    const members = cubeDataCenters(cube);
    const own = await ownColumns(members, context);
    return cubePopulationSums('energy', cube, members.positions, own, disclosureFor(context.viewer));
  },
  ...cubeListResolvers,
};
