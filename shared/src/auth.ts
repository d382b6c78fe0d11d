import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { createLocalJWKSet, createRemoteJWKSet, exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTVerifyGetKey } from 'jose';

import { isValidCitizenId } from './citizen-id';
import { codedError } from './errors';
import { BUREAUS } from './policy';
import { PUBLIC_PRINCIPAL, ROLES, type Principal, type Role } from './principal';

/**
 * Caller identity. A caller's bearer JWT is verified once, at the gateway;
 * the verified principal travels to the subgraphs in an internal header
 * signed with a secret only the gateway and the subgraphs hold. A subgraph
 * treats a call without a valid internal signature as public, so skipping
 * the gateway gains nothing.
 */

export const TOKEN_ISSUER = 'mianyang-credit-dev';
export const TOKEN_AUDIENCE = 'mianyang-credit-api';
export const INTERNAL_PRINCIPAL_HEADER = 'x-credit-principal';
const INTERNAL_AUDIENCE = 'mianyang-credit-subgraphs';
const INTERNAL_TOKEN_TTL_SECONDS = 60;

const DEV_KEY_DIR = path.join(__dirname, '..', '..', '.run', 'dev-keys');

/** What a subgraph learns about a request from the gateway. */
export interface ForwardedRequest {
  principal: Principal;
  /** Valid consents of the people in this request, granted to the calling partner. */
  grants: Record<string, { consentId: string; scopes: string[]; purpose: string }>;
  /** People on a public list (debtors, penalties, joint punishment, red list) among those asked for. */
  publicListed: string[];
}

export const PUBLIC_REQUEST: ForwardedRequest = Object.freeze({ principal: PUBLIC_PRINCIPAL, grants: {}, publicListed: [] }) as ForwardedRequest;

function isProduction(): boolean {
  return process.env.NODE_ENV === 'production';
}

/**
 * Writes `content` to `file` unless it exists, atomically and exclusively
 * (a temp file hard-linked into place), and returns what the file holds:
 * concurrent first runs (two test workers, `npm start` and `npm run token`)
 * all end up with the same content.
 */
function createOnce(file: string, content: () => string): string {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(temp, content(), { mode: 0o600 });
    try {
      linkSync(temp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      unlinkSync(temp);
    }
  }
  return readFileSync(file, 'utf8');
}

/** Creates (once) and returns the development signing key pair under .run/dev-keys. */
export async function ensureDevSigningKeys(dir: string = DEV_KEY_DIR): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const file = path.join(dir, 'dev-signing-key.json');
  let generated = '';
  if (!existsSync(file)) {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const kid = `dev-${Date.now().toString(36)}`;
    generated = JSON.stringify({
      privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'ES256' },
      publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' },
    });
  }
  return JSON.parse(createOnce(file, () => generated)) as { privateJwk: JWK; publicJwk: JWK };
}

export interface CallerTokenVerifier {
  verify(token: string): Promise<Principal>;
}

/**
 * The verifier of callers' tokens: a JWKS URL (`AUTH_JWKS_URL`, production),
 * a public JWK file (`AUTH_PUBLIC_KEY_FILE`), or, outside production, the
 * development key that `npm run token` signs with.
 */
export async function createCallerTokenVerifier(options: { jwksUrl?: string; publicJwks?: JWK[]; issuer?: string } = {}): Promise<CallerTokenVerifier> {
  let getKey: JWTVerifyGetKey;
  const jwksUrl = options.jwksUrl ?? process.env.AUTH_JWKS_URL;
  if (options.publicJwks) {
    getKey = createLocalJWKSet({ keys: options.publicJwks });
  } else if (jwksUrl) {
    getKey = createRemoteJWKSet(new URL(jwksUrl));
  } else if (process.env.AUTH_PUBLIC_KEY_FILE) {
    getKey = createLocalJWKSet({ keys: [JSON.parse(readFileSync(process.env.AUTH_PUBLIC_KEY_FILE, 'utf8')) as JWK] });
  } else if (!isProduction()) {
    getKey = createLocalJWKSet({ keys: [(await ensureDevSigningKeys()).publicJwk] });
  } else {
    throw new Error('AUTH_JWKS_URL (or AUTH_PUBLIC_KEY_FILE) must be set in production: callers cannot be authenticated without it');
  }
  const issuer = options.issuer ?? process.env.AUTH_ISSUER ?? TOKEN_ISSUER;
  return {
    async verify(token: string): Promise<Principal> {
      let claims: Record<string, unknown>;
      try {
        ({ payload: claims } = await jwtVerify(token, getKey, { issuer, audience: TOKEN_AUDIENCE, algorithms: ['ES256', 'RS256', 'EdDSA'] }));
      } catch (err) {
        throw codedError('UNAUTHENTICATED', `Invalid bearer token: ${(err as Error).message}`);
      }
      return principalFromClaims(claims);
    },
  };
}

/** Turns verified claims into a principal; claims that make no sense are UNAUTHENTICATED. */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const role = claims.role as Role;
  if (!ROLES.includes(role)) throw codedError('UNAUTHENTICATED', `Token role ${JSON.stringify(claims.role)} is not one of ${ROLES.join(', ')}`);
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [];
  const principal: Principal = { role, scopes };
  if (role === 'subject') {
    if (!isValidCitizenId(claims.sub)) throw codedError('UNAUTHENTICATED', 'A subject token must carry a valid citizen ID as `sub`');
    principal.subjectId = String(claims.sub).toUpperCase();
  }
  if (role === 'partner' || role === 'bureau' || role === 'internal' || role === 'reviewer' || role === 'auditor') {
    if (typeof claims.org !== 'string' || claims.org.length === 0) throw codedError('UNAUTHENTICATED', `A ${role} token must name its organisation in \`org\``);
    principal.org = claims.org;
  }
  if (role === 'bureau' && !(BUREAUS as readonly string[]).includes(principal.org!)) {
    throw codedError('UNAUTHENTICATED', `A bureau token's org must be one of ${BUREAUS.join(', ')}`);
  }
  return principal;
}

/** Signs a caller token with the development key (`npm run token`, tests). */
export async function signDevToken(claims: { role: Role; sub?: string; org?: string; scopes?: string[] }, ttl = '1h', privateJwk?: JWK): Promise<string> {
  const jwk = privateJwk ?? (await ensureDevSigningKeys()).privateJwk;
  const key = await importJWK(jwk, 'ES256');
  const jwt = new SignJWT({
    role: claims.role,
    ...(claims.org ? { org: claims.org } : {}),
    ...(claims.scopes?.length ? { scope: claims.scopes.join(' ') } : {}),
  })
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(ttl);
  if (claims.sub) jwt.setSubject(claims.sub);
  return jwt.sign(key);
}

/**
 * The secret shared by the gateway and the subgraphs for the internal
 * principal header: `INTERNAL_SIGNING_SECRET`, or outside production a
 * development secret kept under .run/dev-keys.
 */
export function internalSigningSecret(): Uint8Array {
  const fromEnv = process.env.INTERNAL_SIGNING_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('INTERNAL_SIGNING_SECRET must be at least 32 characters');
    return new TextEncoder().encode(fromEnv);
  }
  if (isProduction()) throw new Error('INTERNAL_SIGNING_SECRET must be set in production: subgraphs cannot trust the gateway without it');
  const secret = createOnce(path.join(DEV_KEY_DIR, 'internal.secret'), () => randomBytes(32).toString('base64url'));
  return new TextEncoder().encode(secret.trim());
}

/** Signs what the gateway forwards to the subgraphs about one request. */
export async function signForwardedRequest(request: ForwardedRequest, secret: Uint8Array): Promise<string> {
  return new SignJWT({ p: request.principal, g: request.grants, l: request.publicListed })
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(INTERNAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${INTERNAL_TOKEN_TTL_SECONDS}s`)
    .sign(secret);
}

/**
 * Verifies the internal header. Anything but a valid, fresh signature —
 * missing, forged, expired — yields the public request: a subgraph never
 * trusts a caller that did not come through the gateway.
 */
export async function verifyForwardedRequest(header: string | undefined, secret: Uint8Array): Promise<ForwardedRequest> {
  if (!header) return PUBLIC_REQUEST;
  try {
    const { payload } = await jwtVerify(header, secret, { audience: INTERNAL_AUDIENCE, algorithms: ['HS256'] });
    const principal = payload.p as Principal;
    if (!principal || !ROLES.includes(principal.role)) return PUBLIC_REQUEST;
    return { principal, grants: (payload.g as ForwardedRequest['grants']) ?? {}, publicListed: (payload.l as string[]) ?? [] };
  } catch {
    return PUBLIC_REQUEST;
  }
}
