import type { ForwardedRequest, Logger, Principal } from '@credit/shared';
import type { DocumentNode } from 'graphql';

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
  /**
   * The document the authorisation made of the caller's to execute (fields
   * the role may never read removed), once it has decided everything the
   * request needs; a request without it (its variables refused) is executed
   * by the planner, which refuses it.
   */
  authorisedDocument?: DocumentNode;
}
