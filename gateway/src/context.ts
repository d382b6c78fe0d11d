import type { Logger, Principal } from '@credit/shared';

/** What the gateway knows about a request. */
export interface GatewayContext {
  requestId: string;
  principal: Principal;
  log: Logger;
}
