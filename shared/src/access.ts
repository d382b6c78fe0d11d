import type { ForwardedRequest } from './auth';
import type { ErrorCode } from './errors';
import { categoryPolicy, policy, type AccessRule, type CreditPolicy } from './policy';
import { isServicePrincipal, type Principal } from './principal';

/**
 * Who may read which field group of whom, decided from the policy's access
 * matrix (`access.roles`). The same function runs at the gateway (to drop
 * fields a caller may never see before planning) and in every subgraph (the
 * shield rules, per person), so the two cannot disagree.
 */

export type AccessDecision =
  { allowed: true; masked: boolean } | { allowed: false; code: Extract<ErrorCode, 'FORBIDDEN' | 'CONSENT_REQUIRED' | 'UNAUTHENTICATED'>; reason: string };

const ALLOW: AccessDecision = Object.freeze({ allowed: true, masked: false });
const ALLOW_MASKED: AccessDecision = Object.freeze({ allowed: true, masked: true });

/** The rule of the policy for a role and a field group. */
export function accessRule(role: string, group: string, p: CreditPolicy = policy()): AccessRule {
  const rules = p.access.roles[role];
  if (!rules) return 'deny';
  return (rules[group] ?? rules['*'] ?? 'deny') as AccessRule;
}

/**
 * What can be decided without knowing the person: `deny` for a rule that
 * denies everyone of the role, otherwise null (decided per person).
 */
export function roleLevelDecision(request: ForwardedRequest, group: string, p: CreditPolicy = policy()): AccessDecision | null {
  if (request.principal.blacklisted) {
    return { allowed: false, code: 'FORBIDDEN', reason: `institution ${request.principal.org} is on the misconduct blacklist; its queries are refused` };
  }
  const rule = accessRule(request.principal.role, group, p);
  if (rule === 'deny') return forbidden(request, group);
  if (rule === 'service') return isServicePrincipal(request.principal) ? ALLOW : forbidden(request, group);
  if (rule === 'own_bureau' && p.fieldGroups[group]?.owner !== request.principal.org) return forbidden(request, group);
  if (rule === 'allow') return ALLOW;
  return null;
}

function forbidden(request: ForwardedRequest, group: string): AccessDecision {
  const { role } = request.principal;
  if (role === 'public')
    return { allowed: false, code: 'FORBIDDEN', reason: `the public may not read ${group}; sign in as the data subject or an authorised institution` };
  return { allowed: false, code: 'FORBIDDEN', reason: `role ${role} may not read ${group}` };
}

/** Decides whether the caller may read `group` of the person `personId`, and whether masked. */
export function decideAccess(request: ForwardedRequest, group: string, personId: string, p: CreditPolicy = policy()): AccessDecision {
  const roleLevel = roleLevelDecision(request, group, p);
  if (roleLevel) return roleLevel;
  const { principal } = request;
  const rule = accessRule(principal.role, group, p);
  switch (rule) {
    case 'own':
      return principal.subjectId === personId ? ALLOW : { allowed: false, code: 'FORBIDDEN', reason: `a data subject may read only their own ${group}` };
    case 'own_else_public':
      // Signing in never shows less of someone else than the public sees.
      return principal.subjectId === personId ? ALLOW : decideAccess({ ...request, principal: { role: 'public', scopes: [] } }, group, personId, p);
    case 'own_bureau':
      return ALLOW;
    case 'own_bureau_records':
      // The resolver keeps only the records of the caller's bureau (recordsOfOwnBureauOnly).
      return ALLOW;
    case 'own_grants':
      // The resolver keeps only the consents granted to the caller's institution.
      return ALLOW;
    case 'public_list_masked':
      return request.publicListed.includes(personId)
        ? ALLOW_MASKED
        : { allowed: false, code: 'FORBIDDEN', reason: `${group} is published only for people on a public list` };
    case 'consent':
    case 'consent_or_masked': {
      const grant = request.grants[personId];
      if (!grant)
        return {
          allowed: false,
          code: 'CONSENT_REQUIRED',
          reason: `no valid consent of this person to ${principal.org ?? 'the caller'} for purpose ${principal.purpose ?? '(none declared)'}`,
        };
      if (grant.scopes.includes(group)) return ALLOW;
      if (rule === 'consent_or_masked') return ALLOW_MASKED;
      return { allowed: false, code: 'CONSENT_REQUIRED', reason: `the consent ${grant.consentId} does not cover ${group}` };
    }
    default:
      return forbidden(request, group);
  }
}

/*
 * The exceptions to the per-group rules (policy `access.exceptions`), each
 * decided here and nowhere else, so one module answers "who may see field X".
 */

/** Whether the caller sees who the person is unmasked (their name, ID and what names them in free text). */
export function seesIdentityUnmasked(request: ForwardedRequest, personId: string, p: CreditPolicy = policy()): boolean {
  const decision = decideAccess(request, 'identity', personId, p);
  return decision.allowed && !decision.masked;
}

/** Whether the caller sees negative records past their display window, removed or repaired: auditors, and the person their own `record`. */
export function seesRecordsPastDisplay(principal: Principal, record?: { personId: string }, p: CreditPolicy = policy()): boolean {
  // The person sees all of their own records (the right of access, PIPL art. 45), each marked by its display window.
  if (record && principal.role === 'subject' && principal.subjectId === record.personId) return true;
  return p.access.exceptions.pastDisplayWindow.roles?.includes(principal.role) ?? false;
}

/** Whether the caller sees a query-log entry's caller unmasked and its hashes (auditors). */
export function seesQueryLogInternals(principal: Principal, p: CreditPolicy = policy()): boolean {
  return p.access.exceptions.queryLogInternals.roles?.includes(principal.role) ?? false;
}

/** Whether the query-log entries the caller reads across people name those people masked (partners). */
export function seesQueryLogSubjectsMasked(principal: Principal, p: CreditPolicy = policy()): boolean {
  return p.access.exceptions.queryLogSubjectsMasked.roles?.includes(principal.role) ?? false;
}

/**
 * Whether the caller learns a person's green-channel eligibility: not the
 * public, nor a subject looking at someone else, unless the person is on
 * the red list.
 */
export function seesGreenChannelEligibility(principal: Principal, personId: string, onRedList: boolean, p: CreditPolicy = policy()): boolean {
  const seenAsPublic =
    (p.access.exceptions.greenChannelEligibility.roles ?? []).includes(principal.role) || (principal.role === 'subject' && principal.subjectId !== personId);
  return !seenAsPublic || onRedList;
}

/**
 * Of a field group gathered from many departments (the double-publicity
 * penalties and licences), the bureau whose records alone the caller may
 * see (rule own_bureau_records: an operator sees its own department's);
 * null when the caller sees every department's.
 */
export function recordsOfOwnBureauOnly(principal: Principal, group: string, p: CreditPolicy = policy()): string | null {
  return accessRule(principal.role, group, p) === 'own_bureau_records' ? (principal.org ?? '') : null;
}

/** The consents of a person the caller may see listed: all, or (rule own_grants) those granted to its institution only. */
export function visibleConsents<T extends { granteeInstitutionId: string }>(principal: Principal, consents: readonly T[], p: CreditPolicy = policy()): T[] {
  return accessRule(principal.role, 'consents', p) === 'own_grants' ? consents.filter((c) => c.granteeInstitutionId === principal.org) : [...consents];
}

/** Whether the caller reviews and decides objections about records of `bureau` (an operator of that bureau). */
export function decidesRecordsOf(principal: Principal, bureau: string, p: CreditPolicy = policy()): boolean {
  return (p.access.exceptions.recordDecisions.roles ?? []).includes(principal.role) && principal.org === bureau;
}

/**
 * Whether the caller sees a record the policy shields because the person
 * was a minor when it was decided (`minors`): the person, an operator of the
 * deciding department and the roles of `access.exceptions.minorsRecords`.
 */
export function seesMinorsRecord(principal: Principal, record: { personId: string; category: string }, p: CreditPolicy = policy()): boolean {
  if (principal.role === 'subject' && principal.subjectId === record.personId) return true;
  if (principal.role === 'bureau' && principal.org === categoryPolicy(record.category, p).bureau) return true;
  return (p.access.exceptions.minorsRecords.roles ?? []).includes(principal.role);
}

/**
 * The field groups a person can put in a consent: those a partner reads
 * under consent (rules `consent` and `consent_or_masked`). The others
 * (the query log, consents, objections and repairs, credit facts) no
 * partner ever reads, so a consent naming them would promise what it
 * cannot give.
 */
export function grantableScopes(p: CreditPolicy = policy()): string[] {
  return Object.keys(p.fieldGroups).filter((group) => ['consent', 'consent_or_masked'].includes(accessRule('partner', group, p)));
}

/** The Person fields that are public lists (policy `access.exceptions.publicLists`). */
export function publicListFields(p: CreditPolicy = policy()): readonly string[] {
  return p.access.exceptions.publicLists.fields ?? [];
}
