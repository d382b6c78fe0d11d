import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import { GraphQLError } from 'graphql';

import { ERROR_CODES, type ErrorCode } from './errors';
import type { Logger } from './logger';
import type { ServiceMetrics } from './metrics';
import { policy } from './policy';

/**
 * Our own small HTTP layer around Apollo Server: it owns the parts GraphQL
 * over HTTP leaves to the server — body size limit, malformed JSON, health
 * and metrics endpoints, keep-alive — with coded errors for each.
 */

export interface HttpServiceOptions<TContext extends BaseContext, TAuth = undefined> {
  name: string;
  apollo: ApolloServer<TContext>;
  /**
   * Who is calling, decided before GraphQL runs, from the request and its
   * exact content (the POST body, or `GET <search>`). A coded GraphQLError
   * thrown here is the whole answer, with the status of its code.
   */
  authenticate?: (req: IncomingMessage, content: string) => Promise<TAuth> | TAuth;
  context: (req: IncomingMessage, requestId: string, auth: TAuth) => Promise<TContext>;
  metrics: ServiceMetrics;
  log: Logger;
  /** Body size limit; the policy's `limits.maxRequestBodyBytes` when absent. */
  maxBodyBytes?: number;
  /** Operations per batch; the policy's `limits.maxBatchOperations` when absent. */
  maxBatchOperations?: number;
  /** Size of the request line and headers; the policy's `limits.maxRequestHeaderBytes` when absent. */
  maxHeaderBytes?: number;
  /** Resolves when the service can answer (database reachable). */
  healthCheck: () => Promise<void>;
  /**
   * Web origins whose pages may call this service from a browser (the
   * portal's): their requests are answered with CORS headers, and their
   * preflight `OPTIONS` with what they may send. Others get no CORS header,
   * so a browser withholds the answer from their pages.
   */
  allowedOrigins?: readonly string[];
  /** Extra GET routes (the gateway's explorer). Return true when handled. */
  extraRoutes?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> | boolean;
}

/** Headers a page of an allowed origin may read: the request's id and the public search's budget. */
const EXPOSED_HEADERS = 'x-request-id, retry-after, ratelimit-limit, ratelimit-remaining, ratelimit-reset';

/**
 * Sets the CORS headers of a request from an allowed origin; answers its
 * preflight (true: nothing more to do). The caller's token travels in
 * `Authorization`, never in a cookie, so credentials are not allowed.
 */
function answerCors(req: IncomingMessage, res: ServerResponse, allowedOrigins: readonly string[]): boolean {
  res.setHeader('vary', 'Origin');
  const origin = req.headers.origin;
  if (!origin || !allowedOrigins.includes(origin)) return false;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
  if (req.method !== 'OPTIONS') return false;
  res
    .writeHead(204, {
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'authorization, content-type, x-request-id',
      'access-control-max-age': '600',
    })
    .end();
  return true;
}

export interface RunningHttpService {
  server: http.Server;
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Writes a GraphQL-shaped error response with a registered code. */
export function sendError(
  res: ServerResponse,
  code: ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): void {
  const status = ERROR_CODES[code].http;
  const body = errorBody(code, message, extra);
  res.writeHead(status, { ...headers, 'content-type': 'application/graphql-response+json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function errorBody(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ errors: [{ message, extensions: { code, ...extra } }] });
}

/** How deeply a JSON value nests (a scalar is 0), without recursion. */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Array.isArray(current) ? current : Object.values(current))
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return deepest;
}

class BodyTooLargeError extends Error {}

/** A request's body as text; rejects once it passes `maxBytes` (declared or sent), without reading the rest. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      reject(new BodyTooLargeError());
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new BodyTooLargeError());
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Starts `options.apollo` (already started by the caller) behind an HTTP server on `port` (0 = free port). */
export async function listenHttpService<TContext extends BaseContext, TAuth = undefined>(
  options: HttpServiceOptions<TContext, TAuth>,
  port: number,
  host = '127.0.0.1',
): Promise<RunningHttpService> {
  const { apollo, metrics, log } = options;
  const maxBodyBytes = options.maxBodyBytes ?? policy().limits.maxRequestBodyBytes;
  const maxBatchOperations = options.maxBatchOperations ?? policy().limits.maxBatchOperations;
  const maxInputDepth = policy().limits.maxInputDepth;
  const maxHeaderBytes = options.maxHeaderBytes ?? policy().limits.maxRequestHeaderBytes;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const requestId = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
    res.setHeader('x-request-id', requestId);
    if (answerCors(req, res, options.allowedOrigins ?? [])) return;
    res.on('finish', () =>
      metrics.httpRequests.inc({
        path: url.pathname === '/graphql' || url.pathname === '/health' || url.pathname === '/metrics' ? url.pathname : 'other',
        status: String(res.statusCode),
      }),
    );

    if (url.pathname === '/health') {
      try {
        await options.healthCheck();
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', service: options.name }));
      } catch (err) {
        log.warn('health check failed', { err });
        res
          .writeHead(503, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: 'unavailable', service: options.name, reason: (err as Error).message }));
      }
      return;
    }
    if (url.pathname === '/metrics') {
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(await metrics.registry.metrics());
      return;
    }
    if (options.extraRoutes && (await options.extraRoutes(req, res, url))) return;
    if (url.pathname !== '/graphql') {
      sendError(res, 'NOT_FOUND', `No route ${url.pathname}; GraphQL is served at /graphql`);
      return;
    }
    const method = (req.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'POST') {
      res.setHeader('allow', 'GET, POST');
      sendError(res, 'METHOD_NOT_ALLOWED', `Method ${method} is not allowed on /graphql; use POST (or GET for queries)`);
      return;
    }

    let body: unknown = undefined;
    // What the caller's credentials are bound to (see authenticate).
    let content = `GET ${url.search}`;
    if (method === 'GET') {
      for (const param of ['variables', 'extensions']) {
        const raw = url.searchParams.get(param);
        if (raw === null) continue;
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw);
        } catch (err) {
          sendError(res, 'BAD_REQUEST', `The ${param} parameter is not valid JSON: ${(err as Error).message}`);
          return;
        }
        if (jsonDepth(parsed) > maxInputDepth) {
          sendError(res, 'INPUT_TOO_DEEP', `The ${param} parameter nests deeper than ${maxInputDepth} levels`, { max: maxInputDepth });
          return;
        }
      }
    }
    if (method === 'POST') {
      let text: string;
      try {
        text = await readBody(req, maxBodyBytes);
      } catch (err) {
        if (err instanceof BodyTooLargeError) {
          res.setHeader('connection', 'close');
          sendError(res, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${maxBodyBytes} bytes`, { maxBytes: maxBodyBytes });
          return;
        }
        throw err;
      }
      const contentType = String(req.headers['content-type'] ?? '');
      if (!contentType.startsWith('application/json') && !contentType.startsWith('application/graphql-response+json')) {
        sendError(res, 'BAD_REQUEST', `Content-Type must be application/json, got "${contentType || 'none'}"`);
        return;
      }
      try {
        body = JSON.parse(text);
      } catch (err) {
        sendError(res, 'BAD_REQUEST', `Request body is not valid JSON: ${(err as Error).message}`);
        return;
      }
      content = text;
      // The request itself is one level, each operation another.
      if (jsonDepth(body) > maxInputDepth + (Array.isArray(body) ? 2 : 1)) {
        sendError(res, 'INPUT_TOO_DEEP', `The request nests its values deeper than ${maxInputDepth} levels`, { max: maxInputDepth });
        return;
      }
      if (Array.isArray(body) && body.length > maxBatchOperations) {
        sendError(res, 'BATCH_TOO_LARGE', `A batch may hold at most ${maxBatchOperations} operations, got ${body.length}`, {
          max: maxBatchOperations,
        });
        return;
      }
    }

    let auth: TAuth = undefined as TAuth;
    if (options.authenticate) {
      try {
        auth = await options.authenticate(req, content);
      } catch (err) {
        if (!(err instanceof GraphQLError) || typeof err.extensions.code !== 'string' || !(err.extensions.code in ERROR_CODES)) throw err;
        const { code, http: _http, ...extensions } = err.extensions as Record<string, unknown> & { code: ErrorCode };
        const challenge = code === 'UNAUTHENTICATED' ? { 'www-authenticate': `Bearer realm="mianyang-credit"` } : undefined;
        sendError(res, code, err.message, extensions, challenge);
        return;
      }
    }

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = { method, headers, search: url.search, body };
    const result = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => options.context(req, requestId, auth) });
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  const server = http.createServer({ maxHeaderSize: maxHeaderBytes }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      log.error('unhandled HTTP error', { err });
      if (!res.headersSent) sendError(res, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else res.destroy();
    });
  });
  // Requests Node's parser refuses (headers or URL too large, garbage) get a
  // coded answer too, instead of Node's bare status line.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const code: ErrorCode = tooLarge ? 'REQUEST_HEADER_TOO_LARGE' : 'BAD_REQUEST';
    const body = tooLarge
      ? errorBody(code, `The request line and headers exceed ${maxHeaderBytes} bytes`, { maxBytes: maxHeaderBytes })
      : errorBody(code, 'The HTTP request could not be parsed');
    const status = ERROR_CODES[code].http;
    socket.end(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\ncontent-type: application/graphql-response+json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  // Keep connections from the gateway open between requests.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host}:${address.port}/graphql`;
  return {
    server,
    url,
    port: address.port,
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await apollo.stop();
    },
  };
}
