import type { ForwardedRequest, Logger, Principal } from '@credit/shared';

/** What the gateway knows about a request. */
export interface GatewayContext {
  requestId: string;
  principal: Principal;
  /** What the subgraphs are told about the request (principal, consents, public lists). */
  forwarded: ForwardedRequest;
  /** The signed internal header for `forwarded`, made once per request. */
  forwardedHeader: () => Promise<string>;
  log: Logger;
}
