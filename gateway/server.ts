import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { AGENCY_NAMES, isAgency } from '../lib/agencies.ts';
import { maxBodyBytes, queryLimits, queryMaxCost, rateLimitPerMinute, type QueryLimits } from '../lib/config.ts';
import type { SubgraphName } from '../lib/subgraphs.ts';
import { serve, type RunningServer } from '../lib/http.ts';
import { createAuthenticator } from '../lib/auth/tokens.ts';
import type { Viewer } from '../lib/auth/viewer.ts';
import type { RegionDirectory } from '../lib/regions/directory.ts';
import { unitLevelPlugin } from './auth.ts';
import type { InProcessIndicators } from './in-process.ts';
import { queryLimitRules } from './query-limits.ts';
import { sharingInFlightQueries } from './inflight.ts';
import { deduplicate } from './representations.ts';
import { publishRoutes } from '../publish/routes.ts';
import { ingestProxy } from './ingest.ts';
import { isEntityFetch, nullEntities } from './unavailable.ts';
import { disableApolloTelemetry } from './no-telemetry.ts';
import { costLimitPlugin } from './cost.ts';
import { rateLimiter } from './rate-limit.ts';
import { scalarArgumentsPlugin } from './scalar-arguments.ts';
import { addObservabilityHeaders, observedDataSource } from '../lib/observability/subgraphs.ts';
import { subgraphsReady } from '../lib/observability/readiness.ts';

// Apollo's fetcher (make-fetch-happen) would look its agent up per request, and that agent tells HTTP from
// HTTPS by capturing a stack trace on every request: given a plain keep-alive agent, a subgraph fetch costs
// half the CPU.
const httpAgent = new http.Agent({ keepAlive: true });
const httpsAgent = new https.Agent({ keepAlive: true });

type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

export interface GatewayContext {
  authorization?: string | undefined;
  /** The caller, verified here too: the gateway checks the operation's unit-level fields before planning. */
  viewer: Viewer;
}

/**
 * A subgraph that could not be reached. The message names the agency, never the address it was called at
 * (internal addresses stay out of client errors); `cause` carries the transport's error code.
 */
function unavailable(agency: string, error: unknown): GraphQLError {
  const name = isAgency(agency) ? ` (${AGENCY_NAMES[agency].en})` : '';
  const code = (error as { code?: unknown } | null)?.code;
  return new GraphQLError(`The "${agency}" subgraph${name} is unavailable; fields it owns are null.`, {
    extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: agency, ...(typeof code === 'string' ? { cause: code } : {}) },
  });
}

/**
 * Forwards the caller's Authorization header (each subgraph verifies it itself and decides on it alone: the gateway
 * has no credential of its own) and turns a transport failure into an error that names the agency whose subgraph
 * could not be reached.
 */
class AgencyDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly agency: string,
    url: string,
  ) {
    // Subgraphs send no cache hints (lib/http.ts turns the cache-control plugin off): nothing to parse.
    super({ url, honorSubgraphCacheControlHeader: false });
    const fetcher = this.fetcher;
    const agent = url.startsWith('https:') ? httpsAgent : httpAgent;
    // Trace context and request id are added after the in-flight sharing, so they do not set identical fetches apart.
    this.fetcher = sharingInFlightQueries((target, init) => {
      addObservabilityHeaders(init?.headers);
      return fetcher(target, { ...init, agent } as typeof init);
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
  }

  /**
   * A subgraph answers a refusal (a token it rejects, a writer of another agency) with HTTP 401/403 and
   * the reason as GraphQL errors; pass that reason and code on instead of Apollo's bare "403: Forbidden".
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    const error = await super.errorFromResponse(response);
    const body = (error.extensions.response as { body?: { errors?: { message?: unknown; extensions?: Record<string, unknown> }[] } } | undefined)?.body;
    const first = typeof body === 'object' ? body?.errors?.[0] : undefined;
    if (typeof first?.message !== 'string') return error;
    return new GraphQLError(first.message, { extensions: { ...first.extensions, serviceName: this.agency } });
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { query, variables } = options.request;
    let response: GatewayGraphQLResponse;
    try {
      response = await this.processDeduplicated(options);
    } catch (error) {
      const failure = error instanceof GraphQLError ? error : unavailable(this.agency, error);
      // Entities the next fetches depend on get their fields as null, so those fetches still run (gateway/unavailable.ts).
      if (!isEntityFetch(variables)) throw failure;
      return { data: nullEntities(query ?? '', variables.representations), errors: [failure.toJSON()] };
    }
    const entities = (response.data as { _entities?: unknown[] | null } | null | undefined)?._entities;
    if (response.errors && isEntityFetch(variables) && (!Array.isArray(entities) || entities.includes(null))) {
      const nulls = nullEntities(query ?? '', variables.representations)._entities;
      return { ...response, data: { ...response.data, _entities: nulls.map((empty, i) => (Array.isArray(entities) ? entities[i] : null) ?? empty) } };
    }
    return response;
  }

  /** Sends each distinct entity representation once and fans the answers back out, in order. */
  private async processDeduplicated(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const representations = options.request.variables?.representations;
    // A single representation (an indicator cube's, with its columns) has nothing to share: skip keying it.
    const distinct = Array.isArray(representations) && representations.length > 1 ? deduplicate(representations) : undefined;
    if (!distinct) return super.process(options);
    const { unique, slot } = distinct;
    const response = await super.process({ ...options, request: { ...options.request, variables: { ...options.request.variables, representations: unique } } });
    const entities = (response.data as { _entities?: unknown[] } | null | undefined)?._entities;
    if (!Array.isArray(entities)) return response;
    const firstOf = new Map<number, number>();
    slot.forEach((at, i) => firstOf.has(at) || firstOf.set(at, i));
    const fannedOut: GatewayGraphQLResponse = { ...response, data: { ...response.data, _entities: slot.map((at) => entities[at]) } };
    if (response.errors) {
      // An error about a distinct entity is reported at its first occurrence.
      fannedOut.errors = response.errors.map((e) =>
        e.path?.[0] === '_entities' && typeof e.path[1] === 'number'
          ? { ...e, path: ['_entities', firstOf.get(e.path[1]) ?? e.path[1], ...e.path.slice(2)] }
          : e,
      );
    }
    return fannedOut;
  }
}

export interface GatewayOptions {
  supergraphSdl: string;
  /** Where each subgraph listens. Without an `indicators` URL the gateway runs the indicators subgraph in its own process. */
  urls: Partial<Record<SubgraphName, string>>;
  /** The code list of the in-process indicators subgraph (default: the demo world's at DEMO_SCALE). */
  regions?: RegionDirectory;
  port: number;
  host: string;
  /** Shape limits on client operations (default: from the environment, `QUERY_MAX_*`). */
  queryLimits?: QueryLimits;
  /** Most an operation may cost (default: `QUERY_MAX_COST`; gateway/cost.ts). */
  maxCost?: number;
  /** Requests per minute per client (default: `RATE_LIMIT_PER_MINUTE`; 0 turns the limit off). */
  rateLimitPerMinute?: number;
}

export interface RunningGateway extends RunningServer {
  /** The in-process indicators subgraph, or null when it is a remote service. */
  indicators: InProcessIndicators | null;
}

async function createGateway(options: GatewayOptions): Promise<{ gateway: ApolloGateway; indicators: InProcessIndicators | null }> {
  // Imported only when it runs here: the indicators subgraph's modules (catalog, formulas, database access for the
  // embargo register) would otherwise load into every gateway.
  const indicators = options.urls.indicators ? null : new (await import('./in-process.ts')).InProcessIndicators(options.regions);
  disableApolloTelemetry();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      observedDataSource(name, name === 'indicators' && indicators ? indicators : new AgencyDataSource(name, options.urls[name as SubgraphName] || url || '')),
  });
  return { gateway, indicators };
}

const EXAMPLE_QUERY = `# Chongqing's rack utilisation and new large data-centre PUE, with targets and what is missing
{
  indicatorValues(codes: ["DC_RACK_UTILISATION", "NEW_LARGE_DC_PUE"], regions: ["500000"], years: [2024, 2025]) {
    indicatorCode year value unit status
    target { symbol value inherited } meetsTarget
    missing { metric agency message }
  }
}
`;

// GraphiQL with all its assets inlined: nothing is fetched from a CDN at run time. Rendered once, and loaded only when a
// browser first asks: the package is 9 MB of inlined JavaScript, which took about a second of the gateway's start to
// read and compile.
let landingHtml: Promise<string> | undefined;
const landingPage = () =>
  (landingHtml ??= import('@graphql-yoga/render-graphiql').then(({ renderGraphiQL }) =>
    renderGraphiQL({ title: 'Green-ICT statistics federation', endpoint: '/graphql', defaultQuery: EXAMPLE_QUERY }),
  ));

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const authenticator = createAuthenticator();
  const { gateway, indicators } = await createGateway(options);
  const limits = options.queryLimits ?? queryLimits();
  const ingest = ingestProxy(options.urls, maxBodyBytes('gateway'));
  const server = await serve<GatewayContext>({
    apollo: {
      gateway,
      introspection: true,
      plugins: [unitLevelPlugin(options.supergraphSdl), scalarArgumentsPlugin(), costLimitPlugin(options.maxCost ?? queryMaxCost())],
      validationRules: queryLimitRules(limits),
      parseOptions: { maxTokens: limits.maxTokens },
    },
    authenticator,
    context: async (req: IncomingMessage, { viewer }) => ({ authorization: req.headers.authorization, viewer }),
    port: options.port,
    host: options.host,
    service: 'gateway',
    ready: () => subgraphsReady(Object.fromEntries(Object.entries(options.urls).filter((e): e is [string, string] => Boolean(e[1])))),
    health: async () => ({ service: 'gateway', ...(indicators ? { inProcess: { indicators: { requests: indicators.requests() } } } : {}) }),
    landingPage,
    // Bulk ingestion is admitted (the rate limit), traced and counted as GraphQL is: no way round the limits.
    observedRoutes: ingest,
    routes: (req, res, url, graphql) => publishRoutes(req, res, url, graphql),
    maxBodyBytes: maxBodyBytes('gateway'),
    admit: rateLimiter(options.rateLimitPerMinute ?? rateLimitPerMinute(), authenticator),
  });
  return { ...server, indicators };
}
