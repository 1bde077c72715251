import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { authConfig, DEFAULT_AUDIENCE, DEFAULT_ISSUER, DEVELOPMENT_ONLY_JWT_SECRET, type AuthConfig } from '../../lib/auth/config.ts';
import { createAuthenticator, mintToken, viewerFromAuthorization } from '../../lib/auth/tokens.ts';
import { ANONYMOUS } from '../../lib/auth/viewer.ts';

const DEV = authConfig({});
const OTHER_SECRET = 'another-secret-of-at-least-thirty-two-bytes!';
const dev = createAuthenticator(DEV);

/** A token with arbitrary claims, signed with the development secret (mintToken refuses bad claims). */
function signed(
  claims: Record<string, unknown>,
  options: { alg?: string; secret?: string; expires?: string | null; issuer?: string; audience?: string } = {},
): Promise<string> {
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? 'HS256' })
    .setIssuer(options.issuer ?? DEFAULT_ISSUER)
    .setAudience(options.audience ?? DEFAULT_AUDIENCE)
    .setIssuedAt();
  if (options.expires !== null) jwt = jwt.setExpirationTime(options.expires ?? '1h');
  return jwt.sign(new TextEncoder().encode(options.secret ?? DEVELOPMENT_ONLY_JWT_SECRET));
}

async function refusal(promise: Promise<unknown>): Promise<{ code: unknown; status: unknown; message: string }> {
  const error = (await promise.then(
    () => expect.unreachable('the token was accepted'),
    (e: unknown) => e,
  )) as { message: string; extensions: { code: unknown; http?: { status: unknown } } };
  return { code: error.extensions.code, status: error.extensions.http?.status, message: error.message };
}

describe('verifying bearer tokens (HS256)', () => {
  it('treats a request without an Authorization header as anonymous', async () => {
    expect(await dev.viewer(undefined)).toEqual(ANONYMOUS);
    expect(await viewerFromAuthorization(undefined)).toEqual(ANONYMOUS);
  });

  it('reads subject, agency and roles from a token it minted', async () => {
    const token = await mintToken({ subject: 'energy-loader', agency: 'energy', roles: ['writer', 'reader'] }, DEV);
    expect(await dev.viewer(`Bearer ${token}`)).toEqual({ subject: 'energy-loader', agency: 'energy', roles: ['writer', 'reader'] });
    expect(await viewerFromAuthorization(`bearer ${token}`)).toMatchObject({ subject: 'energy-loader' });
    // A reader of no agency: agency absent, not an empty string.
    expect(await dev.viewer(`Bearer ${await mintToken({ subject: 'ministry', roles: ['reader'] }, DEV)}`)).toEqual({
      subject: 'ministry',
      agency: null,
      roles: ['reader'],
    });
  });

  it.each([
    ['Basic dXNlcjpwYXNz', /must be "Bearer <token>"/],
    ['Bearer', /must be "Bearer <token>"/],
    ['Bearer not-a-jwt', /malformed/],
  ])('refuses the malformed header %j with UNAUTHENTICATED (HTTP 401)', async (header, message) => {
    const { code, status, message: text } = await refusal(dev.viewer(header));
    expect([code, status]).toEqual(['UNAUTHENTICATED', 401]);
    expect(text).toMatch(message);
  });

  it('refuses an expired token, saying it expired', async () => {
    const expired = await mintToken({ subject: 'late', agency: 'comms', roles: ['writer'], expiresIn: -60 }, DEV);
    expect(await refusal(dev.viewer(`Bearer ${expired}`))).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/expired/) });
  });

  it('refuses a token signed with another secret, and one without an expiry', async () => {
    expect(await refusal(dev.viewer(`Bearer ${await signed({ sub: 'x' }, { secret: OTHER_SECRET })}`))).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/signature/),
    });
    expect(await refusal(dev.viewer(`Bearer ${await signed({ sub: 'x' }, { expires: null })}`))).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/"exp"/),
    });
  });

  it('refuses a token of another issuer or audience, or signed with another HMAC algorithm', async () => {
    expect((await refusal(dev.viewer(`Bearer ${await signed({ sub: 'x' }, { issuer: 'someone-else' })}`))).message).toMatch(/"iss"/);
    expect((await refusal(dev.viewer(`Bearer ${await signed({ sub: 'x' }, { audience: 'another-api' })}`))).message).toMatch(/"aud"/);
    expect((await refusal(dev.viewer(`Bearer ${await signed({ sub: 'x' }, { alg: 'HS512' })}`))).message).toMatch(/algorithm/);
  });

  it('refuses unknown roles, a roles claim that is not a list, and an agency that does not exist', async () => {
    const unknownRole = await refusal(dev.viewer(`Bearer ${await signed({ sub: 'x', roles: ['reader', 'admin'] })}`));
    expect(unknownRole).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('unknown role(s) "admin": roles are writer, reader') });
    expect((await refusal(dev.viewer(`Bearer ${await signed({ sub: 'x', roles: 'reader' })}`))).message).toMatch(/must be an array/);
    const badAgency = await refusal(dev.viewer(`Bearer ${await signed({ sub: 'x', agency: 'police', roles: ['writer'] })}`));
    expect(badAgency.message).toContain('"agency" claim "police" is not an agency: use one of comms, econ, bigdata, energy');
  });

  it('refuses a token without a subject', async () => {
    expect((await refusal(dev.viewer(`Bearer ${await signed({ roles: ['reader'] })}`))).message).toMatch(/"sub"/);
  });

  it('will not mint a token with an unknown role, agency or expiry', async () => {
    await expect(mintToken({ subject: 'x', roles: ['admin' as never] }, DEV)).rejects.toThrow(/Unknown role/);
    await expect(mintToken({ subject: 'x', agency: 'police' as never, roles: [] }, DEV)).rejects.toThrow(/Unknown agency/);
    await expect(mintToken({ subject: 'x', roles: ['reader'], expiresIn: 'soon' }, DEV)).rejects.toThrow(/not a time span/);
  });
});

describe('verified tokens are remembered, within limits', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('checks the signature of a token once, then again after a minute', async () => {
    const auth = createAuthenticator(DEV);
    const token = `Bearer ${await mintToken({ subject: 'dashboard', roles: ['reader'] }, DEV)}`;
    const signatureChecks = vi.spyOn(globalThis.crypto.subtle, 'verify');
    await auth.viewer(token);
    await auth.viewer(token);
    expect(signatureChecks).toHaveBeenCalledTimes(1);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 });
    expect(await auth.viewer(token)).toMatchObject({ subject: 'dashboard' });
    expect(signatureChecks).toHaveBeenCalledTimes(2);
  });

  it('refuses a remembered token once it expires', async () => {
    const auth = createAuthenticator(DEV);
    const token = `Bearer ${await mintToken({ subject: 'brief', roles: ['reader'], expiresIn: 20 }, DEV)}`;
    expect(await auth.viewer(token)).toMatchObject({ subject: 'brief' });
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 21_000 });
    expect(await refusal(auth.viewer(token))).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/expired/) });
  });
});

describe('configuration', () => {
  it('defaults to the development secret, issuer green-ict-dev and audience green-ict-federation', () => {
    expect(DEV).toMatchObject({ issuer: 'green-ict-dev', audience: 'green-ict-federation', keys: { kind: 'secret', development: true } });
    expect(authConfig({ JWT_SECRET: OTHER_SECRET, JWT_ISSUER: 'idp', JWT_AUDIENCE: 'stats' })).toMatchObject({
      issuer: 'idp',
      audience: 'stats',
      keys: { kind: 'secret', development: false },
    });
  });

  it('refuses the development secret in production, whether defaulted or set explicitly', () => {
    expect(() => authConfig({ NODE_ENV: 'production' })).toThrow(/NODE_ENV=production.*DEVELOPMENT_ONLY_JWT_SECRET/);
    expect(() => authConfig({ NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_ONLY_JWT_SECRET })).toThrow(/refusing to start/);
    expect(authConfig({ NODE_ENV: 'production', JWT_SECRET: OTHER_SECRET }).keys).toMatchObject({ kind: 'secret', development: false });
    expect(authConfig({ NODE_ENV: 'production', JWT_JWKS_URL: 'https://idp.example/jwks.json' }).keys.kind).toBe('jwks');
  });

  it('refuses a short secret, a malformed JWKS URL, and both kinds of key at once', () => {
    expect(() => authConfig({ JWT_SECRET: 'short' })).toThrow(/at least 32 bytes/);
    expect(() => authConfig({ JWT_JWKS_URL: 'jwks.json' })).toThrow(/absolute URL/);
    expect(() => authConfig({ JWT_SECRET: OTHER_SECRET, JWT_JWKS_URL: 'https://idp.example/jwks.json' })).toThrow(/either/);
  });
});

describe('verifying tokens of an identity provider (JWKS)', () => {
  let server: http.Server;
  let config: AuthConfig;
  let privateKey: CryptoKey;
  let strangerKey: CryptoKey;
  let jwksRequests = 0;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    strangerKey = (await generateKeyPair('ES256')).privateKey;
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'idp-key-1', alg: 'ES256', use: 'sig' };
    server = http.createServer((_req, res) => {
      jwksRequests += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    config = authConfig({
      JWT_JWKS_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`,
      JWT_ISSUER: 'https://idp.example',
    });
  });
  afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

  const idpToken = (claims: Record<string, unknown>, key: CryptoKey, kid = 'idp-key-1') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid })
      .setIssuer('https://idp.example')
      .setAudience(DEFAULT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key);

  it("accepts a token signed with the provider's published key, fetching the key set once", async () => {
    const auth = createAuthenticator(config);
    const token = await idpToken({ sub: 'alice@ndrc', agency: 'econ', roles: ['reader'] }, privateKey);
    expect(await auth.viewer(`Bearer ${token}`)).toEqual({ subject: 'alice@ndrc', agency: 'econ', roles: ['reader'] });
    expect(await auth.viewer(`Bearer ${token}`)).toMatchObject({ subject: 'alice@ndrc' });
    expect(jwksRequests).toBe(1);
  });

  it('refuses a token signed with a key the provider did not publish, and an HS256 token made with the development secret', async () => {
    const auth = createAuthenticator(config);
    expect((await refusal(auth.viewer(`Bearer ${await idpToken({ sub: 'mallory' }, strangerKey)}`))).message).toMatch(/signature/);
    const hs256 = await signed({ sub: 'mallory', roles: ['reader'] }, { issuer: 'https://idp.example' });
    expect(await refusal(auth.viewer(`Bearer ${hs256}`))).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/algorithm/) });
  });

  it('cannot mint tokens: the provider issues them', async () => {
    await expect(mintToken({ subject: 'x', roles: ['reader'] }, config)).rejects.toThrow(/identity provider/);
  });
});
