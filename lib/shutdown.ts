/**
 * Runs the cleanup once on SIGINT/SIGTERM (in-flight requests finish, databases close), then
 * exits. A second Ctrl-C exits at once for the impatient. A service started by `npm start`'s
 * supervisor also stops when the supervisor's IPC channel closes, so it never outlives it.
 */
export function onShutdown(cleanup: () => Promise<unknown>): void {
  process.off('SIGINT', hold);
  process.off('SIGTERM', hold);
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
  if (held) handler(held);
}

let held: NodeJS.Signals | null = null;
function hold(signal: NodeJS.Signals): void {
  if (held) process.exit(130);
  held = signal;
}

/**
 * Holds SIGINT/SIGTERM while a service starts, until onShutdown takes them: stopped mid-start, a process would
 * leave a PGlite data directory half-written; held, it finishes starting and then stops cleanly. A second
 * signal exits at once.
 */
export function holdSignalsDuringStart(): void {
  process.on('SIGINT', hold);
  process.on('SIGTERM', hold);
}
