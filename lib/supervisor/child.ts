/** What a supervised service tells `npm start` once it listens. */
export interface ReadyMessage {
  kind: 'ready';
  url: string;
  pid: number;
  /** Where its data lives, for the start summary (`pglite <dir>`, `postgres`, or a note). */
  where?: string;
  /** How the data got there: generated, loaded from the committed snapshot, or already there. */
  data?: 'demo data loaded' | 'demo snapshot loaded' | 'existing data' | 'code list only';
}

/** Tells the supervisor (when there is one: the process has an IPC channel) that the service is ready. */
export function reportReady(message: Omit<ReadyMessage, 'kind' | 'pid'>): void {
  if (process.send) process.send({ kind: 'ready', pid: process.pid, ...message } satisfies ReadyMessage);
}

/**
 * A supervised service ends with its supervisor: when the IPC channel closes (the supervisor exited, even killed with
 * SIGKILL, which it cannot pass on) the service shuts down as on SIGTERM instead of living on, detached, on its port.
 */
export function endWithSupervisor(): void {
  if (process.send) process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
