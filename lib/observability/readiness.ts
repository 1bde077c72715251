/**
 * The gateway is ready while any subgraph of its supergraph answers its own /ready (its database answers): with one
 * agency down it still answers everything that agency does not hold, so a load balancer must keep sending it
 * traffic (`status: degraded`, naming the subgraphs that do not answer). Throws only when none answers.
 */
export async function subgraphsReady(urls: Record<string, string>, timeoutMs = 2_000): Promise<Record<string, unknown>> {
  const states = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      try {
        const response = await fetch(url.replace(/\/graphql$/, '/ready'), { signal: AbortSignal.timeout(timeoutMs) });
        return [name, response.ok ? 'ready' : `not ready (HTTP ${response.status})`] as const;
      } catch {
        return [name, 'unreachable'] as const;
      }
    }),
  );
  const failing = states.filter(([, state]) => state !== 'ready');
  const describe = () => failing.map(([n, s]) => `${n} ${s}`).join(', ');
  if (failing.length === states.length) throw new Error(`no subgraph is ready: ${describe()}`);
  return { ...(failing.length > 0 ? { status: 'degraded', reason: `subgraphs not ready: ${describe()}` } : {}), subgraphs: Object.fromEntries(states) };
}
