import { isMainThread, parentPort } from 'node:worker_threads';

/** What a supervised service tells `npm start` once it listens. */
export interface ReadyMessage {
  kind: 'ready';
  url: string;
  /** Where its data lives, for the start summary (`pglite <dir>`, `postgres`, or a note). */
  where?: string;
  /** How the data got there: generated, loaded from the committed snapshot, or already there. */
  data?: 'demo data loaded' | 'demo snapshot loaded' | 'existing data' | 'code list only';
}

/** What the supervisor tells a service it runs as a worker thread instead of SIGTERM (threads receive no signals). */
export interface StopMessage {
  kind: 'stop';
}

/** The supervisor's channel when this service is one of its worker threads, else null. */
export const supervisorThread = isMainThread ? null : parentPort;

/** Tells the supervisor (when there is one: a worker thread's parent, or a process's IPC channel) that the service is ready. */
export function reportReady(message: Omit<ReadyMessage, 'kind'>): void {
  const ready = { kind: 'ready', ...message } satisfies ReadyMessage;
  if (supervisorThread) supervisorThread.postMessage(ready);
  else if (process.send) process.send(ready);
}

/**
 * A supervised service ends with its supervisor: when the IPC channel closes (the supervisor exited, even killed with
 * SIGKILL, which it cannot pass on) the service shuts down as on SIGTERM instead of living on, detached, on its port.
 * A worker thread needs nothing: it ends with its process.
 */
export function endWithSupervisor(): void {
  if (process.send && !supervisorThread) process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}

/** Calls `listener` when the supervisor asks this service, run as a worker thread, to stop. */
export function onStopMessage(listener: () => void): void {
  supervisorThread?.on('message', (message: StopMessage | null) => {
    if (message?.kind === 'stop') listener();
  });
}
