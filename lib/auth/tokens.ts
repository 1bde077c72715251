import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';
import { AGENCIES, isAgency, type Agency } from '../agencies.ts';
import { authConfig, type AuthConfig } from './config.ts';
import { ANONYMOUS, ROLES, unauthenticated, type Role, type Viewer } from './viewer.ts';

/** Identity providers sign with asymmetric keys; HS256 is accepted only with our own secret. */
const JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

/** Who is calling: every service decides from the caller's own token, whoever relays the request. */
export interface RequestAuth {
  viewer: Viewer;
}

export interface Authenticator {
  readonly config: AuthConfig;
  /** No header: ANONYMOUS. A header that is not a valid token: throws UNAUTHENTICATED (HTTP 401). */
  viewer(authorization: string | undefined): Promise<Viewer>;
  /** The caller, from a request's headers. */
  authenticate(headers: Record<string, string | string[] | undefined>): Promise<RequestAuth>;
}

/** How long a verified token is taken on trust before its signature is checked again (a rotated-out key stops working within this). */
const VERIFIED_TTL_MS = 60_000;

export function createAuthenticator(config: AuthConfig = authConfig()): Authenticator {
  const key: Uint8Array | JWTVerifyGetKey = config.keys.kind === 'secret' ? config.keys.secret : createRemoteJWKSet(config.keys.url);
  const algorithms = config.keys.kind === 'secret' ? ['HS256'] : JWKS_ALGORITHMS;
  // Every subgraph fetch of a request carries the same token: verify it once, not once per fetch.
  // Only successes are kept, and never past the token's own expiry.
  const verified = new LRUCache<string, { payload: JWTPayload; until: number }>({ max: 10_000 });
  const verify = async (token: string, what: string): Promise<JWTPayload> => {
    const cacheKey = token;
    const hit = verified.get(cacheKey);
    if (hit && hit.until > Date.now()) return hit.payload;
    try {
      const options = { issuer: config.issuer, audience: config.audience, algorithms, requiredClaims: ['exp', 'sub'] };
      // Two calls only because jwtVerify's overloads take a key or a key getter, not their union.
      const { payload } = typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options);
      verified.set(cacheKey, { payload, until: Math.min(payload.exp! * 1000, Date.now() + VERIFIED_TTL_MS) });
      return payload;
    } catch (error) {
      verified.delete(cacheKey);
      throw verificationError(error, what);
    }
  };
  const authenticator: Authenticator = {
    config,
    async viewer(authorization) {
      if (!authorization) return ANONYMOUS;
      const match = /^Bearer +(\S+) *$/i.exec(authorization);
      if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
      return viewerFromClaims(await verify(match[1]!, 'bearer token'));
    },
    async authenticate(headers) {
      return { viewer: await authenticator.viewer(single(headers.authorization)) };
    },
  };
  return authenticator;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

let fromEnvironment: Authenticator | undefined;

/** The caller's identity under the configuration in the environment (see `createAuthenticator` to pass one). */
export function viewerFromAuthorization(header: string | undefined): Promise<Viewer> {
  fromEnvironment ??= createAuthenticator();
  return fromEnvironment.viewer(header);
}

/** Claims are checked as strictly as the signature: a token naming an unknown agency or role is refused, not trimmed. */
function viewerFromClaims(payload: JWTPayload): Viewer {
  const { sub, agency, roles } = payload;
  if (typeof sub !== 'string' || sub === '') throw unauthenticated('The bearer token has no "sub" claim naming the caller.');
  if (agency !== undefined && agency !== null && (typeof agency !== 'string' || !isAgency(agency))) {
    throw unauthenticated(`The bearer token's "agency" claim ${JSON.stringify(agency)} is not an agency: use one of ${AGENCIES.join(', ')}, or leave it out.`);
  }
  if (roles !== undefined && !Array.isArray(roles)) throw unauthenticated(`The bearer token's "roles" claim must be an array of roles (${ROLES.join(', ')}).`);
  const unknown = (roles ?? []).filter((r: unknown) => !(ROLES as readonly unknown[]).includes(r));
  if (unknown.length > 0)
    throw unauthenticated(
      `The bearer token's "roles" claim has unknown role(s) ${unknown.map((r) => JSON.stringify(r)).join(', ')}: roles are ${ROLES.join(', ')}.`,
    );
  return Object.freeze({ subject: sub, agency: (agency as Agency | undefined) ?? null, roles: Object.freeze([...new Set(roles as Role[] | undefined)]) });
}

function verificationError(error: unknown, what: string): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof errors.JWTExpired) return unauthenticated(`The ${what} has expired; get a new one (in development: npm run token).`);
  if (error instanceof errors.JWTClaimValidationFailed)
    return unauthenticated(`The ${what} is not for this federation: its "${error.claim}" claim fails the check (${error.reason}).`);
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey)
    return unauthenticated(`The ${what}'s signature does not verify with this federation's key.`);
  if (error instanceof errors.JOSEAlgNotAllowed) return unauthenticated(`The ${what} is signed with an algorithm this federation does not accept.`);
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || !(error instanceof errors.JOSEError)) {
    // Not the caller's fault: the identity provider's key set could not be read.
    return new GraphQLError(
      `Cannot verify the ${what} now: the key set at JWT_JWKS_URL could not be read (${error instanceof Error ? error.message : String(error)}).`,
      {
        extensions: { code: 'AUTH_UNAVAILABLE', http: { status: 503 } },
      },
    );
  }
  return unauthenticated(`The ${what} is malformed: ${error.message.replace(/\.$/, '')}.`);
}

export interface TokenRequest {
  subject: string;
  agency?: Agency | null | undefined;
  roles: readonly Role[];
  /** A jose time span such as `8h` or `30m`, or seconds; default 8 hours. */
  expiresIn?: string | number | undefined;
}

function signingSecret(config: AuthConfig): Uint8Array {
  if (config.keys.kind !== 'secret')
    throw new Error(
      'Tokens are issued by the identity provider at JWT_JWKS_URL; this federation can only mint tokens with JWT_SECRET (or the development secret).',
    );
  return config.keys.secret;
}

/** Signs a caller token with the configured HS256 secret: for development, tests and agency systems sharing the secret. */
export async function mintToken(request: TokenRequest, config: AuthConfig = authConfig()): Promise<string> {
  if (request.subject === '') throw new Error('A token needs a subject.');
  if (request.agency && !isAgency(request.agency)) throw new Error(`Unknown agency "${request.agency}": use one of ${AGENCIES.join(', ')}.`);
  const unknown = request.roles.filter((r) => !ROLES.includes(r));
  if (unknown.length > 0) throw new Error(`Unknown role(s) ${unknown.join(', ')}: roles are ${ROLES.join(', ')}.`);
  const jwt = new SignJWT({ ...(request.agency ? { agency: request.agency } : {}), roles: [...new Set(request.roles)] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.subject)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt();
  try {
    jwt.setExpirationTime(expiresAt(request.expiresIn ?? '8h'));
  } catch {
    throw new Error(`Expiry "${request.expiresIn}" is not a time span such as 30m, 8h or 7d.`);
  }
  return jwt.sign(signingSecret(config));
}

function expiresAt(expiresIn: string | number): string | number {
  // A bare number is seconds from now; jose reads a number as an absolute timestamp.
  return typeof expiresIn === 'number' ? Math.floor(Date.now() / 1000) + expiresIn : expiresIn;
}
