import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubgraphName } from '../../lib/subgraphs.ts';
import { composeSupergraph } from '../../gateway/compose.ts';
import { writeFixtures } from '../indicators/fixtures.ts';
import { postGraphQL, startTestFederation, type GraphQLResponse, type TestFederation } from '../support/federation.ts';
import { ANONYMOUS_HEADERS, bearer, readerHeaders } from '../support/tokens.ts';

// The auth matrix through another gateway: Hive Gateway on our supergraph, configured with nothing but forwarding the
// caller's Authorization header (deploy/hive-gateway.config.ts), with its Rust query planner (@graphql-hive/router-runtime)
// and with its default one. Public aggregates need no unit-level field (the owners send totals), and subgraphs serve
// unit-level fields on the caller's own token only, so no caller gets a unit-level figure it may not read there either.

const PLANNERS = ['rust', 'default'] as const;
type Planner = (typeof PLANNERS)[number];

let fed: TestFederation;
const hives: ChildProcess[] = [];
const hiveUrls = {} as Record<Planner, string>;
let scratch: string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

async function startHive(supergraphFile: string, planner: Planner): Promise<string> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const hive = spawn(
    path.join('node_modules', '.bin', 'hive-gateway'),
    ['supergraph', supergraphFile, '--config-path', path.join('deploy', 'hive-gateway.config.ts'), '--port', String(port), '--host', '127.0.0.1'],
    {
      env: { ...process.env, NODE_ENV: 'development', HIVE_PLANNER: planner },
      stdio: ['ignore', 'ignore', 'ignore'],
    },
  );
  hives.push(hive);
  for (let tries = 0; ; tries++) {
    try {
      const answer = await postGraphQL<{ __typename: string }>(url, '{ __typename }', {}, ANONYMOUS_HEADERS);
      if (answer.data?.__typename) return url;
    } catch {
      // not listening yet
    }
    if (tries > 120) throw new Error(`Hive Gateway (${planner} planner) did not start`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

beforeAll(async () => {
  fed = await startTestFederation();
  await writeFixtures(fed);
  const names = Object.keys(fed.subgraphs) as SubgraphName[];
  // The supergraph names each subgraph's URL: point it at this test's subgraphs.
  let supergraph = composeSupergraph(names);
  for (const name of names) supergraph = supergraph.replace(new RegExp(`(join__graph\\(name: "${name}", url: ")[^"]*`), `$1${fed.subgraphs[name]!.url}`);
  scratch = mkdtempSync(path.join(tmpdir(), 'hive-'));
  const file = path.join(scratch, 'supergraph.graphql');
  writeFileSync(file, supergraph);
  const urls = await Promise.all(PLANNERS.map((planner) => startHive(file, planner)));
  PLANNERS.forEach((planner, i) => (hiveUrls[planner] = urls[i]!));
}, 120_000);

afterAll(async () => {
  for (const hive of hives) hive.kill('SIGTERM');
  await fed?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const UNIT_INDICATORS = ['DC_PUE', 'DC_RACK_UTILISATION', 'DC_RENEWABLE_RATE', 'CORE_ROOM_PUE', 'ENERGY_AUDIT_COVERAGE'];
const grid = `{ indicatorValues(codes: ${JSON.stringify(UNIT_INDICATORS)}, regions: ["500000", "500101"], years: [2024, 2025]) { indicatorCode scopeId year value numerator denominator confidentiality coverage { unitsReporting unitsExpected share status } } }`;

/** Each unit-level figure of data centre C in 2024, with the agency whose token may read it besides a reader. */
const FIELDS = { totalEnergyKwh: 'energy', racksInUse: 'comms' } as const;
const CALLERS = {
  anonymous: async () => ANONYMOUS_HEADERS,
  'energy writer': () => bearer('energy', ['writer']),
  'comms writer': () => bearer('comms', ['writer']),
  'econ writer': () => bearer('econ', ['writer']),
  reader: () => readerHeaders(),
} as const;
const mayRead = (caller: keyof typeof CALLERS, owner: string) => caller === 'reader' || caller === `${owner} writer`;

/** The figure an answer holds for the one field asked, or null (refused as a whole, or the field nulled). */
const figureIn = (answer: GraphQLResponse<{ dataCenter: { years: Record<string, number | null>[] } | null }>, field: string) =>
  answer.data?.dataCenter?.years?.[0]?.[field] ?? null;

describe('through Hive Gateway with no project credential, as through ours', () => {
  // The default planner is left out here: it did not answer this grid within a minute.
  it('answers an anonymous regional grid over units with the figures our gateway gives (Rust planner)', async () => {
    const [viaHive, ours] = await Promise.all([
      postGraphQL<{ indicatorValues: unknown[] }>(hiveUrls.rust, grid, {}, ANONYMOUS_HEADERS),
      fed.query<{ indicatorValues: unknown[] }>(grid, {}, ANONYMOUS_HEADERS),
    ]);
    expect(JSON.stringify(viaHive.errors ?? []).slice(0, 3000)).toBe('[]');
    expect(viaHive.data).toEqual(ours.data);
  });

  // Access rules live with the data: the subgraphs check the caller's own token, so any gateway that forwards it
  // serves the same matrix. Ours refuses a forbidden operation as a whole; Hive gets the field nulled by its owner.
  it.each(PLANNERS.flatMap((planner) => (Object.keys(CALLERS) as (keyof typeof CALLERS)[]).map((caller) => [caller, planner] as const)))(
    'gives %s exactly the unit-level figures it may read, through ours and Hive (%s planner)',
    async (caller, planner) => {
      const headers = await CALLERS[caller]();
      for (const [field, owner] of Object.entries(FIELDS)) {
        const query = `{ dataCenter(id: "C") { years(from: 2024, to: 2024) { ${field} } } }`;
        const [viaHive, ours] = await Promise.all([postGraphQL(hiveUrls[planner], query, {}, headers), fed.query(query, {}, headers)]);
        for (const [gateway, answer] of [
          ['Hive', viaHive],
          ['ours', ours],
        ] as const) {
          const figure = figureIn(answer as never, field);
          if (mayRead(caller, owner)) expect(figure, `${gateway}: ${field}`).toEqual(expect.any(Number));
          else {
            expect(figure, `${gateway}: ${field}`).toBeNull();
            expect(
              answer.errors?.map((e) => e.extensions?.code),
              `${gateway}: ${field}`,
            ).toContain(caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
          }
        }
      }
    },
  );
});
