import type { ForwardedRequest, Logger, Principal } from '@credit/shared';

/** What the gateway knows about a request. */
export interface GatewayContext {
  requestId: string;
  principal: Principal;
  /**
   * What the subgraphs are told about the request (principal, consents,
   * public lists); final once the operation is resolved, signed into the
   * internal header of every subgraph call.
   */
  forwarded: ForwardedRequest;
  log: Logger;
  /** The address the request came from (the public search's rate limit of the anonymous). */
  clientAddress: string;
  /** The budget this request used (public searches, reports), for its RateLimit headers (rate-limit.ts). */
  rateBudget?: { limit: number; remaining: number; resetSeconds: number };
}
