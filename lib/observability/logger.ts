import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured JSON logs (pino), one object per line on stdout: `service`, `reqId` and `traceId` on every request line.
 * LOG_LEVEL (default `info`; `silent` under NODE_ENV=test unless set) chooses what is written.
 */
let destination: DestinationStream | undefined;

/** Sends every logger created afterwards to `stream` (tests read the lines back). */
export function setLogDestination(stream: DestinationStream | undefined): void {
  destination = stream;
}

export function createLogger(service: string, env: Record<string, string | undefined> = process.env): Logger {
  const level = env.LOG_LEVEL || (env.NODE_ENV === 'test' && !destination ? 'silent' : 'info');
  return pino({ level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime }, destination ?? pino.destination({ fd: 1, sync: true }));
}

export type { Logger };
