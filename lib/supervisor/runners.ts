import { fork } from 'node:child_process';
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { ServiceHeap } from '../config.ts';
import type { StopMessage } from './child.ts';
import { heapFlags, heapResourceLimits } from './heap.ts';

/** One service the supervisor runs. */
export interface ServiceSpec {
  name: string;
  /** The entry script, run with the same loader flags (tsx) as the supervisor. */
  script: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
}

/**
 * How a service is isolated from the others:
 * - `thread`: a worker thread of the supervisor's process. Its own V8 isolate, heap and event loop; an uncaught error
 *   or `process.exit` ends that thread alone. The threads share the process's compiled WebAssembly, so PGlite's
 *   Postgres is compiled and optimised once instead of once per agency (about a third of a subgraph's start).
 * - `process`: a child process of its own, which also survives a native crash of another service or a `kill -9` of
 *   one pid, at the price of that duplicated start-up work.
 */
export type Isolation = 'thread' | 'process';

/** A running service, whichever way it runs. */
export interface RunningService {
  /** Where to find it: a process id, or the process id and thread. */
  readonly id: string;
  readonly stdout: Readable | null;
  readonly stderr: Readable | null;
  onMessage(listener: (message: unknown) => void): void;
  /** `signal` is set when a process was killed by one; a thread ends with a code. */
  onExit(listener: (code: number | null, signal: NodeJS.Signals | null) => void): void;
  /** Asks it to drain and stop (SIGTERM, or the stop message a thread listens for). */
  stop(): void;
  /** Ends it at once. */
  kill(): void;
}

/**
 * Starts a service. `heap` sizes its heap: one that needs more old generation ends alone, out of memory, and its
 * supervisor restarts it, where threads of one process could otherwise together exhaust the machine's memory.
 */
export function runService(spec: ServiceSpec, { isolation, heap }: { isolation: Isolation; heap?: ServiceHeap | undefined }): RunningService {
  const env = { ...process.env, ...spec.env };
  if (isolation === 'thread') {
    // execArgv is inherited (the tsx loader under tests); stdout and stderr are piped so that lines can be prefixed.
    const worker = new Worker(spec.script, {
      argv: spec.args ?? [],
      env,
      stdout: true,
      stderr: true,
      ...(heap ? { resourceLimits: heapResourceLimits(heap) } : {}),
    });
    // An error the thread did not handle itself ends it; its exit (code 1) follows.
    worker.on('error', (error) => console.error(`[${spec.name}]`, error));
    return {
      id: `pid ${process.pid} thread ${worker.threadId}`,
      stdout: worker.stdout,
      stderr: worker.stderr,
      onMessage: (listener) => worker.on('message', listener),
      onExit: (listener) => worker.once('exit', (code) => listener(code, null)),
      stop: () => worker.postMessage({ kind: 'stop' } satisfies StopMessage),
      kill: () => void worker.terminate(),
    };
  }
  const child = fork(spec.script, spec.args ?? [], {
    env,
    execArgv: [...process.execArgv, ...(heap ? heapFlags(heap) : [])],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // Its own process group: a terminal's Ctrl-C reaches only the supervisor, which stops the services in order.
    detached: true,
  });
  return {
    id: `pid ${child.pid}`,
    stdout: child.stdout,
    stderr: child.stderr,
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', listener),
    stop: () => child.kill('SIGTERM'),
    kill: () => child.kill('SIGKILL'),
  };
}
