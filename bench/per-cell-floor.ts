// The least an API with one object per cell pays through @apollo/gateway: a federation of two subgraphs that do no
// work. `cells` lists a grid's cells (keyed as IndicatorValue is) and computes each cell's fields from one input that
// `inputs` owns, through a @requires, the mechanism our indicatorValues uses for every cross-agency formula. Each role
// runs in its own process, as our services do:
//   tsx bench/per-cell-floor.ts <cells|inputs|gateway> <port> [cells url] [inputs url]
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

const KEY = 'indicatorCode scopeKind scopeId year asOf';
const LINK = (directives: string) => `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: [${directives}])`;
const KEY_FIELDS = 'indicatorCode: ID! scopeKind: String! scopeId: ID! year: Int! asOf: String!';

const SDL = {
  cells: `${LINK('"@key", "@requires", "@external"')}
type Cell @key(fields: "${KEY}") {
  ${KEY_FIELDS}
  input: Float @external
  value: Float @requires(fields: "input")
  status: String @requires(fields: "input")
  meetsTarget: Boolean @requires(fields: "input")
}
type Query { grid(codes: [ID!]!, regions: [ID!]!, years: [Int!]!): [Cell!]! }`,
  inputs: `${LINK('"@key"')}
type Cell @key(fields: "${KEY}") { ${KEY_FIELDS} input: Float }`,
};

/** The client query: the fields the benchmark asks `indicatorValues` for. */
export const PER_CELL_FLOOR_QUERY = `query Grid($codes: [ID!]!, $regions: [ID!]!, $years: [Int!]!) {
  grid(codes: $codes, regions: $regions, years: $years) { indicatorCode scopeId year value status meetsTarget }
}`;

type CellKey = { indicatorCode: string; scopeKind: string; scopeId: string; year: number; asOf: string; input?: number | null };

const resolvers = {
  cells: {
    Query: {
      grid: (_: unknown, args: { codes: string[]; regions: string[]; years: number[] }): CellKey[] =>
        args.codes.flatMap((indicatorCode) =>
          args.regions.flatMap((scopeId) => args.years.map((year) => ({ indicatorCode, scopeKind: 'REGION', scopeId, year, asOf: 'latest' }))),
        ),
    },
    Cell: {
      value: (cell: CellKey) => cell.input ?? null,
      status: (cell: CellKey) => (cell.input == null ? null : 'FINAL'),
      meetsTarget: (cell: CellKey) => (cell.input == null ? null : cell.input > 0.5),
    },
  },
  inputs: {
    Cell: { __resolveReference: (cell: CellKey) => ({ ...cell, input: (cell.year % 7) / 7 }) },
  },
};

/** One role's server: a no-work subgraph, or the gateway in front of both (given their URLs). */
export function perCellFloorServer(role: string, cellsUrl?: string, inputsUrl?: string): ApolloServer {
  if (role === 'cells' || role === 'inputs') {
    return new ApolloServer({
      schema: buildSubgraphSchema({ typeDefs: parse(SDL[role]), resolvers: resolvers[role] as never }),
      plugins: [ApolloServerPluginInlineTraceDisabled()],
    });
  }
  if (role !== 'gateway' || !cellsUrl || !inputsUrl) throw new Error('usage: per-cell-floor.ts <cells|inputs|gateway> <port> [cells url] [inputs url]');
  const composed = composeServices([
    { name: 'cells', url: cellsUrl, typeDefs: parse(SDL.cells) },
    { name: 'inputs', url: inputsUrl, typeDefs: parse(SDL.inputs) },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  // As our gateway does: a plain keep-alive agent.
  const agent = new http.Agent({ keepAlive: true });
  const gateway = new ApolloGateway({
    supergraphSdl: composed.supergraphSdl,
    buildService: ({ url }) => {
      const source = new RemoteGraphQLDataSource({ url: url ?? '' });
      const fetcher = source.fetcher;
      source.fetcher = (target, init) => fetcher(target, { ...init, agent } as typeof init);
      return source;
    },
  });
  return new ApolloServer({ gateway });
}

async function main([role, port, cellsUrl, inputsUrl]: string[]): Promise<void> {
  const { url } = await startStandaloneServer(perCellFloorServer(role ?? '', cellsUrl, inputsUrl), { listen: { port: Number(port), host: '127.0.0.1' } });
  console.log(`per-cell floor ${role} ready at ${url}`);
}

// Run as a service; imported by bench/run.ts for the query, and by its test.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2));
