import { catalog } from '../../../lib/indicators/catalog.ts';
import { cubeFacts, cubePopulations, onGrid, perCube } from '../../../lib/indicators/cube.ts';
import type { Context } from '../context.ts';
import { populationMembers } from '../population.ts';
import type { BigdataCubeInputsResolvers, IndicatorCubeResolvers } from '../resolvers.generated.ts';
import { scopeFacts } from './IndicatorInputs.ts';

/**
 * One population per representative (PUE, rack utilisation and renewable share of a region-year share theirs), as
 * DataCenterPopulation does, on the grid of the data centres and years they hold: each data centre's id and register
 * columns once.
 */
const dataCenters = perCube(async (cube, { loaders }: Context) =>
  onGrid(
    await cubePopulations(
      cube,
      'DATA_CENTER',
      (key) => populationMembers(key, loaders),
      (u) => `${u.row.id}|${u.year}`,
    ),
    (u) => u.row.id,
    (u) => u.year,
  ),
);

/** Metrics bigdata counts from econ's designations (`placedBy`): they need econ's list, which arrives after the entry point. */
const placed = (metric: string): boolean => catalog().metrics.get(metric)?.placedBy === 'bigdata';

// Counts of econ's designations need econ's list: they reach a cube through econ's `designationInputs`, one reference per cube.
export const BigdataCubeInputs: BigdataCubeInputsResolvers = {
  __resolveReference: (key) => key,
  facts: (key, _, { loaders }) =>
    cubeFacts(key, 'bigdata', (cell, metrics, years) => scopeFacts(cell, metrics, years, loaders, key.designatedDataCenters), {
      anyScope: true,
      only: placed,
    }),
};

export const IndicatorCube: IndicatorCubeResolvers = {
  __resolveReference: (ref) => ref,
  bigdataFacts: (cube, _, { loaders }) =>
    cubeFacts(cube, 'bigdata', (key, metrics, years) => scopeFacts(key, metrics, years, loaders, null), {
      anyScope: true,
      only: (metric) => !placed(metric),
    }),
  dataCenterPopulations: async (cube, _, context) => (await dataCenters(cube, context)).populations,
  dataCenterIds: async (cube, _, context) => (await dataCenters(cube, context)).ids,
  dataCenterYears: async (cube, _, context) => (await dataCenters(cube, context)).years,
  dataCenterDesignRacks: async (cube, _, context) => (await dataCenters(cube, context)).rows.map((u) => u.row.designRacks),
  dataCenterInCluster: async (cube, _, context) => (await dataCenters(cube, context)).rows.map((u) => u.row.clusterId !== null),
  dataCenterCommissionedOn: async (cube, _, context) => (await dataCenters(cube, context)).rows.map((u) => u.row.commissionedOn),
  dataCenterClosedYear: async (cube, _, context) => (await dataCenters(cube, context)).rows.map((u) => u.row.closedYear),
};
