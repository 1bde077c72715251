import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SubgraphName } from '../../lib/subgraphs.ts';
import { composeSupergraph } from '../../gateway/compose.ts';
import { startGateway, type RunningGateway } from '../../gateway/server.ts';
import type { TestFederation } from './federation.ts';

/** One request a subgraph received from the gateway, and its answer. */
export interface Exchange {
  subgraph: string;
  request: string;
  response: string;
}

/** A second gateway in front of a test federation's subgraphs, reaching each through a proxy that records the exchange. */
export interface RecordingGateway {
  url: string;
  /** Every exchange so far, in the order the answers came. */
  wire: Exchange[];
  stop(): Promise<void>;
}

/** A proxy in front of a subgraph that records each exchange and forwards the request as it came. */
async function recordingProxy(subgraph: string, target: string, wire: Exchange[], proxies: http.Server[]): Promise<string> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const request = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([name, v]) => typeof v === 'string' && name !== 'host' && name !== 'content-length'),
      ) as Record<string, string>;
      const answer = await fetch(target, { method: req.method ?? 'POST', headers, body: request });
      const response = await answer.text();
      wire.push({ subgraph, request, response });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxies.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

/** A gateway over the federation's subgraphs whose every subgraph exchange lands in `wire` (the subgraphs see only the caller's token). */
export async function startRecordingGateway(fed: TestFederation): Promise<RecordingGateway> {
  const wire: Exchange[] = [];
  const proxies: http.Server[] = [];
  const names = [...(Object.keys(fed.subgraphs) as SubgraphName[])];
  const urls = Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await recordingProxy(name, fed.subgraphs[name]!.url, wire, proxies)] as const)),
  );
  const gateway: RunningGateway = await startGateway({ supergraphSdl: composeSupergraph(names), urls, port: 0, host: '127.0.0.1', rateLimitPerMinute: 0 });
  return {
    url: gateway.url,
    wire,
    stop: async () => {
      await gateway.stop();
      await Promise.all(proxies.map((p) => new Promise((resolve) => p.close(resolve))));
    },
  };
}

/** The entity representations a subgraph received in `exchanges`, counted by `__typename`. */
export function representationsBy(exchanges: readonly Exchange[], subgraph: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const x of exchanges) {
    if (x.subgraph !== subgraph) continue;
    const { variables } = JSON.parse(x.request) as { variables?: { representations?: { __typename?: string }[] } };
    for (const rep of variables?.representations ?? []) counts[rep.__typename ?? '?'] = (counts[rep.__typename ?? '?'] ?? 0) + 1;
  }
  return counts;
}
