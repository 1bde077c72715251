import type { Resolvers } from '../resolvers.generated.ts';
import { CoreMachineRoom } from './CoreMachineRoom.ts';
import { CoreMachineRoomYear } from './CoreMachineRoomYear.ts';
import { DataCenter } from './DataCenter.ts';
import { DataCenterPopulation } from './DataCenterPopulation.ts';
import { DataCenterYear } from './DataCenterYear.ts';
import { IndicatorCube } from './IndicatorCube.ts';
import { CommsIndicatorInputs, CoreMachineRoomPopulation } from './IndicatorInputs.ts';
import { BigdataIndicatorInputs } from './BigdataIndicatorInputs.ts';
import { Mutation, historyQueries } from './Mutation.ts';
import { Query } from './Query.ts';
import { registerMutations, registerQueries } from './Registers.ts';
import { RegionYear } from './RegionYear.ts';
import { Site5G } from './Site5G.ts';
import { TelecomOperator } from './TelecomOperator.ts';
import { Tower } from './Tower.ts';
import { CommsDataQuality, CoreRoomIdSet, dataQualityQuery } from './DataQuality.ts';

/** Region and the shared RegionYear resolvers come from lib/subgraph/regions.ts and are merged in by the runtime. */
export const resolvers: Resolvers = {
  Query: { ...Query, ...historyQueries, ...registerQueries, ...dataQualityQuery },
  Mutation: { ...Mutation, ...registerMutations },
  TelecomOperator,
  Site5G,
  Tower,
  CoreMachineRoom,
  CoreMachineRoomYear,
  DataCenter,
  DataCenterYear,
  DataCenterPopulation,
  RegionYear,
  CommsIndicatorInputs,
  CoreMachineRoomPopulation,
  BigdataIndicatorInputs,
  IndicatorCube,
  CommsDataQuality,
  CoreRoomIdSet,
};
