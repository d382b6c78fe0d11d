import type { Stack } from '@credit/scripts/dist/stack';
import { makeCitizenId, makeSocialCreditCode, maskCitizenId, todayInCity } from '@credit/shared';
import { verifyQueryLog } from '@credit/subgraph-platform';

import { auditorHeader, authHeader, insertResidents, startTestStack } from '../harness';

let stack: Stack;
const person = makeCitizenId('510722', '1978-12-01', 55);
const bank = makeSocialCreditCode('91510700MA6A0B1C2');
const employer = makeSocialCreditCode('91510700MA6D3E4F5');
const landlord = makeSocialCreditCode('91510700MA6G7H8J9');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
  stack = await startTestStack();
  await insertResidents(stack, [{ id: person, name: '李建国', gender: 'MALE', mobile: '13912345678', address: '三台县潼川镇北坝路8号' }]);
  await stack.subgraphs.tax!.connection.db!.collection('tax_credit_ratings').insertOne({
    _id: `TAX-${person}-2025` as never,
    personId: person,
    year: 2025,
    level: 'B',
    score: 82,
    directD: false,
    ratedOn: '2026-04-01',
    legalBasis: '《纳税信用管理办法》',
    collectedAt: new Date(),
  });
});
beforeAll(async () => {
  // Consents go only to registered institutions; their names come from the registry.
  const reviewer = await authHeader({ role: 'reviewer', org: 'mianyang-credit-platform' });
  for (const [id, name] of [
    [bank, '绵阳市商业银行'],
    [employer, '绵阳某科技公司'],
    [landlord, '绵阳安居房屋租赁有限公司'],
  ]) {
    const { body } = await stack.query(
      /* GraphQL */ `
        mutation ($id: String!, $name: String!) {
          registerInstitution(id: $id, name: $name) {
            id
            name
          }
        }
      `,
      { id, name },
      reviewer,
    );
    expect(body.errors).toBeUndefined();
  }
});
afterAll(async () => {
  await stack?.stop();
});

const READ = /* GraphQL */ `
  query ($id: CitizenId!) {
    person(id: $id) {
      identity {
        name
        masked
        mobile
      }
      taxCreditLevel {
        level
      }
      educationHistory {
        level
      }
    }
  }
`;

const asSubject = () => authHeader({ role: 'subject', sub: person });
async function asPartner(org: string, purpose?: string) {
  return { ...(await authHeader({ role: 'partner', org })), ...(purpose ? { 'x-credit-purpose': purpose } : {}) };
}
const codeAt = (body: { errors?: Json[] }, path: string) => body.errors?.find((e) => e.path?.join('.') === path)?.extensions?.code;

async function grant(key: string, org: string, purpose: string, scopes: string[]): Promise<Json> {
  const { body } = await stack.query(
    /* GraphQL */ `
      mutation ($input: GrantConsentInput!) {
        grantConsent(input: $input) {
          id
          status
          scopes
          purpose
        }
      }
    `,
    {
      input: {
        granteeInstitutionId: org,
        purpose,
        scopes,
        validFrom: todayInCity(),
        validUntil: '2030-12-31',
        idempotencyKey: key,
      },
    },
    await asSubject(),
  );
  expect(body.errors).toBeUndefined();
  return (body.data as Json).grantConsent;
}

describe('authorised queries by partner institutions', () => {
  let consentId: string;

  it('lets the subject grant a consent, and a retried grant returns the same consent', async () => {
    const first = await grant('loan-2026-001', bank, 'LOAN', ['tax', 'financial']);
    const retry = await grant('loan-2026-001', bank, 'LOAN', ['tax', 'financial']);
    expect(first).toMatchObject({ status: 'ACTIVE', purpose: 'LOAN', scopes: ['tax', 'financial'] });
    expect(retry.id).toBe(first.id);
    consentId = first.id;
  });

  it('refuses a consent to an institution the platform does not know, and one back-dated beyond the tolerance', async () => {
    const attempt = (input: Json) =>
      stack.query(
        /* GraphQL */ `
          mutation ($input: GrantConsentInput!) {
            grantConsent(input: $input) {
              id
            }
          }
        `,
        {
          input: {
            granteeInstitutionId: bank,
            purpose: 'LOAN',
            scopes: ['tax'],
            validFrom: todayInCity(),
            validUntil: '2030-12-31',
            idempotencyKey: 'k',
            ...input,
          },
        },
        asSubjectHeaders,
      );
    const asSubjectHeaders = await asSubject();
    const unknown = await attempt({ granteeInstitutionId: makeSocialCreditCode('91510700MA6X9Y8W7'), idempotencyKey: 'unknown-1' });
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'unknown institution' });
    const backdated = await attempt({ validFrom: '1990-01-01', idempotencyKey: 'backdated-1' });
    expect(backdated.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'back-dated consent', argument: 'validFrom' });
  });

  it('refuses scopes no partner ever reads, listing the grantable ones', async () => {
    for (const scope of ['query_log', 'credit_facts', 'consents', 'objections_repairs', 'no_such_group']) {
      const { body } = await stack.query(
        'mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }',
        {
          input: {
            granteeInstitutionId: bank,
            purpose: 'LOAN',
            scopes: ['tax', scope],
            validFrom: todayInCity(),
            validUntil: '2030-12-31',
            idempotencyKey: `scope-${scope}`,
          },
        },
        await asSubject(),
      );
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'scopes', reason: 'scope not grantable' });
      const grantable = body.errors![0]!.extensions!.grantable as string[];
      expect(grantable).toEqual(expect.arrayContaining(['identity', 'tax', 'financial']));
      expect(grantable).not.toContain(scope);
    }
  });

  it('refuses an idempotency key reused for another grant instead of answering with the first consent', async () => {
    // Another purpose than the LOAN reads the tests below make.
    const first = await grant('reuse-2026-001', bank, 'INSURANCE', ['tax']);
    const other = await stack.query(
      'mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }',
      {
        input: {
          granteeInstitutionId: bank,
          purpose: 'INSURANCE',
          scopes: ['tax', 'financial'],
          validFrom: todayInCity(),
          validUntil: '2030-12-31',
          idempotencyKey: 'reuse-2026-001',
        },
      },
      await asSubject(),
    );
    expect(other.body.errors?.[0]?.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', argument: 'scopes', consentId: first.id });
    // The same grant again is still a retry.
    expect((await grant('reuse-2026-001', bank, 'INSURANCE', ['tax'])).id).toBe(first.id);
  });

  it('tells a partner whose institution is not registered so, with its own code, instead of CONSENT_REQUIRED on every field', async () => {
    const unregistered = makeSocialCreditCode('91510700MA6W9Y8X1');
    const { status, body } = await stack.query(READ, { id: person }, await asPartner(unregistered, 'LOAN'));
    expect(status).toBe(403);
    expect(body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'INSTITUTION_NOT_REGISTERED', institution: unregistered }) }),
    ]);
    expect(body.errors![0]!.message).toContain('registerInstitution');
  });

  it('refuses a grant by anyone but the subject', async () => {
    const { body } = await stack.query(
      /* GraphQL */ `
        mutation {
          revokeConsent(id: "x") {
            id
          }
        }
      `,
      {},
      await asPartner(bank),
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('serves the fields in the consent scope for the consented purpose, masks identity, and refuses the rest', async () => {
    const { body } = await stack.query(READ, { id: person }, await asPartner(bank, 'LOAN'));
    expect(body.data?.person).toEqual({
      identity: { name: '李**', masked: true, mobile: '139****5678' },
      taxCreditLevel: { level: 'B' },
      educationHistory: null,
    });
    expect(codeAt(body, 'person.educationHistory')).toBe('CONSENT_REQUIRED');
  });

  it('refuses everything for another purpose, without a declared purpose, and to another institution', async () => {
    for (const headers of [await asPartner(bank, 'EMPLOYMENT_SCREENING'), await asPartner(bank), await asPartner(employer, 'LOAN')]) {
      const { body } = await stack.query(READ, { id: person }, headers);
      expect(body.data?.person).toEqual({ identity: null, taxCreditLevel: null, educationHistory: null });
      expect(codeAt(body, 'person.taxCreditLevel')).toBe('CONSENT_REQUIRED');
    }
  });

  it("serves a company appointing a director under a consent for the plan's 董监高任职 scenario", async () => {
    await grant('board-2026-001', employer, 'COMPANY_OFFICE_APPOINTMENT', ['tax']);
    const { body } = await stack.query(READ, { id: person }, await asPartner(employer, 'COMPANY_OFFICE_APPOINTMENT'));
    expect(body.data?.person).toMatchObject({ taxCreditLevel: { level: 'B' }, educationHistory: null });
    expect(codeAt(body, 'person.educationHistory')).toBe('CONSENT_REQUIRED');
  });

  it('answers an unknown purpose with BAD_USER_INPUT', async () => {
    const { status, body } = await stack.query(READ, { id: person }, await asPartner(bank, 'GAMBLING'));
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('logs every partner read where the subject can read it, and not the subject’s own reads', async () => {
    const { body } = await stack.query(
      /* GraphQL */ `
        query ($id: CitizenId!) {
          person(id: $id) {
            queryLog(first: 50) {
              totalCount
              nodes {
                actorRole
                institution {
                  id
                  name
                }
                purpose
                consentId
                fieldGroups
                outcome
              }
            }
          }
        }
      `,
      { id: person },
      await asSubject(),
    );
    const log = (body.data as Json).person.queryLog;
    const loanRead = log.nodes.find((n: Json) => n.purpose === 'LOAN' && n.institution?.id === bank);
    expect(loanRead).toEqual({
      actorRole: 'PARTNER',
      institution: { id: bank, name: '绵阳市商业银行' },
      purpose: 'LOAN',
      consentId,
      fieldGroups: ['identity', 'tax'],
      outcome: 'PARTLY_DENIED',
    });
    expect(log.nodes.filter((n: Json) => n.outcome === 'DENIED').length).toBeGreaterThanOrEqual(3);
    expect(log.nodes.every((n: Json) => n.actorRole !== 'SUBJECT')).toBe(true);
  });

  it('shows a partner only the consents granted to it', async () => {
    await grant('lease-2026-001', landlord, 'TENANCY', ['identity']);
    const { body } = await stack.query(
      /* GraphQL */ `
        query ($id: CitizenId!) {
          person(id: $id) {
            consents {
              nodes {
                purpose
                granteeInstitution {
                  id
                }
              }
            }
          }
        }
      `,
      { id: person },
      await asPartner(landlord, 'TENANCY'),
    );
    const nodes = (body.data as Json).person.consents.nodes as Json[];
    expect(nodes).toEqual([{ purpose: 'TENANCY', granteeInstitution: { id: landlord } }]);
  });

  it('never lets a partner read the query log', async () => {
    const { body } = await stack.query(
      /* GraphQL */ `
        query ($id: CitizenId!) {
          person(id: $id) {
            queryLog {
              totalCount
            }
          }
        }
      `,
      { id: person },
      await asPartner(bank, 'LOAN'),
    );
    expect(codeAt(body, 'person.queryLog')).toBe('FORBIDDEN');
  });

  it('stops serving on the next request once the subject revokes the consent', async () => {
    const { body } = await stack.query(
      /* GraphQL */ `
        mutation ($id: ID!) {
          revokeConsent(id: $id) {
            status
          }
        }
      `,
      { id: consentId },
      await asSubject(),
    );
    expect((body.data as Json).revokeConsent.status).toBe('REVOKED');
    const after = await stack.query(READ, { id: person }, await asPartner(bank, 'LOAN'));
    expect(codeAt(after.body, 'person.taxCreditLevel')).toBe('CONSENT_REQUIRED');
  });

  it('does not serve under an expired consent', async () => {
    await stack.subgraphs.platform!.connection.db!.collection('consents').insertOne({
      _id: 'CNS-EXPIRED-1' as never,
      subjectId: person,
      granteeInstitutionId: employer,
      granteeInstitutionName: '绵阳某科技公司',
      purpose: 'EMPLOYMENT_SCREENING',
      scopes: ['education'],
      validFrom: '2025-01-01',
      validUntil: '2025-12-31',
      grantedAt: new Date('2025-01-01'),
      revokedAt: null,
      version: 0,
    });
    const { body } = await stack.query(READ, { id: person }, await asPartner(employer, 'EMPLOYMENT_SCREENING'));
    expect(codeAt(body, 'person.educationHistory')).toBe('CONSENT_REQUIRED');
  });

  it('refuses every field to a blacklisted institution, until the blacklisting is lifted', async () => {
    await grant('loan-2026-002', bank, 'LOAN', ['tax']);
    const reviewer = await authHeader({ role: 'reviewer', org: 'mianyang-credit-platform' });
    const blacklist = await stack.query(
      /* GraphQL */ `
        mutation ($id: String!) {
          blacklistInstitution(institutionId: $id, ground: PURPOSE_MISUSE, reason: "查询用途与授权不符") {
            institutionId
            liftedAt
          }
        }
      `,
      { id: bank },
      reviewer,
    );
    expect((blacklist.body.data as Json).blacklistInstitution).toEqual({ institutionId: bank, liftedAt: null });
    const refused = await stack.query(READ, { id: person }, await asPartner(bank, 'LOAN'));
    expect(refused.body.data?.person).toEqual({ identity: null, taxCreditLevel: null, educationHistory: null });
    expect(codeAt(refused.body, 'person.taxCreditLevel')).toBe('FORBIDDEN');
    // A second blacklisted institution sending the same document is told of
    // itself, never of the first (the planned document is cached per caller kind).
    await stack.query(
      /* GraphQL */ `
        mutation ($id: String!) {
          blacklistInstitution(institutionId: $id, ground: PURPOSE_MISUSE, reason: "超范围查询") {
            institutionId
          }
        }
      `,
      { id: employer },
      reviewer,
    );
    const refusedToo = await stack.query(READ, { id: person }, await asPartner(employer, 'LOAN'));
    expect(JSON.stringify(refusedToo.body.errors)).toContain(employer);
    expect(JSON.stringify(refusedToo.body.errors)).not.toContain(bank);
    for (const id of [bank, employer]) {
      await stack.query(
        /* GraphQL */ `
          mutation ($id: String!) {
            liftInstitutionBlacklist(institutionId: $id) {
              liftedAt
            }
          }
        `,
        { id },
        reviewer,
      );
    }
    const served = await stack.query(READ, { id: person }, await asPartner(bank, 'LOAN'));
    expect((served.body.data as Json).person.taxCreditLevel).toEqual({ level: 'B' });
  });
});

describe('the query log across people', () => {
  const ENTRIES = /* GraphQL */ `
    query ($after: String) {
      queryLogEntries(first: 3, after: $after) {
        nodes {
          sequence
          personIds
          institution {
            id
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `;

  it('lets a partner reconcile its own queries only, with IDs masked', async () => {
    const { body } = await stack.query(ENTRIES, {}, await asPartner(employer, 'LOAN'));
    const nodes = (body.data as Json).queryLogEntries.nodes as Json[];
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) expect(n).toMatchObject({ institution: { id: employer }, personIds: [maskCitizenId(person)] });
  });

  it('lets an auditor page through every entry, newest first, without gaps', async () => {
    const auditor = await authHeader({ role: 'auditor', org: 'mianyang-audit-office' });
    const sequences: number[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const result: { body: { data?: Json } } = await stack.query(ENTRIES, { after }, auditor);
      const conn: Json = result.body.data!.queryLogEntries;
      sequences.push(...conn.nodes.map((n: Json) => Number(n.sequence)));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(sequences.length).toBeGreaterThan(5);
    expect(sequences).toEqual([...sequences].sort((a, b) => b - a));
    expect(sequences[sequences.length - 1]).toBe(1);
  });

  it('refuses the public', async () => {
    const { body } = await stack.query(ENTRIES, {});
    expect(body.data?.queryLogEntries).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe("other people in a person's query log", () => {
  const LOG_WITH_HASHES = /* GraphQL */ `
    query ($id: CitizenId!) {
      person(id: $id) {
        queryLog(first: 100) {
          nodes {
            actorRole
            actorId
            deniedFieldGroups
            prevHash
            hash
          }
        }
      }
    }
  `;

  it('names another citizen who looked the subject up only masked, without the hashes that would let the mask be guessed back', async () => {
    const other = makeCitizenId('510703', '1990-01-01', 77);
    await stack.query(READ, { id: person }, await authHeader({ role: 'subject', sub: other }));
    const { body } = await stack.query(LOG_WITH_HASHES, { id: person }, await asSubject());
    const bySubjects = ((body.data as Json).person.queryLog.nodes as Json[]).filter((n) => n.actorRole === 'SUBJECT');
    expect(bySubjects).toEqual([
      { actorRole: 'SUBJECT', actorId: maskCitizenId(other), deniedFieldGroups: ['education', 'identity', 'tax'], prevHash: null, hash: null },
    ]);
    expect(JSON.stringify(body)).not.toContain(other);

    const audited = await stack.query(LOG_WITH_HASHES, { id: person }, await auditorHeader());
    const seenByAuditor = ((audited.body.data as Json).person.queryLog.nodes as Json[]).find((n) => n.actorRole === 'SUBJECT')!;
    expect(seenByAuditor.actorId).toBe(other);
    expect(seenByAuditor.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the query log is tamper-evident', () => {
  const platformModels = () => stack.subgraphs.platform!.models as Parameters<typeof verifyQueryLog>[0];

  it('verifies as an unbroken chain after the reads above', async () => {
    const result = await verifyQueryLog(platformModels());
    expect(result.problems).toEqual([]);
    expect(result.entries).toBeGreaterThan(5);
  });

  it('detects an edited entry and a deleted one', async () => {
    const log = stack.subgraphs.platform!.connection.db!.collection('query_log');
    await log.updateOne({ sequence: 2 }, { $set: { outcome: 'SERVED', fieldGroups: ['financial'] } });
    await log.deleteOne({ sequence: 4 });
    const result = await verifyQueryLog(platformModels());
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        'entry 2: content does not match its hash (altered)',
        'entry 4 missing (next is 5)',
        'entry 5: prevHash does not match the hash of the entry before it',
      ]),
    );
  });

  it('withholds the data when the read cannot be logged (fail closed)', async () => {
    await stack.subgraphs.platform!.stop();
    const { status, body } = await stack.query(
      /* GraphQL */ `
        query ($id: CitizenId!) {
          person(id: $id) {
            violations {
              totalCount
            }
          }
        }
      `,
      { id: person },
    );
    expect(status).toBe(503);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_LOG_UNAVAILABLE');
  });
});
