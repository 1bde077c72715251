import type { Resolvers } from '../resolvers.generated.ts';
import { ApplicationScenario } from './ApplicationScenario.ts';
import { BigdataIndicatorInputs } from './BigdataIndicatorInputs.ts';
import { CarbonPeakPilot } from './CarbonPeakPilot.ts';
import { DataCenter } from './DataCenter.ts';
import { Designation } from './Designation.ts';
import { EconDataQuality, EnterpriseIdSet, dataQualityQuery } from './EconDataQuality.ts';
import { Enterprise } from './Enterprise.ts';
import { EnterpriseYear } from './EnterpriseYear.ts';
import { GreenStandard } from './GreenStandard.ts';
import { BigdataCubeInputs, IndicatorCube } from './IndicatorCube.ts';
import { EconIndicatorInputs, EnterprisePopulation } from './IndicatorInputs.ts';
import { Mutation, historyQueries } from './Mutation.ts';
import { Query } from './Query.ts';
import { registerMutations, registerQueries } from './Registers.ts';
import { RegionYear } from './RegionYear.ts';
import { RetrofitProject } from './RetrofitProject.ts';

/** Region and the RegionYear key/region resolvers come from lib/subgraph/regions.ts; the runtime merges them per type. */
export const resolvers: Resolvers = {
  Query: { ...Query, ...historyQueries, ...registerQueries, ...dataQualityQuery },
  Mutation: { ...Mutation, ...registerMutations },
  Enterprise,
  EnterpriseYear,
  Designation,
  DataCenter,
  RetrofitProject,
  RegionYear,
  ApplicationScenario,
  GreenStandard,
  CarbonPeakPilot,
  EconIndicatorInputs,
  EnterprisePopulation,
  BigdataIndicatorInputs,
  BigdataCubeInputs,
  IndicatorCube,
  EconDataQuality,
  EnterpriseIdSet,
};
