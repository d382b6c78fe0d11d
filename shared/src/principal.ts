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
  /** Scopes granted to the token, e.g. `blacklist:check`. */
  scopes: string[];
  /** Declared purpose of a partner's query (consent purpose). */
  purpose?: string;
}

export const PUBLIC_PRINCIPAL: Principal = Object.freeze({ role: 'public', scopes: [] }) as Principal;
