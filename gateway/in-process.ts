import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { execute, GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { ANONYMOUS } from '../lib/auth/viewer.ts';
import { disclosureMinUnits as minUnitsFromEnv } from '../lib/config.ts';
import type { RegionDirectory } from '../lib/regions/directory.ts';
import { RequestMemo } from '../lib/request-memo.ts';
import type { Context as IndicatorsContext } from '../subgraphs/indicators/context.ts';
import { indicatorRegions, indicatorsSchema } from '../subgraphs/indicators/server.ts';
import { EmbargoRegister } from '../lib/embargo.ts';
import { createLogger } from '../lib/observability/logger.ts';
import type { GatewayContext } from './server.ts';

type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** The planner sends a fixed set of operations per query shape; past this many, the cache starts over. */
const MAX_CACHED_DOCUMENTS = 1_000;

/**
 * The indicators subgraph executed in the gateway's own process. It holds no data, so nothing but
 * serialisation separates it from the gateway: its representations (every cell's inputs) are handed
 * over as objects instead of being written to JSON, sent, and parsed on both sides. The planner
 * still fetches every agency's inputs through the federation; only this last hop is local.
 */
export class InProcessIndicators implements GraphQLDataSource<GatewayContext> {
  private readonly schema: GraphQLSchema = indicatorsSchema();
  private readonly documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
  private served = 0;
  private readonly embargoes = new EmbargoRegister(undefined, createLogger('gateway'));

  constructor(
    private readonly regions: RegionDirectory = indicatorRegions(),
    private readonly disclosureMinUnits = minUnitsFromEnv(),
  ) {}

  /** Fetches the gateway has made to this subgraph (tests and the benchmark count them like any other subgraph's). */
  requests(): number {
    return this.served;
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    this.served += 1;
    const { request } = options;
    const document = this.document(request.query ?? '');
    if (!('kind' in document)) return { errors: document.map((e) => e.toJSON()) };
    // The caller the gateway verified, as a remote indicators subgraph would verify the forwarded token.
    const viewer = 'viewer' in options.context ? (options.context as GatewayContext).viewer : ANONYMOUS;
    const contextValue: IndicatorsContext = {
      regions: this.regions,
      viewer,
      disclosureMinUnits: this.disclosureMinUnits,
      embargoes: this.embargoes.current(),
      now: () => new Date(),
      memo: new RequestMemo(),
    };
    const result = await execute({ schema: this.schema, document, variableValues: request.variables, operationName: request.operationName, contextValue });
    return { data: result.data ?? null, ...(result.errors ? { errors: result.errors.map((e) => e.toJSON()) } : {}) };
  }

  /** Parsed and validated once per operation text: the planner repeats the same few operations. */
  private document(query: string): DocumentNode | readonly GraphQLError[] {
    const cached = this.documents.get(query);
    if (cached) return cached;
    let parsed: DocumentNode | readonly GraphQLError[];
    try {
      const document = parse(query);
      const errors = validate(this.schema, document);
      parsed = errors.length > 0 ? errors : document;
    } catch (error) {
      parsed = [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
    }
    if (this.documents.size >= MAX_CACHED_DOCUMENTS) this.documents.clear();
    this.documents.set(query, parsed);
    return parsed;
  }
}
