import type { IncomingMessage } from 'node:http';

import { codedError, PUBLIC_PRINCIPAL, type CallerTokenVerifier, type Principal } from '@credit/shared';

/** Header in which a partner declares the purpose of its query (a consent purpose). */
export const PURPOSE_HEADER = 'x-credit-purpose';

/**
 * The caller of a request: public without an Authorization header; the
 * token's principal with one. A token that fails verification, and an empty
 * or malformed header, is refused with UNAUTHENTICATED and HTTP 401 — never
 * silently downgraded to public.
 */
export async function authenticate(req: IncomingMessage, verifier: CallerTokenVerifier): Promise<Principal> {
  const header = req.headers.authorization;
  if (header === undefined) return PUBLIC_PRINCIPAL;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthenticated('Authorization header must be `Bearer <token>`');
  let principal: Principal;
  try {
    principal = await verifier.verify(match[1]!);
  } catch (err) {
    throw unauthenticated((err as Error).message);
  }
  const purpose = req.headers[PURPOSE_HEADER];
  if (typeof purpose === 'string' && purpose.length > 0) principal = { ...principal, purpose: purpose.toUpperCase() };
  return principal;
}

function unauthenticated(message: string) {
  return codedError('UNAUTHENTICATED', message);
}
