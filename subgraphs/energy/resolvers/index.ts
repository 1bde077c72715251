import type { Resolvers } from '../resolvers.generated.ts';
import { CoreMachineRoom } from './CoreMachineRoom.ts';
import { CoreMachineRoomYear } from './CoreMachineRoomYear.ts';
import { DataCenter } from './DataCenter.ts';
import { DataCenterPopulation } from './DataCenterPopulation.ts';
import { DataCenterYear } from './DataCenterYear.ts';
import { EnergyDataQuality, dataQualityQuery } from './EnergyDataQuality.ts';
import { EnergyObservation } from './EnergyObservation.ts';
import { EnergyObservationConnection } from './EnergyObservationConnection.ts';
import { Enterprise } from './Enterprise.ts';
import { EnterpriseYear } from './EnterpriseYear.ts';
import { IndicatorCube } from './IndicatorCube.ts';
import { EnergyIndicatorInputs } from './IndicatorInputs.ts';
import { Mutation, historyQueries } from './Mutation.ts';
import { CommsIndicatorInputs, CoreMachineRoomPopulation, EconIndicatorInputs, EnterprisePopulation } from './OwnerSums.ts';
import { BigdataIndicatorInputs } from './BigdataIndicatorInputs.ts';
import { PvInstallation } from './PvInstallation.ts';
import { Query } from './Query.ts';
import { registerMutations, registerQueries } from './Registers.ts';
import { RegionYear } from './RegionYear.ts';

/** Region and the shared RegionYear resolvers come from lib/subgraph/regions.ts; the runtime merges ours into them per field. */
export const resolvers: Resolvers = {
  Query: { ...Query, ...historyQueries, ...registerQueries, ...dataQualityQuery },
  Mutation: { ...Mutation, ...registerMutations },
  DataCenter,
  DataCenterYear,
  DataCenterPopulation,
  CoreMachineRoom,
  CoreMachineRoomYear,
  Enterprise,
  EnterpriseYear,
  RegionYear,
  PvInstallation,
  EnergyObservation,
  EnergyObservationConnection,
  EnergyIndicatorInputs,
  CommsIndicatorInputs,
  EconIndicatorInputs,
  CoreMachineRoomPopulation,
  EnterprisePopulation,
  BigdataIndicatorInputs,
  IndicatorCube,
  EnergyDataQuality,
};
