import type { Resolvers } from '../resolvers.generated.ts';
import { ClusterZone } from './ClusterZone.ts';
import { DataCenter } from './DataCenter.ts';
import { DataCenterCluster } from './DataCenterCluster.ts';
import { DataCenterPopulation } from './DataCenterPopulation.ts';
import { DataCenterYear } from './DataCenterYear.ts';
import { BigdataCubeInputs, IndicatorCube } from './IndicatorCube.ts';
import { BigdataIndicatorInputs } from './IndicatorInputs.ts';
import { Mutation, historyQueries } from './Mutation.ts';
import { Query } from './Query.ts';
import { registerMutations, registerQueries } from './Registers.ts';
import { ShutdownScreen } from './ShutdownScreen.ts';
import { DataCenterIdSet } from './DataCenterIdSet.ts';

/** Region and RegionYear come from lib/subgraph/regions.ts and are merged in by the runtime. */
export const resolvers: Resolvers = {
  Query: { ...Query, ...registerQueries, ...historyQueries },
  Mutation: { ...registerMutations, ...Mutation },
  DataCenter,
  DataCenterYear,
  DataCenterPopulation,
  DataCenterCluster,
  ClusterZone,
  BigdataIndicatorInputs,
  IndicatorCube,
  BigdataCubeInputs,
  ShutdownScreen,
  DataCenterIdSet,
};
