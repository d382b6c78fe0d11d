import type { TypedDocumentString } from './generated/gql/graphql';

/** Where the portal's server says the gateway is (`/config.json`, written from its configuration). */
export interface PortalConfig {
  gatewayUrl: string;
  /** How a person signs in: at the city's identity service (OpenID Connect), by citizen ID on a development portal, or not at all. */
  signIn: 'oidc' | 'development' | 'none';
  /** The identity service, when `signIn` is `oidc`. */
  oidc?: { issuer: string; clientId: string; scope: string };
}

let configLoaded: Promise<PortalConfig> | null = null;

export function portalConfig(): Promise<PortalConfig> {
  configLoaded ??= fetch('/config.json').then(async (res) => {
    if (!res.ok) throw new ApiError('UNAVAILABLE', `config.json answered ${res.status}`);
    return (await res.json()) as PortalConfig;
  });
  return configLoaded;
}

/** An answer of the gateway that carries no data: its error code (`extensions.code`), and when to retry after a 429. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

/** Who is signed in in this tab: the token the gateway verifies, and whose it is. */
export interface Session {
  token: string;
  subject: string;
}

const SESSION_KEY = 'portal.session';

/** The tab's session (kept in sessionStorage: it ends with the tab, and no other site can read it). */
export function currentSession(): Session | null {
  try {
    const session = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as Session | null;
    return session?.token && session.subject ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(SESSION_KEY);
}

/** Dispatched on window when the gateway refuses the session's token (expired): the portal signs the person out. */
export const SESSION_ENDED = 'portal:session-ended';

/** Signs in by citizen ID on a development portal (the server refuses outside development). */
export async function developmentSignIn(citizenId: string): Promise<Session> {
  const res = await fetch('/dev/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ citizenId }) });
  const body = (await res.json().catch(() => null)) as { token?: string; subject?: string; error?: { code: string; message: string } } | null;
  if (!res.ok || !body?.token || !body.subject)
    throw new ApiError(body?.error?.code ?? 'UNAVAILABLE', body?.error?.message ?? `sign-in answered ${res.status}`);
  return { token: body.token, subject: body.subject };
}

/**
 * Runs one typed operation against the gateway's public API. Any error
 * makes the whole call fail with the first error's code: the portal shows
 * an answer whole or not at all.
 */
export async function request<Result, Variables>(document: TypedDocumentString<Result, Variables>, variables: Variables): Promise<Result> {
  const { gatewayUrl } = await portalConfig();
  const token = currentSession()?.token;
  let res: Response;
  try {
    res = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch (err) {
    throw new ApiError('UNAVAILABLE', (err as Error).message);
  }
  const retryAfter = Number(res.headers.get('retry-after'));
  const body = (await res.json().catch(() => null)) as { data?: Result; errors?: { message: string; extensions?: { code?: string } }[] } | null;
  const first = body?.errors?.[0];
  if (first?.extensions?.code === 'UNAUTHENTICATED' && token) {
    // The token expired (or the gateway no longer trusts it): the session is over, not the page.
    saveSession(null);
    window.dispatchEvent(new Event(SESSION_ENDED));
    throw new ApiError('SESSION_ENDED', first.message);
  }
  if (first) throw new ApiError(first.extensions?.code ?? 'UNAVAILABLE', first.message, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
  if (!res.ok || !body?.data) throw new ApiError('UNAVAILABLE', `The gateway answered ${res.status}`);
  return body.data;
}
