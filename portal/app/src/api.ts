import type { TypedDocumentString } from './generated/gql/graphql';

/** Where the portal's server says the gateway is (`/config.json`, written from its configuration). */
interface PortalConfig {
  gatewayUrl: string;
}

let configLoaded: Promise<PortalConfig> | null = null;

function portalConfig(): Promise<PortalConfig> {
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

/** The caller's token, once signed in; anonymous callers send none. */
let token: string | null = null;

export function setToken(value: string | null): void {
  token = value;
}

/**
 * Runs one typed operation against the gateway's public API. Any error
 * makes the whole call fail with the first error's code: the portal shows
 * an answer whole or not at all.
 */
export async function request<Result, Variables>(document: TypedDocumentString<Result, Variables>, variables: Variables): Promise<Result> {
  const { gatewayUrl } = await portalConfig();
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
  if (first) throw new ApiError(first.extensions?.code ?? 'UNAVAILABLE', first.message, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
  if (!res.ok || !body?.data) throw new ApiError('UNAVAILABLE', `The gateway answered ${res.status}`);
  return body.data;
}
