/** How bearer tokens are verified, from the environment. Read at each server start, so a bad setting stops the start. */
type Env = Record<string, string | undefined>;

/**
 * The secret every service falls back to when neither `JWT_SECRET` nor `JWT_JWKS_URL` is set, so
 * `npm start` works on a fresh clone. It is public (it is in the repository): with
 * `NODE_ENV=production` start-up refuses it.
 */
export const DEVELOPMENT_ONLY_JWT_SECRET = 'DEVELOPMENT_ONLY_JWT_SECRET-public-in-the-repository-never-use-in-production';

/** HS256 needs a key at least as long as its 256-bit output (RFC 7518 §3.2). */
const MIN_SECRET_BYTES = 32;

export type TokenKeys =
  /** Tokens signed with a shared secret (HS256); this federation can mint them (`npm run token`). */
  | { kind: 'secret'; secret: Uint8Array; development: boolean }
  /** Tokens signed by an identity provider, verified with the public keys it publishes. */
  | { kind: 'jwks'; url: URL };

export interface AuthConfig {
  keys: TokenKeys;
  /** `iss` every token must carry. */
  issuer: string;
  /** `aud` of callers' tokens. */
  audience: string;
}

export const DEFAULT_ISSUER = 'green-ict-dev';
export const DEFAULT_AUDIENCE = 'green-ict-federation';

/** Throws a message that says which variable to fix; every service calls it before listening. */
export function authConfig(env: Env = process.env): AuthConfig {
  const secret = env.JWT_SECRET || undefined;
  const jwksUrl = env.JWT_JWKS_URL || undefined;
  const production = env.NODE_ENV === 'production';
  if (secret && jwksUrl) throw new Error('Set either JWT_SECRET (HS256 tokens) or JWT_JWKS_URL (tokens of an identity provider), not both.');
  let keys: TokenKeys;
  if (jwksUrl) {
    let url: URL;
    try {
      url = new URL(jwksUrl);
    } catch {
      throw new Error(`JWT_JWKS_URL must be an absolute URL, got "${jwksUrl}".`);
    }
    keys = { kind: 'jwks', url };
  } else {
    const development = !secret || secret === DEVELOPMENT_ONLY_JWT_SECRET;
    if (development && production) {
      throw new Error(
        'NODE_ENV=production but no JWT_SECRET or JWT_JWKS_URL is set: refusing to start with the public development secret (DEVELOPMENT_ONLY_JWT_SECRET). Set JWT_SECRET to a random secret of at least 32 bytes, or JWT_JWKS_URL.',
      );
    }
    const bytes = new TextEncoder().encode(secret ?? DEVELOPMENT_ONLY_JWT_SECRET);
    if (bytes.length < MIN_SECRET_BYTES) throw new Error(`JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes for HS256, got ${bytes.length}.`);
    keys = { kind: 'secret', secret: bytes, development };
  }
  return { keys, issuer: env.JWT_ISSUER || DEFAULT_ISSUER, audience: env.JWT_AUDIENCE || DEFAULT_AUDIENCE };
}
