import { createInterface } from 'node:readline';
import type { ServiceHeap } from '../config.ts';
import type { ReadyMessage } from './child.ts';
import { runService, type Isolation, type RunningService, type ServiceSpec } from './runners.ts';

export type { Isolation, ServiceSpec } from './runners.ts';

/** A service's ready message, with where it runs (`pid 123`, or `pid 123 thread 4`). */
export type ReadyService = ReadyMessage & { id: string };

export interface ServiceState {
  spec: ServiceSpec;
  child: RunningService | null;
  ready: ReadyService | null;
  restarts: number;
}

export interface SupervisorOptions {
  /** Each service in a worker thread (default) or a child process of its own; see `Isolation`. */
  isolation?: Isolation;
  /** Each service's heap sizes (see `runService`); Node's own defaults when absent. */
  heap?: ServiceHeap;
  /** First back-off delay; doubled on each restart in a row, up to `maxBackoffMs`. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** A service up this long since its last restart starts again from the first delay. */
  stableAfterMs?: number;
  log?: (line: string) => void;
}

/**
 * Runs services as worker threads or child processes and restarts one that dies with exponential back-off, so a
 * crashed subgraph comes back by itself while the others keep serving. Threads end with the supervisor's process;
 * children run in their own process group (a terminal's Ctrl-C reaches only the supervisor, which stops them in
 * order) and stop themselves when the supervisor's IPC channel closes, so none outlives it.
 */
export class Supervisor {
  readonly services = new Map<string, ServiceState>();
  private stopping = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly stableAfterMs: number;
  private readonly log: (line: string) => void;
  readonly isolation: Isolation;
  private readonly heap: ServiceHeap | undefined;

  constructor(options: SupervisorOptions = {}) {
    this.isolation = options.isolation ?? 'thread';
    this.heap = options.heap;
    this.initialBackoffMs = options.initialBackoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.stableAfterMs = options.stableAfterMs ?? 60_000;
    this.log = options.log ?? ((line) => console.log(line));
  }

  /** Starts a service and resolves when it reports ready; rejects if it exits first (a start-up error is not retried). */
  start(spec: ServiceSpec): Promise<ReadyService> {
    const state: ServiceState = { spec, child: null, ready: null, restarts: 0 };
    this.services.set(spec.name, state);
    return this.spawn(state, true);
  }

  private spawn(state: ServiceState, first: boolean): Promise<ReadyService> {
    const { spec } = state;
    const child = runService(spec, { isolation: this.isolation, heap: this.heap });
    state.child = child;
    // Prefix every line with the service's name: six services share one console.
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) createInterface({ input: stream }).on('line', (line) => (stream === child.stderr ? console.error : console.log)(`[${spec.name}] ${line}`));
    }
    const startedAt = Date.now();
    return new Promise<ReadyService>((resolve, reject) => {
      let readyAt: number | null = null;
      child.onMessage((message) => {
        if ((message as ReadyMessage | null)?.kind !== 'ready') return;
        readyAt = Date.now();
        const ready = { ...(message as ReadyMessage), id: child.id };
        state.ready = ready;
        if (!first) this.log(`supervisor: ${spec.name} is back at ${ready.url} after ${((readyAt - startedAt) / 1000).toFixed(1)} s`);
        resolve(ready);
      });
      child.onExit((code, signal) => {
        state.child = null;
        const how = signal ? `signal ${signal}` : `code ${code}`;
        if (this.stopping) return;
        if (readyAt === null && first) {
          reject(new Error(`${spec.name} exited with ${how} before it was ready`));
          return;
        }
        if (readyAt !== null && Date.now() - readyAt >= this.stableAfterMs) state.restarts = 0;
        const delay = Math.min(this.maxBackoffMs, this.initialBackoffMs * 2 ** state.restarts);
        state.restarts += 1;
        this.log(`supervisor: ${spec.name} exited with ${how}; restarting in ${(delay / 1000).toFixed(1)} s (restart ${state.restarts})`);
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          if (!this.stopping) this.spawn(state, false).catch(() => {});
        }, delay);
        this.timers.add(timer);
      });
    });
  }

  /**
   * Stops the services in the given order (each group at once, then the next): the gateway first so
   * in-flight requests finish while the subgraphs still answer. Resolves with whether every child exited 0.
   */
  async stop(order: readonly (readonly string[])[]): Promise<boolean> {
    this.stopping = true;
    for (const timer of this.timers) clearTimeout(timer);
    let clean = true;
    const named = new Set(order.flat());
    const groups = [...order, [...this.services.keys()].filter((n) => !named.has(n))];
    for (const group of groups) {
      const codes = await Promise.all(group.map((name) => this.stopOne(this.services.get(name))));
      if (codes.some((c) => c !== 0)) clean = false;
    }
    return clean;
  }

  private stopOne(state: ServiceState | undefined): Promise<number | null> {
    const child = state?.child;
    if (!child) return Promise.resolve(0);
    return new Promise((resolve) => {
      // The services drain for up to 10 s; one that hangs past that is killed.
      const kill = setTimeout(() => child.kill(), 20_000);
      child.onExit((code) => {
        clearTimeout(kill);
        if (code !== 0) this.log(`supervisor: ${state!.spec.name} stopped with code ${code}`);
        resolve(code);
      });
      child.stop();
    });
  }
}
