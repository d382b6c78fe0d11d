import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';

import { ERROR_CODES, type ErrorCode } from './errors';
import type { Logger } from './logger';
import type { ServiceMetrics } from './metrics';
import { policy } from './policy';

/**
 * Our own small HTTP layer around Apollo Server: it owns the parts GraphQL
 * over HTTP leaves to the server — body size limit, malformed JSON, health
 * and metrics endpoints, keep-alive — with coded errors for each.
 */

export interface HttpServiceOptions<TContext extends BaseContext> {
  name: string;
  apollo: ApolloServer<TContext>;
  context: (req: IncomingMessage, requestId: string) => Promise<TContext>;
  metrics: ServiceMetrics;
  log: Logger;
  /** Body size limit; the policy's `limits.maxRequestBodyBytes` when absent. */
  maxBodyBytes?: number;
  /** Operations per batch; the policy's `limits.maxBatchOperations` when absent. */
  maxBatchOperations?: number;
  /** Resolves when the service can answer (database reachable). */
  healthCheck: () => Promise<void>;
  /** Extra GET routes (the gateway's explorer). Return true when handled. */
  extraRoutes?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> | boolean;
}

export interface RunningHttpService {
  server: http.Server;
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Writes a GraphQL-shaped error response with a registered code. */
export function sendError(res: ServerResponse, code: ErrorCode, message: string, extra: Record<string, unknown> = {}): void {
  const status = ERROR_CODES[code].http;
  const body = JSON.stringify({ errors: [{ message, extensions: { code, ...extra } }] });
  res.writeHead(status, { 'content-type': 'application/graphql-response+json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

class BodyTooLargeError extends Error {}

function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
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
export async function listenHttpService<TContext extends BaseContext>(
  options: HttpServiceOptions<TContext>,
  port: number,
  host = '127.0.0.1',
): Promise<RunningHttpService> {
  const { apollo, metrics, log } = options;
  const maxBodyBytes = options.maxBodyBytes ?? policy().limits.maxRequestBodyBytes;
  const maxBatchOperations = options.maxBatchOperations ?? policy().limits.maxBatchOperations;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const requestId = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
    res.setHeader('x-request-id', requestId);
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
      if (Array.isArray(body) && body.length > maxBatchOperations) {
        sendError(res, 'BATCH_TOO_LARGE', `A batch may hold at most ${maxBatchOperations} operations, got ${body.length}`, {
          max: maxBatchOperations,
        });
        return;
      }
    }

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = { method, headers, search: url.search, body };
    const result = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => options.context(req, requestId) });
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log.error('unhandled HTTP error', { err });
      if (!res.headersSent) sendError(res, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else res.destroy();
    });
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
