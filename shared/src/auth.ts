import { createPublicKey, KeyObject, randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { createLocalJWKSet, createRemoteJWKSet, exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';

import { isValidCitizenId } from './citizen-id';
import { config } from './config';
import { codedError } from './errors';
import { policy } from './policy';
import { PUBLIC_PRINCIPAL, ROLES, type Principal, type Role } from './principal';
import { containsCitizenId } from './record-id';
import { weakSecretProblem } from './secret-strength';
import { sha256 } from './sha256';
import { BUREAUS } from './subgraph-registry';

export { weakSecretProblem } from './secret-strength';

/**
 * Caller identity. A caller's bearer JWT is verified once, at the gateway;
 * the verified principal travels to the subgraphs in an internal header
 * (internal-token.ts) signed for one subgraph, one body and one use. A
 * subgraph refuses any call without a valid one (401), public reads
 * included, so skipping the gateway gains nothing.
 */

export const TOKEN_ISSUER = 'mianyang-credit-dev';
export const TOKEN_AUDIENCE = 'mianyang-credit-api';

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
  return config().production;
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

/**
 * A development key file under .run/dev-keys, created once with `content`
 * (never used in production, where each key must be configured).
 */
export function devKeyFile(name: string, content: () => string): string {
  if (isProduction()) throw new Error(`development key ${name} is not used in production: configure the key explicitly`);
  return createOnce(path.join(DEV_KEY_DIR, name), content);
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

/** Reads a public key file: a PEM public key (SPKI or certificate), a JWK, or a JWK set. */
export function readPublicKeyFile(file: string): { getKey: JWTVerifyGetKey | KeyObject; algorithms: string[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`AUTH_PUBLIC_KEY_FILE ${file} cannot be read: ${(err as Error).message}`);
  }
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) {
    let key: KeyObject;
    try {
      key = createPublicKey(trimmed);
    } catch (err) {
      throw new Error(`AUTH_PUBLIC_KEY_FILE ${file} holds a PEM block that is not a public key or certificate: ${(err as Error).message}`);
    }
    const algorithm = algorithmOf(key);
    if (!algorithm) throw new Error(`AUTH_PUBLIC_KEY_FILE ${file}: a ${key.asymmetricKeyType} key cannot verify ES256, RS256 or EdDSA tokens`);
    return { getKey: key, algorithms: [algorithm] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    throw new Error(
      `AUTH_PUBLIC_KEY_FILE ${file} holds neither a PEM public key nor a JWK (JSON): give the identity provider's public key in one of those forms`,
    );
  }
  const keys = (parsed as { keys?: unknown }).keys ?? [parsed];
  if (!Array.isArray(keys) || keys.length === 0 || !keys.every((k) => typeof k === 'object' && k !== null && typeof (k as JWK).kty === 'string')) {
    throw new Error(`AUTH_PUBLIC_KEY_FILE ${file} is JSON but not a JWK or a JWK set (each key needs its "kty")`);
  }
  if (keys.some((k) => 'd' in (k as JWK))) throw new Error(`AUTH_PUBLIC_KEY_FILE ${file} holds a private key: give the gateway only the public key`);
  return { getKey: createLocalJWKSet({ keys: keys as JWK[] }), algorithms: CALLER_TOKEN_ALGORITHMS };
}

const CALLER_TOKEN_ALGORITHMS = ['ES256', 'RS256', 'EdDSA'];

function algorithmOf(key: KeyObject): string | null {
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  if (key.asymmetricKeyType === 'ed25519') return 'EdDSA';
  return null;
}

/**
 * The verifier of callers' tokens: a JWKS URL (`AUTH_JWKS_URL`, production),
 * a public key file (`AUTH_PUBLIC_KEY_FILE`, PEM or JWK), or, outside
 * production, the development key that `npm run token` signs with. A token
 * that lives longer than the policy's `security.maxCallerTokenLifetimeHours`
 * is refused, however well signed: a stolen long-lived token is a standing
 * pass to people's records.
 */
export async function createCallerTokenVerifier(
  options: { jwksUrl?: string; publicJwks?: JWK[]; keySet?: JWTVerifyGetKey; issuer?: string } = {},
): Promise<CallerTokenVerifier> {
  let getKey: JWTVerifyGetKey | KeyObject;
  let algorithms = CALLER_TOKEN_ALGORITHMS;
  const jwksUrl = options.jwksUrl ?? config().AUTH_JWKS_URL;
  if (options.keySet) {
    getKey = options.keySet;
  } else if (options.publicJwks) {
    getKey = createLocalJWKSet({ keys: options.publicJwks });
  } else if (jwksUrl) {
    getKey = createRemoteJWKSet(new URL(jwksUrl));
  } else if (config().AUTH_PUBLIC_KEY_FILE) {
    ({ getKey, algorithms } = readPublicKeyFile(config().AUTH_PUBLIC_KEY_FILE!));
  } else if (!isProduction()) {
    getKey = createLocalJWKSet({ keys: [(await ensureDevSigningKeys()).publicJwk] });
  } else {
    throw new Error('AUTH_JWKS_URL (or AUTH_PUBLIC_KEY_FILE) must be set in production: callers cannot be authenticated without it');
  }
  const issuer = options.issuer ?? config().AUTH_ISSUER ?? TOKEN_ISSUER;
  const verified = new LRUCache<string, { principal: Principal; until: number }>({ max: VERIFIED_TOKENS_KEPT });
  return {
    async verify(token: string): Promise<Principal> {
      // By a digest: the cache never holds a usable token.
      const key = sha256(token, 'base64');
      const known = verified.get(key);
      if (known && Date.now() < known.until) return known.principal;
      let claims: Record<string, unknown>;
      try {
        ({ payload: claims } =
          getKey instanceof KeyObject
            ? await jwtVerify(token, getKey, { issuer, audience: TOKEN_AUDIENCE, algorithms })
            : await jwtVerify(token, getKey, { issuer, audience: TOKEN_AUDIENCE, algorithms }));
      } catch (err) {
        throw codedError('UNAUTHENTICATED', `Invalid bearer token: ${(err as Error).message}`);
      }
      checkLifetime(claims);
      const principal = principalFromClaims(claims);
      // Shared by every request that brings the token: nobody may change it.
      Object.freeze(principal.scopes);
      Object.freeze(principal);
      verified.set(key, { principal, until: Math.min((claims.exp as number) * 1000, Date.now() + VERIFIED_TOKEN_REUSE_MS) });
      return principal;
    },
  };
}

/**
 * Callers send the same token with every request until it expires (an
 * internal system's blacklist checks, a partner's batch): verifying its
 * signature each time was an eighth of the gateway's CPU per request. A
 * verified token is therefore believed again, without its signature being
 * checked, until it expires and for at most this long, so that a key taken
 * out of the identity provider's set stops admitting its tokens within a
 * minute (jose's remote key set is itself refreshed every 10 minutes).
 */
const VERIFIED_TOKEN_REUSE_MS = 60_000;
/** Different tokens kept at once (least recently used first out): far more than the callers of one gateway. */
const VERIFIED_TOKENS_KEPT = 10_000;

/** A caller token must expire, and within the policy's maximum lifetime from its issue. */
function checkLifetime(claims: Record<string, unknown>): void {
  const maxSeconds = policy().security.maxCallerTokenLifetimeHours * 3600;
  if (typeof claims.exp !== 'number') throw codedError('UNAUTHENTICATED', 'The bearer token has no expiry (`exp`); tokens must expire');
  const issued = typeof claims.iat === 'number' ? claims.iat : Date.now() / 1000;
  if (claims.exp - issued > maxSeconds) {
    throw codedError(
      'UNAUTHENTICATED',
      `The bearer token lives ${Math.round((claims.exp - issued) / 3600)} h; at most ${policy().security.maxCallerTokenLifetimeHours} h is accepted`,
      { maxLifetimeHours: policy().security.maxCallerTokenLifetimeHours },
    );
  }
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
  if ((role === 'reviewer' || role === 'auditor' || role === 'bureau') && claims.sub !== undefined) {
    // A staff id names an official, never a citizen: it goes into records of who decided.
    const staff = String(claims.sub);
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(staff) || containsCitizenId(staff))
      throw codedError('UNAUTHENTICATED', 'A staff token’s `sub` must be an opaque staff id (letters, digits, . _ -; no citizen ID)');
    principal.staffId = staff;
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
  const fromEnv = config().INTERNAL_SIGNING_SECRET;
  if (fromEnv) {
    const problem = weakSecretProblem(fromEnv);
    if (problem) throw new Error(`INTERNAL_SIGNING_SECRET ${problem}: generate one with \`openssl rand -base64 32\``);
    return new TextEncoder().encode(fromEnv);
  }
  if (isProduction()) throw new Error('INTERNAL_SIGNING_SECRET must be set in production: subgraphs cannot trust the gateway without it');
  const secret = createOnce(path.join(DEV_KEY_DIR, 'internal.secret'), () => randomBytes(32).toString('base64url'));
  return new TextEncoder().encode(secret.trim());
}
