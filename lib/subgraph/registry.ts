import type { Agency } from '../agencies.ts';
import type { SubgraphModule } from './runtime.ts';

/** Loads an agency's subgraph module on demand, so starting one subgraph does not load the others. */
export async function loadSubgraph(agency: Agency): Promise<SubgraphModule<unknown>> {
  switch (agency) {
    case 'comms':
      return (await import('../../subgraphs/comms/module.ts')).commsSubgraph as SubgraphModule<unknown>;
    case 'econ':
      return (await import('../../subgraphs/econ/module.ts')).econSubgraph as SubgraphModule<unknown>;
    case 'bigdata':
      return (await import('../../subgraphs/bigdata/module.ts')).bigdataSubgraph as SubgraphModule<unknown>;
    case 'energy':
      return (await import('../../subgraphs/energy/module.ts')).energySubgraph as SubgraphModule<unknown>;
  }
}
