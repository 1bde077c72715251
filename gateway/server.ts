import type { IncomingMessage } from 'node:http';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { AGENCY_NAMES, isAgency } from '../lib/agencies.ts';
import type { SubgraphName } from '../lib/subgraphs.ts';
import { serve, type RunningServer } from '../lib/http.ts';

export interface GatewayContext {
  authorization?: string | undefined;
}

/**
 * Forwards the caller's Authorization header (each subgraph verifies it itself) and turns a
 * transport failure into an error that names the agency whose subgraph could not be reached.
 */
class AgencyDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly agency: string,
    url: string,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      const name = isAgency(this.agency) ? ` (${AGENCY_NAMES[this.agency].en})` : '';
      throw new GraphQLError(`The "${this.agency}" subgraph${name} is unavailable; fields it owns are null. Cause: ${error instanceof Error ? error.message : String(error)}`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.agency },
      });
    }
  }
}

export function createGateway(supergraphSdl: string, urls: Partial<Record<SubgraphName, string>>): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new AgencyDataSource(name, urls[name as SubgraphName] || url || ''),
  });
}

export function startGateway(options: { supergraphSdl: string; urls: Partial<Record<SubgraphName, string>>; port: number; host: string }): Promise<RunningServer> {
  return serve<GatewayContext>({
    apollo: { gateway: createGateway(options.supergraphSdl, options.urls), introspection: true },
    context: async (req: IncomingMessage) => ({ authorization: req.headers.authorization }),
    port: options.port,
    host: options.host,
    health: async () => ({ service: 'gateway' }),
  });
}
