import { PassThrough } from 'node:stream';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../../lib/http.ts';
import { setLogDestination } from '../../lib/observability/logger.ts';

// Log lines go to a stream read back here.
const logStream = new PassThrough();
const logLines: Record<string, unknown>[] = [];
logStream.on('data', (chunk: Buffer) => {
  for (const line of chunk.toString().split('\n')) if (line.trim()) logLines.push(JSON.parse(line) as Record<string, unknown>);
});

// A service whose one field fails as a broken SQL statement would: its message quotes the statement and an address.
const CAUSE = 'invalid input syntax for type date: "2023-02-30" in insert into bigdata.data_center … at 10.0.0.5:5432';
let server: RunningServer;
beforeAll(async () => {
  setLogDestination(logStream);
  server = await serve({
    service: 'broken',
    port: 0,
    host: '127.0.0.1',
    context: async () => ({}),
    apollo: {
      schema: buildSubgraphSchema({
        typeDefs: parse('type Query { failing: Int }'),
        resolvers: {
          Query: {
            failing: () => {
              throw new Error(CAUSE);
            },
          },
        },
      }),
    },
  });
});
afterAll(async () => {
  await server?.stop();
  setLogDestination(undefined);
});

describe('an unexpected error', () => {
  it('reaches the client as an incident id and the operators as one JSON log line with that id, the request id and the cause', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-unexpected-1' },
      body: JSON.stringify({ query: '{ failing }' }),
    });
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string; incident: string } }[] };
    const [error] = body.errors;
    expect(error!.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(body)).not.toMatch(/insert into|10\.0\.0\.5/);
    const line = logLines.find((l) => l.msg === 'unexpected error');
    // pino's level 50 is `error`; `err` is its serialised Error.
    expect(line).toMatchObject({
      level: 50,
      service: 'broken',
      reqId: 'req-unexpected-1',
      incident: error!.extensions.incident,
      err: { type: 'Error', message: CAUSE },
    });
  });
});
