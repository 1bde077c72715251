/**
 * Runs the cleanup once on SIGINT/SIGTERM (in-flight requests finish, databases close), then
 * exits. A second Ctrl-C exits at once for the impatient. A service started by `npm start`'s
 * supervisor also stops when the supervisor's IPC channel closes, so it never outlives it.
 */
export function onShutdown(cleanup: () => Promise<unknown>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals | 'disconnect') => {
    if (stopping) {
      if (signal === 'disconnect') return;
      process.exit(130);
    }
    stopping = true;
    console.log(`\n${signal === 'disconnect' ? 'supervisor gone' : signal}: shutting down…`);
    cleanup()
      .then(() => {
        console.log('stopped cleanly');
        process.exit(0);
      })
      .catch((error: unknown) => {
        console.error('error during shutdown:', error);
        process.exit(1);
      });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  if (process.send) process.on('disconnect', () => handler('disconnect'));
}
