import { describe, expect, it } from 'vitest';
import { sharingInFlightQueries } from '../../gateway/inflight.ts';

type Fetcher = Parameters<typeof sharingInFlightQueries>[0];

/** A subgraph stand-in that answers after a tick and counts the requests it receives. */
function countingSubgraph(status = 200) {
  const calls: string[] = [];
  const fetcher = (async (_url: string, init?: { body?: unknown }) => {
    calls.push(String(init?.body));
    await new Promise((resolve) => setTimeout(resolve, 5));
    return new Response(JSON.stringify({ data: { n: calls.length } }), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as Fetcher;
  return { calls, fetcher };
}

const URL = 'http://comms/graphql';
const request = (query: string, authorization = 'Bearer a') => ({ method: 'POST', headers: { authorization }, body: JSON.stringify({ query, variables: {} }) });

describe('identical subgraph queries in flight', () => {
  it('share one round trip, each caller getting its own parsed answer', async () => {
    const { calls, fetcher } = countingSubgraph();
    const shared = sharingInFlightQueries(fetcher);
    const responses = await Promise.all([1, 2, 3].map(() => shared(URL, request('query Q{a}'))));
    expect(calls).toHaveLength(1);
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(bodies).toEqual([{ data: { n: 1 } }, { data: { n: 1 } }, { data: { n: 1 } }]);
    expect(bodies[0]).not.toBe(bodies[1]);
  });

  it('are sent again once the first answer has arrived', async () => {
    const { calls, fetcher } = countingSubgraph();
    const shared = sharingInFlightQueries(fetcher);
    await shared(URL, request('{a}'));
    await shared(URL, request('{a}'));
    expect(calls).toHaveLength(2);
  });

  it('are not shared between callers with different tokens, or with different bodies', async () => {
    const { calls, fetcher } = countingSubgraph();
    const shared = sharingInFlightQueries(fetcher);
    await Promise.all([shared(URL, request('{a}', 'Bearer a')), shared(URL, request('{a}', 'Bearer b')), shared(URL, request('{b}', 'Bearer a'))]);
    expect(calls).toHaveLength(3);
  });

  it('never share a mutation', async () => {
    const { calls, fetcher } = countingSubgraph();
    const shared = sharingInFlightQueries(fetcher);
    await Promise.all([shared(URL, request('mutation M{submit}')), shared(URL, request('mutation M{submit}'))]);
    expect(calls).toHaveLength(2);
  });

  it('pass a refusal on to every caller that shared it', async () => {
    const { calls, fetcher } = countingSubgraph(403);
    const shared = sharingInFlightQueries(fetcher);
    const responses = await Promise.all([shared(URL, request('{a}')), shared(URL, request('{a}'))]);
    expect(calls).toHaveLength(1);
    expect(responses.map((r) => r.status)).toEqual([403, 403]);
  });
});
