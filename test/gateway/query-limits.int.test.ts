import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryLimits } from '../../lib/config.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { ANONYMOUS_HEADERS } from '../support/tokens.ts';

let fed: TestFederation;
beforeAll(async () => {
  fed = await startTestFederation();
});
afterAll(() => fed?.stop());

const { maxDepth, maxAliases, maxTokens } = queryLimits({});

/** `region` then `children` n − 1 times, then `code`: a selection n + 1 fields deep. */
const nested = (levels: number) => `{ region(code: "500000") { ${'children { '.repeat(levels - 1)}code${' }'.repeat(levels - 1)} } }`;

describe('query limits on the public gateway', () => {
  it('has the documented defaults', () => {
    expect({ maxDepth, maxAliases, maxTokens }).toEqual({ maxDepth: 12, maxAliases: 30, maxTokens: 5_000 });
    expect(queryLimits({ QUERY_MAX_DEPTH: '20' }).maxDepth).toBe(20);
    expect(() => queryLimits({ QUERY_MAX_ALIASES: '0' })).toThrow('QUERY_MAX_ALIASES must be a positive integer, got "0"');
  });

  it(`answers an operation ${maxDepth} fields deep and refuses one deeper, naming the limit`, async () => {
    const atLimit = await fed.query(nested(maxDepth - 1), {}, ANONYMOUS_HEADERS);
    expect(atLimit.errors).toBeUndefined();
    const tooDeep = await fed.query(nested(maxDepth), {}, ANONYMOUS_HEADERS);
    expect(tooDeep.data).toBeUndefined();
    expect(tooDeep.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(`Query depth limit of ${maxDepth} exceeded, found ${maxDepth + 1}.`),
        extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'QUERY_MAX_DEPTH', max: maxDepth }),
      }),
    ]);
  });

  it('lets GraphiQL introspect the schema, however deep the introspection query is', async () => {
    const res = await fed.query<{ __schema: { types: unknown[] } }>(getIntrospectionQuery(), {}, ANONYMOUS_HEADERS);
    expect(res.errors).toBeUndefined();
    expect(res.data!.__schema.types.length).toBeGreaterThan(50);
  });

  it(`refuses more than ${maxAliases} aliases, naming the limit`, async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: indicator(code: "DC_PUE") { code }`).join(' ')} }`;
    expect((await fed.query(aliases(maxAliases), {}, ANONYMOUS_HEADERS)).errors).toBeUndefined();
    const tooMany = await fed.query(aliases(maxAliases + 1), {}, ANONYMOUS_HEADERS);
    expect(tooMany.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'QUERY_MAX_ALIASES', max: maxAliases }) }),
    ]);
  });

  it(`stops parsing a document of more than ${maxTokens} tokens`, async () => {
    // Each `code` of a repeated selection is one token; the parser gives up before building the document
    // (graphql-js spells it "more that").
    const res = await fed.query(`{ indicators { ${'code '.repeat(maxTokens)}} }`, {}, ANONYMOUS_HEADERS);
    expect(res.errors).toEqual([
      expect.objectContaining({
        // …and says what to do: the usual cause is a write batch's rows written inline.
        message: expect.stringMatching(new RegExp(`Document contains more tha[nt] ${maxTokens} tokens.* as variables, which the limit does not count\\.$`)),
        extensions: expect.objectContaining({ code: 'GRAPHQL_PARSE_FAILED' }),
      }),
    ]);
  });
});
