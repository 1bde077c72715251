export interface Timing {
  concurrency: number;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  rps: number;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Runs `requests` calls spread over `concurrency` workers after `warmup` calls; bounded in count. */
export async function measure(run: () => Promise<unknown>, concurrency: number, requests: number, warmup: number): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await run();
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next += 1;
        const t = performance.now();
        await run();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { concurrency, requests: latencies.length, p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95), rps: latencies.length / elapsed };
}
