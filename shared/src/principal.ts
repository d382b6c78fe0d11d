/**
 * Who is calling. Every request context carries one; the gateway derives it
 * from the caller's token and forwards it to subgraphs (enforcement of the
 * access rules is built on this). Without a token the caller is `public`.
 */
export const ROLES = ['public', 'subject', 'partner', 'internal', 'bureau', 'reviewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  role: Role;
  /** Citizen ID of the data subject, for role `subject`. */
  subjectId?: string;
  /** Institution (partner) or bureau (bureau operator) the caller acts for. */
  org?: string;
  /** The staff member acting, for the platform's own roles (reviewer, auditor) and bureau operators, when the token names them (`sub`): an opaque staff id. */
  staffId?: string;
  /** Scopes granted to the token, e.g. `blacklist:check`. */
  scopes: string[];
  /** Declared purpose of a partner's query (consent purpose). */
  purpose?: string;
  /** Set by the gateway when the partner institution is on the misconduct blacklist. */
  blacklisted?: boolean;
}

export const PUBLIC_PRINCIPAL: Principal = Object.freeze({ role: 'public', scopes: [] }) as Principal;

/**
 * The gateway acting for itself (consent checks, query-log writes). Only the
 * gateway and the subgraphs hold the secret that signs the principal
 * header, so a request carrying this principal came from the gateway.
 */
export const GATEWAY_SERVICE_PRINCIPAL: Principal = Object.freeze({ role: 'internal', org: 'gateway', scopes: ['gateway:service'] }) as Principal;

/** Whether a principal is the gateway's own service principal. */
export function isGatewayService(principal: Principal): boolean {
  return principal.role === 'internal' && principal.org === 'gateway' && principal.scopes.includes('gateway:service');
}

/** The platform acting for itself (recomputing joint punishment from the bureaus' records). */
export const PLATFORM_SERVICE_PRINCIPAL: Principal = Object.freeze({ role: 'internal', org: 'platform', scopes: ['platform:service'] }) as Principal;

/** Whether a principal is one of the services' own principals (gateway or platform). */
export function isServicePrincipal(principal: Principal): boolean {
  return isGatewayService(principal) || (principal.role === 'internal' && principal.org === 'platform' && principal.scopes.includes('platform:service'));
}

const ROLE_IN_LOG = {
  public: 'PUBLIC',
  subject: 'SUBJECT',
  partner: 'PARTNER',
  internal: 'INTERNAL',
  bureau: 'BUREAU',
  reviewer: 'REVIEWER',
  auditor: 'AUDITOR',
} as const satisfies Record<Role, string>;

/** A value of the query log's `QueryActorRole`. */
export type LogActorRole = (typeof ROLE_IN_LOG)[Role];

/** The query log's name for a caller's role (`QueryActorRole`). */
export function logActorRole(role: Role): LogActorRole {
  return ROLE_IN_LOG[role];
}

/** Who the query log names as the caller: the subject's ID or the organisation; null for the public. */
export function logActorId(principal: Principal): string | null {
  return principal.subjectId ?? principal.org ?? null;
}
