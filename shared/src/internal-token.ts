import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import type { ForwardedRequest } from './auth';
import { policy } from './policy';
import { ROLES, type Principal } from './principal';
import { sha256 } from './sha256';

/**
 * The internal principal header: how a subgraph learns who a request is for,
 * and the proof that it came from the gateway (or from another of our
 * services). A captured header must be worth nothing, so each token is
 *
 * - for one subgraph: its audience is the subgraph's name, and it is signed
 *   with a key derived for that audience from the shared secret;
 * - for one request body: it carries the SHA-256 of the exact bytes sent, so
 *   it cannot be put on another operation or other variables;
 * - for one use: its random `jti` is remembered by the subgraph until the
 *   token expires, and a second use is refused;
 * - short-lived: `security.internalTokenTtlSeconds` of the policy.
 *
 * The format is a JWT (HS256), written by hand because signing and verifying
 * happen on every subgraph call and need nothing of a JOSE library.
 */

export const INTERNAL_PRINCIPAL_HEADER = 'x-credit-principal';

const JWT_HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

interface InternalClaims {
  aud: string;
  /** SHA-256 (base64url) of the request content the token was signed for. */
  bh: string;
  jti: string;
  iat: number;
  exp: number;
  p: Principal;
  g: ForwardedRequest['grants'];
  l: string[];
}

const audienceKeys = new WeakMap<Uint8Array, Map<string, Buffer>>();

/** The signing key of one audience: HMAC-SHA256 of the audience under the shared secret. */
function audienceKey(secret: Uint8Array, audience: string): Buffer {
  let keys = audienceKeys.get(secret);
  if (!keys) {
    keys = new Map();
    audienceKeys.set(secret, keys);
  }
  let key = keys.get(audience);
  if (!key) {
    key = createHmac('sha256', secret).update(`mianyang-credit internal token for ${audience}`).digest();
    keys.set(audience, key);
  }
  return key;
}

/** The audience of a subgraph's tokens. */
export function subgraphAudience(subgraph: string): string {
  return `subgraph:${subgraph}`;
}

/** SHA-256 (base64url) of what a token is bound to: the POST body, or `GET <search>`. */
export function contentHash(content: string): string {
  return sha256(content, 'base64url');
}

/**
 * Signs what a subgraph is told about one request, for one subgraph and one
 * request content (the exact body that will be sent).
 */
export function signInternalToken(request: ForwardedRequest, secret: Uint8Array, target: { subgraph: string; content: string }): string {
  const now = Math.floor(Date.now() / 1000);
  const audience = subgraphAudience(target.subgraph);
  const claims: InternalClaims = {
    aud: audience,
    bh: contentHash(target.content),
    jti: randomBytes(16).toString('base64url'),
    iat: now,
    exp: now + policy().security.internalTokenTtlSeconds,
    p: request.principal,
    g: request.grants,
    l: request.publicListed,
  };
  const signingInput = `${JWT_HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  const signature = createHmac('sha256', audienceKey(secret, audience)).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}

/** Why a token was refused; the reason goes to the caller (it names nothing secret). */
export class InternalTokenError extends Error {}

/**
 * A subgraph's check of the header: signature for its own audience, bound to
 * the content received, fresh, and never seen before.
 */
export class InternalTokenVerifier {
  private readonly key: Buffer;
  // Two generations of seen token ids. A token lives at most one window, so
  // an id is remembered (in the current or the previous generation) for at
  // least its whole life; memory stays bounded by two windows of traffic.
  private seen = new Set<string>();
  private previous = new Set<string>();
  private rotateAt = 0;

  constructor(
    secret: Uint8Array,
    private readonly subgraph: string,
  ) {
    this.key = audienceKey(secret, subgraphAudience(subgraph));
  }

  verify(header: string | undefined, content: string): ForwardedRequest {
    if (!header) throw new InternalTokenError('no internal principal: subgraphs answer only the gateway');
    const parts = header.split('.');
    if (parts.length !== 3 || parts[0] !== JWT_HEADER) throw new InternalTokenError('malformed internal principal');
    const expected = createHmac('sha256', this.key).update(`${parts[0]}.${parts[1]}`).digest();
    const given = Buffer.from(parts[2]!, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new InternalTokenError(`internal principal not signed for ${this.subgraph}`);
    }
    let claims: InternalClaims;
    try {
      claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as InternalClaims;
    } catch {
      throw new InternalTokenError('malformed internal principal');
    }
    const { internalTokenTtlSeconds, clockToleranceSeconds } = policy().security;
    const nowMs = Date.now();
    const now = nowMs / 1000;
    if (claims.aud !== subgraphAudience(this.subgraph)) throw new InternalTokenError(`internal principal not meant for ${this.subgraph}`);
    if (typeof claims.exp !== 'number' || claims.exp + clockToleranceSeconds < now) throw new InternalTokenError('internal principal expired');
    if (claims.exp > now + internalTokenTtlSeconds + clockToleranceSeconds) throw new InternalTokenError('internal principal lives too long');
    if (claims.bh !== contentHash(content)) throw new InternalTokenError('internal principal was signed for another request');
    if (typeof claims.jti !== 'string' || claims.jti.length < 16) throw new InternalTokenError('internal principal has no id');
    const principal = claims.p;
    if (!principal || !ROLES.includes(principal.role) || !Array.isArray(principal.scopes)) throw new InternalTokenError('internal principal names no role');

    const window = (internalTokenTtlSeconds + 2 * clockToleranceSeconds) * 1000;
    if (nowMs >= this.rotateAt) {
      // Rotating twice in a row (after a long quiet spell) forgets ids that have all expired anyway.
      this.previous = nowMs - this.rotateAt > window ? new Set() : this.seen;
      this.seen = new Set();
      this.rotateAt = nowMs + window;
    }
    if (this.seen.has(claims.jti) || this.previous.has(claims.jti)) throw new InternalTokenError('internal principal already used');
    this.seen.add(claims.jti);
    return { principal, grants: claims.g ?? {}, publicListed: claims.l ?? [] };
  }
}
