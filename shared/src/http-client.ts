import { Agent, request } from 'undici';

/**
 * The HTTP client of every call between our services (gateway to subgraphs,
 * services to the platform). undici's `request` on one keep-alive agent per
 * process: Node's built-in fetch wraps the same client in WHATWG streams,
 * Request and Response objects, which cost about as much CPU as the rest of
 * a gateway hop (issue 11's profile). Connections are kept per origin, up to
 * `MAX_CONNECTIONS_PER_ORIGIN` each, and reused across requests.
 */
const MAX_CONNECTIONS_PER_ORIGIN = 128;

const agent = new Agent({
  connections: MAX_CONNECTIONS_PER_ORIGIN,
  keepAliveTimeout: 30_000,
  // A subgraph that accepts the connection but never answers is cut by the caller's signal, not by these.
  headersTimeout: 0,
  bodyTimeout: 0,
});

/** An answer as read in full: status, the headers a caller needs, the body as text. */
export interface HttpAnswer {
  status: number;
  contentType: string | undefined;
  body: string;
}

/**
 * POSTs `body` and reads the whole answer. Rejects with the signal's reason
 * (a `TimeoutError` for `AbortSignal.timeout`) when it fires first, and with
 * the connection's error when the service cannot be reached.
 */
export async function postText(url: string, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<HttpAnswer> {
  const res = await request(url, { method: 'POST', headers, body, signal, dispatcher: agent });
  const text = await res.body.text();
  const contentType = res.headers['content-type'];
  return { status: res.statusCode, contentType: Array.isArray(contentType) ? contentType.join(', ') : contentType, body: text };
}
