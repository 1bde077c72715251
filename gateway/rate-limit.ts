import type { IncomingMessage } from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Authenticator } from '../lib/auth/tokens.ts';
import type { Refusal } from '../lib/http.ts';

/**
 * Per-client request limits at the gateway (rate-limiter-flexible, in memory: one budget per gateway
 * process). A client is its verified token's subject, else its address: a caller cannot get a fresh budget
 * by sending made-up tokens. One budget for every admitted route: GraphQL, exports and bulk ingestion alike,
 * so a writer cannot get round it by the bulk path. Over the limit: 429 with `Retry-After`.
 */
export function rateLimiter(perMinute: number, authenticator: Authenticator): ((req: IncomingMessage) => Promise<Refusal | null>) | undefined {
  if (perMinute === 0) return undefined;
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return async (req) => {
    const viewer = await authenticator.viewer(req.headers.authorization).catch(() => null);
    const client = viewer?.subject ? `subject:${viewer.subject}` : `address:${req.socket.remoteAddress ?? 'unknown'}`;
    try {
      const res = await limiter.consume(client);
      return { headers: { 'ratelimit-limit': String(perMinute), 'ratelimit-remaining': String(res.remainingPoints) } };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      return {
        status: 429,
        headers: { 'retry-after': String(seconds), 'ratelimit-limit': String(perMinute), 'ratelimit-remaining': '0', 'ratelimit-reset': String(seconds) },
        error: {
          code: 'RATE_LIMITED',
          message: `More than ${perMinute} requests in a minute from this client (RATE_LIMIT_PER_MINUTE): retry in ${seconds} s.`,
          details: { retryAfterSeconds: seconds },
        },
      };
    }
  };
}
