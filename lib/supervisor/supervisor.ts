import { fork, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { ReadyMessage } from './child.ts';

/** One service the supervisor runs as a child process. */
export interface ServiceSpec {
  name: string;
  /** The entry script, run with the same loader flags (tsx) as the supervisor. */
  script: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
}

export interface ServiceState {
  spec: ServiceSpec;
  child: ChildProcess | null;
  ready: ReadyMessage | null;
  restarts: number;
}

export interface SupervisorOptions {
  /** First back-off delay; doubled on each restart in a row, up to `maxBackoffMs`. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** A service up this long since its last restart starts again from the first delay. */
  stableAfterMs?: number;
  log?: (line: string) => void;
}

/**
 * Runs services as child processes and restarts one that dies with exponential back-off, so a crashed
 * subgraph comes back by itself while the others keep serving. Children run in their own process group
 * (a terminal's Ctrl-C reaches only the supervisor, which stops them in order) and stop themselves when
 * the supervisor's IPC channel closes, so none outlives it.
 */
export class Supervisor {
  readonly services = new Map<string, ServiceState>();
  private stopping = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly stableAfterMs: number;
  private readonly log: (line: string) => void;

  constructor(options: SupervisorOptions = {}) {
    this.initialBackoffMs = options.initialBackoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.stableAfterMs = options.stableAfterMs ?? 60_000;
    this.log = options.log ?? ((line) => console.log(line));
  }

  /** Starts a service and resolves when it reports ready; rejects if it exits first (a start-up error is not retried). */
  start(spec: ServiceSpec): Promise<ReadyMessage> {
    const state: ServiceState = { spec, child: null, ready: null, restarts: 0 };
    this.services.set(spec.name, state);
    return this.spawn(state, true);
  }

  private spawn(state: ServiceState, first: boolean): Promise<ReadyMessage> {
    const { spec } = state;
    const child = fork(spec.script, spec.args ?? [], {
      env: { ...process.env, ...spec.env },
      execArgv: process.execArgv,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      detached: true,
    });
    state.child = child;
    // Prefix every line with the service's name: six services share one console.
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) createInterface({ input: stream }).on('line', (line) => (stream === child.stderr ? console.error : console.log)(`[${spec.name}] ${line}`));
    }
    const startedAt = Date.now();
    return new Promise<ReadyMessage>((resolve, reject) => {
      let readyAt: number | null = null;
      child.on('message', (message: ReadyMessage) => {
        if (message?.kind !== 'ready') return;
        readyAt = Date.now();
        state.ready = message;
        if (!first) this.log(`supervisor: ${spec.name} is back at ${message.url} after ${((readyAt - startedAt) / 1000).toFixed(1)} s`);
        resolve(message);
      });
      child.once('exit', (code, signal) => {
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
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve(0);
    return new Promise((resolve) => {
      // The services drain for up to 10 s; one that hangs past that is killed.
      const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.once('exit', (code) => {
        clearTimeout(kill);
        if (code !== 0) this.log(`supervisor: ${state!.spec.name} stopped with code ${code}`);
        resolve(code);
      });
      child.kill('SIGTERM');
    });
  }
}
