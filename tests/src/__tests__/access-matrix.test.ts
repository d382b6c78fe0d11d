import type { Stack } from '@credit/scripts/dist/stack';
import { accessRule, apiPersonFields, BUREAUS, loadPolicy, makeCitizenId, makeSocialCreditCode, minimalSelection, ROLES } from '@credit/shared';

import { authHeader, recordsChanged, startTestStack } from '../harness';

/**
 * Every cell of docs/access-matrix.md, through the gateway: for each role and
 * each field group, a representative field is asked for and the answer must
 * be what the policy's rule says.
 */
const policy = loadPolicy();
// Groups only the services read (fields @inaccessible: not in the API at all).
const INTERNAL_GROUPS = new Set(Object.keys(policy.fieldGroups).filter((g) => ROLES.every((r) => accessRule(r, g, policy) === 'service')));
const API_GROUPS = Object.keys(policy.fieldGroups).filter((g) => !INTERNAL_GROUPS.has(g));

// One Person field per field group (the first of the composed API), with
// the smallest valid selection: a new source's groups are covered unlisted.
const FIELD_OF_GROUP: Record<string, { field: string; selection: string }> = {};
for (const f of apiPersonFields()) FIELD_OF_GROUP[f.group] ??= { field: f.name, selection: minimalSelection(f.field) };

const person = makeCitizenId('510705', '1982-06-30', 12);
const other = makeCitizenId('510705', '1983-07-01', 14);
const bank = makeSocialCreditCode('91510700MA6B7C8D9');
const QUERY = `query ($id: CitizenId!) { person(id: $id) { id ${Object.values(FIELD_OF_GROUP)
  .map((f) => f.selection)
  .join(' ')} } }`;

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack();
  const ps = stack.subgraphs['public-security']!.connection.db!;
  // A shown penalty puts the person on a public list.
  await ps.collection('violations').insertOne({
    _id: 'PSB-MATRIX-1' as never,
    personId: person,
    category: 'PUBLIC_ORDER_VIOLATION',
    grade: 'GENERAL',
    description: '扰乱公共秩序',
    penalty: '罚款500元',
    decisionDate: '2026-08-01',
    decisionNumber: '绵公行罚决字〔9〕号',
    authority: '绵阳市公安局',
    legalBasis: '《中华人民共和国治安管理处罚法》第23条',
    collectedAt: new Date(),
  });
  // Written straight into the collection: the platform is told, as ingestion would tell it.
  await recordsChanged(stack, [person]);
  // The bank, registered with the platform, and a consent to it covering every field group.
  await stack.subgraphs.platform!.connection.db!.collection('institutions').insertOne({
    _id: bank as never,
    name: '绵阳市测试银行',
    registeredAt: new Date(),
    registeredBy: 'access-matrix test',
  });
  await stack.subgraphs.platform!.connection.db!.collection('consents').insertOne({
    _id: 'CNS-MATRIX-1' as never,
    subjectId: person,
    granteeInstitutionId: bank,
    granteeInstitutionName: '绵阳市测试银行',
    purpose: 'LOAN',
    scopes: Object.keys(policy.fieldGroups),
    validFrom: '2026-01-01',
    validUntil: '2030-12-31',
    grantedAt: new Date(),
    revokedAt: null,
    version: 0,
  });
});
afterAll(async () => {
  await stack?.stop();
});

type Outcome = 'allowed' | 'FORBIDDEN' | 'CONSENT_REQUIRED';

async function outcomes(headers: Record<string, string>, id = person): Promise<Record<string, Outcome>> {
  const { body } = await stack.query(QUERY, { id }, headers);
  // An error of the request as a whole would make every field look allowed.
  expect((body.errors ?? []).filter((e) => !e.path)).toEqual([]);
  const codes = new Map((body.errors ?? []).map((e) => [String(e.path?.[1]), e.extensions?.code as string]));
  const result: Record<string, Outcome> = {};
  for (const [group, { field }] of Object.entries(FIELD_OF_GROUP)) result[group] = (codes.get(field) as Outcome | undefined) ?? 'allowed';
  return result;
}

function expected(role: string, org?: string): Record<string, Outcome> {
  const result: Record<string, Outcome> = {};
  for (const group of API_GROUPS) {
    const rule = accessRule(role, group, policy);
    result[group] = rule === 'deny' ? 'FORBIDDEN' : rule === 'own_bureau' ? (policy.fieldGroups[group]!.owner === org ? 'allowed' : 'FORBIDDEN') : 'allowed';
  }
  return result;
}

const headersOf: Record<string, () => Promise<Record<string, string>>> = {
  public: async () => ({}),
  subject: () => authHeader({ role: 'subject', sub: person }),
  partner: async () => ({ ...(await authHeader({ role: 'partner', org: bank })), 'x-credit-purpose': 'LOAN' }),
  internal: () => authHeader({ role: 'internal', org: 'licensing-system', scopes: ['blacklist:check'] }),
  reviewer: () => authHeader({ role: 'reviewer', org: 'mianyang-credit-platform' }),
  auditor: () => authHeader({ role: 'auditor', org: 'mianyang-audit-office' }),
};

describe('the access matrix, cell by cell through the gateway', () => {
  it('has a representative field for every field group of the policy', () => {
    expect(Object.keys(FIELD_OF_GROUP).sort()).toEqual(API_GROUPS.sort());
    expect([...INTERNAL_GROUPS]).toEqual(['credit_facts']);
  });

  it.each(ROLES.filter((r) => r !== 'bureau'))('gives the %s role exactly what the matrix says (with consent, own record, on a public list)', async (role) => {
    expect(await outcomes(await headersOf[role]!())).toEqual(expected(role));
  });

  it.each([...BUREAUS])('gives a %s bureau operator its own bureau’s groups and nothing else', async (bureau) => {
    expect(await outcomes(await authHeader({ role: 'bureau', org: bureau }))).toEqual(expected('bureau', bureau));
  });

  it('shows a subject of someone else exactly what the public sees, and no more', async () => {
    const asOther = await outcomes(await authHeader({ role: 'subject', sub: other }));
    expect(asOther).toEqual(await outcomes({}));
    expect(asOther.tax).toBe('FORBIDDEN');
    expect(asOther.administrative_penalties).toBe('allowed');
  });

  it('answers CONSENT_REQUIRED for every consent-scoped group of a person who gave no consent', async () => {
    const result = await outcomes(await headersOf.partner!(), other);
    for (const [group, outcome] of Object.entries(result)) {
      const rule = accessRule('partner', group, policy);
      // own_grants: the list is served, holding only this institution's consents (none here).
      const want = rule === 'deny' ? 'FORBIDDEN' : rule === 'own_grants' ? 'allowed' : 'CONSENT_REQUIRED';
      expect({ group, outcome }).toEqual({ group, outcome: want });
    }
  });

  it('refuses the public the identity of someone on no public list', async () => {
    expect((await outcomes({}, other)).identity).toBe('FORBIDDEN');
  });
});
