/**
 * The last-resort policy for errors nothing caught, installed by each entry point (never by tests, whose
 * runner reports them itself).
 *
 * - An exception thrown from inside the Postgres driver (`node_modules/postgres/`) is logged and the
 *   process keeps serving. Such a throw comes from a socket callback of a connection that has already
 *   closed (postgres.js 3.4.9 wrote to a nulled socket when the server restarted); the pool discards that
 *   connection and opens a new one for the next query, and no request's state lives in it. The queries
 *   it carried have failed with their own errors.
 * - Any other uncaught exception leaves the service in a state nobody reasoned about (a half-updated cache,
 *   a request that will never answer): it is logged and the service exits 1 (run by `npm start` as a worker
 *   thread, only that thread ends), for its supervisor (`npm start`, the container's restart policy) to start a
 *   clean one.
 * - An unhandled promise rejection is logged and the process keeps serving: nothing waits for that promise,
 *   and a rejection unwinds no synchronous code half-way. (Node's default would end the process.)
 */
export function installLastResortHandlers(service: string, log: (message: string, error: unknown) => void = (m, e) => console.error(m, e)): void {
  process.on('uncaughtException', (error, origin) => {
    if (fromDatabaseDriver(error)) {
      log(`${service}: database driver error outside any query (${origin}); the connection is dropped and the service keeps serving:`, error);
      return;
    }
    log(`${service}: uncaught exception (${origin}); exiting for a clean restart:`, error);
    process.exit(1);
  });
  process.on('unhandledRejection', (reason) => {
    log(`${service}: unhandled promise rejection; the service keeps serving:`, reason);
  });
}

/** Whether an error was thrown by postgres.js's own code (its innermost frame is in the driver's folder). */
export function fromDatabaseDriver(error: unknown): boolean {
  const stack = error instanceof Error ? error.stack : undefined;
  const frame = stack?.split('\n').find((line) => line.trimStart().startsWith('at '));
  return frame !== undefined && /[\\/]node_modules[\\/]postgres[\\/]/.test(frame);
}
