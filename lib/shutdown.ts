import { onStopMessage, supervisorThread } from './supervisor/child.ts';

type Reason = NodeJS.Signals | 'disconnect';

/**
 * Runs the cleanup once on SIGINT/SIGTERM (in-flight requests finish, databases close), then
 * exits. A second Ctrl-C exits at once for the impatient. A service started by `npm start`'s
 * supervisor also stops when the supervisor's IPC channel closes, so it never outlives it, and, run as
 * a worker thread (which receives no signals), when the supervisor's stop message arrives.
 */
export function onShutdown(cleanup: () => Promise<unknown>): void {
  let stopping = false;
  const handler = (signal: Reason) => {
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
  listen();
  current = handler;
  if (process.send && !supervisorThread) process.on('disconnect', () => handler('disconnect'));
  if (held) handler(held);
}

let held: NodeJS.Signals | null = null;
/** Until onShutdown takes over: hold the first signal, exit at the second. */
let current: (signal: Reason) => void = (signal) => {
  if (held) process.exit(130);
  held = signal as NodeJS.Signals;
};
const dispatch = (signal: Reason) => current(signal);

/**
 * Holds SIGINT/SIGTERM (and a supervisor's stop message) while a service starts, until onShutdown takes them:
 * stopped mid-start, a process would leave a PGlite data directory half-written; held, it finishes starting and
 * then stops cleanly. A second signal exits at once.
 */
export function holdSignalsDuringStart(): void {
  listen();
}

let listening = false;
function listen(): void {
  if (listening) return;
  listening = true;
  process.on('SIGINT', dispatch);
  process.on('SIGTERM', dispatch);
  onStopMessage(() => dispatch('SIGTERM'));
}
