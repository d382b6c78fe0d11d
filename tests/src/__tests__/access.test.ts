import type { Stack } from '@credit/scripts/dist/stack';
import { makeCitizenId, maskCitizenId, signDevToken } from '@credit/shared';
import { generateKeyPair, SignJWT } from 'jose';

import { auditorHeader, authHeader, insertResidents, mongoCommandCounts, recordsChanged, startTestStack } from '../harness';

let stack: Stack;
const alice = makeCitizenId('510703', '1985-02-14', 33);
const bob = makeCitizenId('510781', '1990-09-09', 44);

beforeAll(async () => {
  stack = await startTestStack();
  const ps = stack.subgraphs['public-security']!.connection.db!;
  await insertResidents(stack, [
    { id: alice, name: '欧阳丽华', gender: 'FEMALE' },
    { id: bob, name: '张伟', gender: 'FEMALE' },
  ]);
  const violation = (id: string, _id: string, decisionDate: string) => ({
    _id: _id as never,
    personId: id,
    category: 'PUBLIC_ORDER_VIOLATION',
    grade: 'GENERAL',
    description: '扰乱公共秩序',
    penalty: '罚款500元',
    decisionDate,
    decisionNumber: `绵公行罚决字〔${_id}〕号`,
    authority: '绵阳市公安局',
    legalBasis: '《中华人民共和国治安管理处罚法》第23条',
    collectedAt: new Date(),
  });
  await ps.collection('violations').insertMany([violation(alice, 'PSB-ACC-OLD', '2021-03-01'), violation(alice, 'PSB-ACC-NEW', '2026-09-01')]);
  // Written straight into the collection: the platform is told, as ingestion would tell it.
  await recordsChanged(stack, [alice]);
  await stack.subgraphs.tax!.connection.db!.collection('tax_credit_ratings').insertOne({
    _id: `TAX-${alice}-2025` as never,
    personId: alice,
    year: 2025,
    level: 'A',
    score: 95,
    directD: false,
    ratedOn: '2026-04-01',
    legalBasis: '《纳税信用管理办法》',
    collectedAt: new Date(),
  });
});
afterAll(async () => {
  await stack?.stop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PROFILE = /* GraphQL */ `
  query ($id: CitizenId!) {
    person(id: $id) {
      id
      identity {
        name
        masked
      }
      taxCreditLevel {
        level
      }
      violations {
        totalCount
        nodes {
          id
        }
      }
    }
  }
`;

async function tax(): Promise<number> {
  const counts = await mongoCommandCounts(stack.subgraphs.tax!.url.replace('/graphql', '/metrics'));
  return [...counts.entries()].filter(([k]) => k.startsWith('tax_credit_ratings/')).reduce((a, [, n]) => a + n, 0);
}

describe('callers are authenticated at the gateway', () => {
  it('refuses a token signed with another key with UNAUTHENTICATED and HTTP 401', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ role: 'auditor', org: 'x' })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer('mianyang-credit-dev')
      .setAudience('mianyang-credit-api')
      .setExpirationTime('5m')
      .sign(privateKey);
    const { status, body } = await stack.query(PROFILE, { id: alice }, { authorization: `Bearer ${forged}` });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeUndefined();
  });

  it('refuses an expired token and a malformed header rather than downgrading to public', async () => {
    const expired = await signDevToken({ role: 'subject', sub: alice }, '-1m' as never).catch(() => null);
    const token = expired ?? (await signDevToken({ role: 'subject', sub: alice }, '1s'));
    if (!expired) await new Promise((r) => setTimeout(r, 2100));
    expect((await stack.query(PROFILE, { id: alice }, { authorization: `Bearer ${token}` })).status).toBe(401);
    expect((await stack.query(PROFILE, { id: alice }, { authorization: 'Basic abc' })).status).toBe(401);
  });

  it('refuses a token whose claims make no sense (a subject without a valid citizen ID)', async () => {
    const { status, body } = await stack.query(PROFILE, { id: alice }, await authHeader({ role: 'subject', sub: '123' }));
    expect(status).toBe(401);
    expect(body.errors?.[0]?.message).toMatch(/valid citizen ID/);
  });
});

describe('the public', () => {
  it('sees public records, and gets null with FORBIDDEN for the rest without the source being asked', async () => {
    const before = await tax();
    const { status, body } = await stack.query(PROFILE, { id: alice });
    expect(status).toBe(200);
    expect(body.data?.person).toMatchObject({ id: maskCitizenId(alice), taxCreditLevel: null, violations: { totalCount: 1, nodes: [{ id: 'PSB-ACC-NEW' }] } });
    const taxError = body.errors?.find((e) => e.path?.join('.') === 'person.taxCreditLevel');
    expect(taxError?.extensions).toMatchObject({ code: 'FORBIDDEN', fieldGroup: 'tax' });
    expect(await tax()).toBe(before);
  });

  it('sees a masked identity of a person on a public list (a shown penalty) and none of anyone else', async () => {
    const listed = await stack.query(PROFILE, { id: alice });
    expect((listed.body.data as Json).person.id).toBe(`${alice.slice(0, 6)}********${alice.slice(14)}`);
    expect((listed.body.data as Json).person.identity).toEqual({ name: '欧阳**', masked: true });
    const unlisted = await stack.query(PROFILE, { id: bob });
    expect((unlisted.body.data as Json).person.identity).toBeNull();
    expect(unlisted.body.errors?.find((e) => e.path?.join('.') === 'person.identity')?.extensions?.code).toBe('FORBIDDEN');
  });

  it('is refused a denied field however it is asked for: alias, fragment, inline fragment', async () => {
    const { body } = await stack.query(
      /* GraphQL */ `
        query ($id: CitizenId!) {
          person(id: $id) {
            id
            renamed: taxCreditLevel {
              level
            }
            ...Tax
            ... on Person {
              inline: taxArrears {
                totalCount
              }
            }
          }
        }
        fragment Tax on Person {
          taxCreditLevel {
            score
          }
          loansSummary {
            openLoans
          }
        }
      `,
      { id: alice },
    );
    expect(body.data?.person).toEqual({ id: maskCitizenId(alice), renamed: null, taxCreditLevel: null, loansSummary: null, inline: null });
    const paths = (body.errors ?? []).map((e) => `${e.path?.join('.')}:${e.extensions?.code}`).sort();
    expect(paths).toEqual(['person.inline:FORBIDDEN', 'person.loansSummary:FORBIDDEN', 'person.renamed:FORBIDDEN', 'person.taxCreditLevel:FORBIDDEN']);
  });
});

describe('the data subject', () => {
  it('reads their whole record unmasked, records past their display period too (the right of access)', async () => {
    const { body } = await stack.query(PROFILE, { id: alice }, await authHeader({ role: 'subject', sub: alice }));
    expect(body.errors).toBeUndefined();
    expect(body.data?.person).toEqual({
      id: alice,
      identity: { name: '欧阳丽华', masked: false },
      taxCreditLevel: { level: 'A' },
      violations: { totalCount: 2, nodes: [{ id: 'PSB-ACC-NEW' }, { id: 'PSB-ACC-OLD' }] },
    });
    // Another person sees only the records shown today.
    const other = await stack.query(PROFILE, { id: alice }, await authHeader({ role: 'bureau', org: 'PUBLIC_SECURITY' }));
    expect((other.body.data as Json).person.violations).toEqual({ totalCount: 1, nodes: [{ id: 'PSB-ACC-NEW' }] });
  });

  it("is refused another person's non-public fields by the subgraph that holds them", async () => {
    const { body } = await stack.query(PROFILE, { id: bob }, await authHeader({ role: 'subject', sub: alice }));
    expect(body.data?.person).toMatchObject({ id: maskCitizenId(bob), identity: null, taxCreditLevel: null });
    const codes = new Map((body.errors ?? []).map((e) => [e.path?.join('.'), e.extensions?.code]));
    expect(codes.get('person.identity')).toBe('FORBIDDEN');
    expect(codes.get('person.taxCreditLevel')).toBe('FORBIDDEN');
  });
});

describe('auditors', () => {
  it('also see records past their display period', async () => {
    const { body } = await stack.query(PROFILE, { id: alice }, await auditorHeader());
    expect((body.data as Json).person.violations.nodes.map((n: Json) => n.id).sort()).toEqual(['PSB-ACC-NEW', 'PSB-ACC-OLD']);
  });
});
