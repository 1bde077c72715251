import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { composeServices as guildCompose } from '@theguild/federation-composition';
import { describe, expect, it } from 'vitest';
import config, { CLIENT_OUTPUT } from '../codegen.ts';
import { AGENCIES } from '../lib/agencies.ts';
import { unitOwners, withGeneratedOwnerRequires, withGeneratedRequires } from '../lib/indicators/requires.ts';
import { SUBGRAPHS } from '../lib/subgraphs.ts';
import { composeSupergraph, subgraphDefinitions } from '../gateway/compose.ts';
import { readSupergraph } from '../gateway/supergraph.ts';

// Generated files are committed; these tests fail when a schema or table changed without regenerating.
describe('generated artefacts are current', () => {
  it('schema/supergraph.graphql is what `npm run compose` produces', () => {
    expect(readSupergraph(), 'run `npm run compose` and commit schema/supergraph.graphql').toBe(composeSupergraph());
  });

  it("the indicators subgraph's @requires selections are what `npm run codegen` derives from the catalog", () => {
    const sdl = readFileSync('subgraphs/indicators/schema.graphql', 'utf8');
    expect(sdl, 'run `npm run codegen` and commit subgraphs/indicators/schema.graphql').toBe(withGeneratedRequires(sdl));
  });

  it.each(unitOwners())("the %s subgraph's @requires of its owner totals are what `npm run codegen` derives from the catalog", (agency) => {
    const sdl = readFileSync(`subgraphs/${agency}/schema.graphql`, 'utf8');
    expect(sdl, `run \`npm run codegen\` and commit subgraphs/${agency}/schema.graphql`).toBe(withGeneratedOwnerRequires(sdl, agency));
  });

  it('the resolver types and the typed client operations are what `npm run codegen` produces', async () => {
    const outputs = await generate({ ...config, cwd: process.cwd() }, false);
    const clientFiles = ['gql.ts', 'graphql.ts', 'index.ts'].map((f) => `${CLIENT_OUTPUT}${f}`);
    expect(outputs.map((o: { filename: string }) => path.relative(process.cwd(), o.filename)).sort()).toEqual(
      [...SUBGRAPHS.map((a) => `subgraphs/${a}/resolvers.generated.ts`), ...clientFiles].sort(),
    );
    for (const output of outputs) {
      expect(readFileSync(output.filename, 'utf8'), `run \`npm run codegen\` and commit ${output.filename}`).toBe(output.content);
    }
  });

  it.each(AGENCIES)('the %s migrations match its tables.ts (drizzle-kit generates nothing new)', (agency) => {
    const scratch = mkdtempSync(path.join(tmpdir(), `migrations-${agency}-`));
    try {
      cpSync(`db/migrations/${agency}`, scratch, { recursive: true });
      const before = readdirSync(scratch);
      execFileSync('npx', ['drizzle-kit', 'generate'], { env: { ...process.env, AGENCY: agency, DRIZZLE_OUT: scratch }, stdio: 'pipe' });
      expect(readdirSync(scratch), `run \`npm run db:generate -- ${agency}\` and commit the migration`).toEqual(before);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe('the supergraph runs on other gateways', () => {
  it('composes with @theguild/federation-composition without errors', () => {
    const result = guildCompose(subgraphDefinitions().map((s) => ({ name: s.name, url: s.url, typeDefs: s.typeDefs })));
    expect(result.errors ?? []).toEqual([]);
    expect(result.supergraphSdl).toContain('join__Graph');
  });
});
