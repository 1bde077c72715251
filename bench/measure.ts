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

const SETTLE_MS = 50;

const summarise = (concurrency: number, latencies: number[], elapsedMs: number): Timing => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { concurrency, requests: sorted.length, p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), rps: sorted.length / (elapsedMs / 1000) };
};

/**
 * One client, the targets taking turns request by request, with the first turn rotating each round. This
 * machine's speed drifts by a third within a minute; blocks timed one after the other would compare the
 * targets on different machines, turns compare them on the same one. `cpuMs` (server CPU so far) is read
 * around each request, outside its timing, and summed per target.
 */
export async function measureInTurns(
  targets: Record<string, () => Promise<unknown>>,
  requests: number,
  warmup: number,
  cpuMs: () => number | null,
): Promise<Record<string, { timing: Timing; cpuMsPerRequest: number | null }>> {
  const names = Object.keys(targets);
  for (let i = 0; i < warmup; i++) for (const name of names) await targets[name]!();
  const latencies = new Map(names.map((n) => [n, [] as number[]]));
  const cpu = new Map<string, number | null>(names.map((n) => [n, 0]));
  for (let round = 0; round < requests; round++) {
    for (let turn = 0; turn < names.length; turn++) {
      const name = names[(round + turn) % names.length]!;
      // Lets the previous turn's trailing work (socket teardown, garbage collection) finish outside this one's window.
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const before = cpuMs();
      const t = performance.now();
      await targets[name]!();
      latencies.get(name)!.push(performance.now() - t);
      const after = cpuMs();
      const sum = cpu.get(name) ?? null;
      cpu.set(name, sum === null || before === null || after === null ? null : sum + after - before);
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const own = latencies.get(name)!;
      const total = cpu.get(name) ?? null;
      return [
        name,
        {
          timing: summarise(
            1,
            own,
            own.reduce((a, b) => a + b, 0),
          ),
          cpuMsPerRequest: total === null ? null : total / requests,
        },
      ];
    }),
  );
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
  return summarise(concurrency, latencies, performance.now() - started);
}
