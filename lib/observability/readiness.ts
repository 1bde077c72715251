/**
 * The gateway is ready when every subgraph of its supergraph answers its own /ready (its database answers).
 * Resolves with each one's state; throws naming those that do not.
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
  if (failing.length > 0) throw new Error(`subgraphs not ready: ${failing.map(([n, s]) => `${n} ${s}`).join(', ')}`);
  return { subgraphs: Object.fromEntries(states) };
}
