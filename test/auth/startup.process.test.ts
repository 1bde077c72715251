import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../lib/auth/tokens.ts';
import { loadSubgraph } from '../../lib/subgraph/registry.ts';
import { prepareDatabase, startSubgraph } from '../../lib/subgraph/runtime.ts';
import { composeSupergraph } from '../../gateway/compose.ts';
import { startGateway } from '../../gateway/server.ts';
import { startIndicators } from '../../subgraphs/indicators/server.ts';
import { createTestDatabaseServer } from '../support/databases.ts';

const AUTH_VARIABLES = ['NODE_ENV', 'JWT_SECRET', 'JWT_JWKS_URL'] as const;
const saved = Object.fromEntries(AUTH_VARIABLES.map((name) => [name, process.env[name]]));

/** Servers read their token configuration from the environment when they start. */
function environment(values: Partial<Record<(typeof AUTH_VARIABLES)[number], string | undefined>>): void {
  for (const name of AUTH_VARIABLES) {
    if (values[name] === undefined) delete process.env[name];
    else process.env[name] = values[name];
  }
}

afterEach(() => environment(saved));

const PRODUCTION_REFUSAL = /NODE_ENV=production but no JWT_SECRET or JWT_JWKS_URL is set: refusing to start with the public development secret/;

describe('start-up with the development secret', () => {
  it('every service refuses to listen in production without a secret of its own', async () => {
    environment({ NODE_ENV: 'production' });
    await expect(startIndicators({ port: 0, host: '127.0.0.1' })).rejects.toThrow(PRODUCTION_REFUSAL);
    await expect(startGateway({ supergraphSdl: composeSupergraph(), urls: {}, port: 0, host: '127.0.0.1' })).rejects.toThrow(PRODUCTION_REFUSAL);

    const server = await createTestDatabaseServer();
    try {
      const module = await loadSubgraph('energy');
      const database = await server.open();
      const { regions } = await prepareDatabase(module, database);
      await expect(startSubgraph(module, { database, regions, port: 0, host: '127.0.0.1' })).rejects.toThrow(PRODUCTION_REFUSAL);
      environment({ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-bytes' });
      const running = await startSubgraph(module, { database, regions, port: 0, host: '127.0.0.1' });
      await running.stop();
    } finally {
      await server.close();
    }
  });

  it("the gateway needs nothing but the identity provider's keys when one signs tokens: it has no credential of its own", async () => {
    environment({ JWT_JWKS_URL: 'https://idp.example/.well-known/jwks.json' });
    const gateway = await startGateway({ supergraphSdl: composeSupergraph(), urls: {}, port: 0, host: '127.0.0.1' });
    await gateway.stop();
  });
});

describe('npm run token', () => {
  const run = promisify(execFile);
  const token = (...args: string[]) => run('npx', ['tsx', 'scripts/token.ts', ...args], { env: { ...process.env, NODE_ENV: 'development' } });

  it('prints a token that verifies, with the agency, roles and subject asked for', async () => {
    const { stdout } = await token('--agency', 'energy', '--role', 'writer', '--role', 'reader', '--subject', 'energy-loader', '--expires', '30m');
    expect(await createAuthenticator().viewer(`Bearer ${stdout.trim()}`)).toEqual({ subject: 'energy-loader', agency: 'energy', roles: ['writer', 'reader'] });
  });

  it('refuses an unknown role with the list of roles', async () => {
    await expect(token('--agency', 'energy', '--role', 'admin')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown role(s) admin: roles are writer, reader.'),
    });
  });

  it('refuses a writer without its agency, which could write nothing', async () => {
    await expect(token('--role', 'writer')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("A writer writes one agency's facts: give its --agency too."),
    });
  });
});
