import type { Stack } from '@credit/scripts/dist/stack';
import { makeCitizenId, makeSocialCreditCode, policy } from '@credit/shared';

import { authHeader, registerInstitution, startTestStack } from '../harness';

// Institutions' misconduct (MISSION rule 12; seed 二(三)一): people complain of
// an institution's use of their data, reviewers decide; upheld complaints or
// reads refused for lack of consent past the policy's thresholds propose the
// institution for the blacklist, which reviewers confirm and the public reads.

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const lender = makeSocialCreditCode('91510700MA6P4Q5R6');
const agency = makeSocialCreditCode('91510700MA6T7W8U9');
const people = [0, 1, 2, 3].map((k) => makeCitizenId('510781', '1985-06-06', 21 + 2 * k));
const asReviewer = () => authHeader({ role: 'reviewer', org: 'mianyang-credit-platform', sub: 'REV-011' });
const asSubject = (id: string) => authHeader({ role: 'subject', sub: id });

async function gql(query: string, variables: Json, headers: Record<string, string> = {}): Promise<{ data?: Json; errors?: Json[] }> {
  return (await stack.query(query, variables, headers)).body as { data?: Json; errors?: Json[] };
}

const FILE =
  'mutation ($institutionId: String!, $seq: String) { fileComplaint(institutionId: $institutionId, ground: QUERY_WITHOUT_CONSENT, reason: "本人从未授权该公司查询", queryLogSequence: $seq) { id status dueOn queryLogSequence } }';
const DECIDE = 'mutation ($id: ID!, $upheld: Boolean!) { decideComplaint(id: $id, upheld: $upheld, reason: "经核查属实") { status decisionReason } }';
const PROPOSALS = '{ institutionMisconductProposals(status: [OPEN]) { nodes { id institutionId ground upheldComplaints refusedReads status } } }';

describe('institutions’ misconduct', () => {
  beforeAll(async () => {
    await registerInstitution(stack, { id: lender, name: '绵阳某小额贷款有限公司' });
    await registerInstitution(stack, { id: agency, name: '绵阳某信息咨询有限公司' });
  });

  it('takes a person’s complaint about a read of them, named by its entry in their query log', async () => {
    const person = people[0]!;
    // The lender reads the person without consent: refused, and logged.
    await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { taxCreditLevel { level } } }',
      { id: person },
      await authHeader({ role: 'partner', org: lender }),
    );
    const log = await gql(
      'query ($id: CitizenId!) { person(id: $id) { queryLog(first: 5) { nodes { sequence institution { id } outcome } } } }',
      { id: person },
      await asSubject(person),
    );
    const entry = (log.data!.person.queryLog.nodes as Json[]).find((n) => n.institution?.id === lender)!;
    expect(entry.outcome).toBe('DENIED');
    // Another person's entry, or another institution, is refused.
    const notMine = await gql(FILE, { institutionId: lender, seq: entry.sequence }, await asSubject(people[1]!));
    expect(notMine.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'not your read' });
    const otherInstitution = await gql(FILE, { institutionId: agency, seq: entry.sequence }, await asSubject(person));
    expect(otherInstitution.errors?.[0]?.extensions).toMatchObject({ reason: 'not your read' });
    const unknown = await gql(FILE, { institutionId: makeSocialCreditCode('91510700MA6Y9Y9Y9') }, await asSubject(person));
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ reason: 'unknown institution' });
    const filed = await gql(FILE, { institutionId: lender, seq: entry.sequence }, await asSubject(person));
    expect(filed.data!.fileComplaint).toMatchObject({ status: 'FILED', queryLogSequence: entry.sequence });
    const own = await gql(
      'query ($id: CitizenId!) { person(id: $id) { complaints { nodes { id institutionId ground status } } } }',
      { id: person },
      await asSubject(person),
    );
    expect(own.data!.person.complaints.nodes).toEqual([
      { id: filed.data!.fileComplaint.id, institutionId: lender, ground: 'QUERY_WITHOUT_CONSENT', status: 'FILED' },
    ]);
  });

  it('is decided by a reviewer once, the person told; upheld complaints past the threshold propose the institution', async () => {
    const threshold = policy().institutionMisconduct.proposal.upheldComplaints;
    const open = await gql('{ complaints(status: [FILED]) { nodes { id institutionId } } }', {}, await asReviewer());
    const first = (open.data!.complaints.nodes as Json[]).find((c) => c.institutionId === lender)!;
    const bySubject = await gql(DECIDE, { id: first.id, upheld: true }, await asSubject(people[0]!));
    expect(bySubject.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [a, b] = await Promise.all([
      gql(DECIDE, { id: first.id, upheld: true }, await asReviewer()),
      gql(DECIDE, { id: first.id, upheld: false }, await asReviewer()),
    ]);
    expect([a, b].map((r) => r.errors?.[0]?.extensions?.code ?? 'DECIDED').sort()).toEqual(['CONFLICT', 'DECIDED']);
    const told = await gql(
      'query ($id: CitizenId!) { person(id: $id) { notifications { nodes { kind outcome } } } }',
      { id: people[0]! },
      await asSubject(people[0]!),
    );
    expect((told.data!.person.notifications.nodes as Json[]).filter((n) => n.kind === 'COMPLAINT_DECIDED')).toHaveLength(1);
    // More people complain and are upheld, up to the threshold.
    let upheld = [a, b].some((r) => r.data?.decideComplaint.status === 'UPHELD') ? 1 : 0;
    for (const person of people.slice(1)) {
      if (upheld >= threshold) break;
      const filed = await gql(FILE, { institutionId: lender }, await asSubject(person));
      expect((await gql(PROPOSALS, {}, await asReviewer())).data!.institutionMisconductProposals.nodes).toEqual([]);
      await gql(DECIDE, { id: filed.data!.fileComplaint.id, upheld: true }, await asReviewer());
      upheld++;
    }
    expect(upheld).toBe(threshold);
    const proposals = (await gql(PROPOSALS, {}, await asReviewer())).data!.institutionMisconductProposals.nodes as Json[];
    expect(proposals).toEqual([
      expect.objectContaining({ institutionId: lender, ground: 'QUERY_WITHOUT_CONSENT', upheldComplaints: threshold, status: 'OPEN' }),
    ]);
  });

  it('is confirmed by blacklisting, which the public reads with its ground, and refuses the institution', async () => {
    const blacklisted = await gql(
      'mutation ($id: String!) { blacklistInstitution(institutionId: $id, ground: QUERY_WITHOUT_CONSENT, reason: "多次未经授权查询") { institutionId ground } }',
      { id: lender },
      await asReviewer(),
    );
    expect(blacklisted.data!.blacklistInstitution).toEqual({ institutionId: lender, ground: 'QUERY_WITHOUT_CONSENT' });
    expect((await gql(PROPOSALS, {}, await asReviewer())).data!.institutionMisconductProposals.nodes).toEqual([]);
    const published = await gql('{ institutionBlacklist { totalCount nodes { institutionId name ground } } }', {});
    expect(published.data!.institutionBlacklist.nodes).toContainEqual({
      institutionId: lender,
      name: '绵阳某小额贷款有限公司',
      ground: 'QUERY_WITHOUT_CONSENT',
    });
    expect(JSON.stringify(published.data)).not.toContain(people[0]!);
    // Refused every read now, even under a consent.
    const refused = await stack.query('{ queryLogEntries(first: 1) { nodes { sequence } } }', {}, await authHeader({ role: 'partner', org: lender }));
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('names the people responsible: in full to reviewers, masked to the public, each told and every read of them logged', async () => {
    const broker = makeSocialCreditCode('91510700MA6K2L3M4');
    await registerInstitution(stack, { id: broker, name: '绵阳某征信服务有限公司' });
    const [representative, clerk] = [makeCitizenId('510781', '1975-03-03', 51), makeCitizenId('510781', '1990-09-09', 53)];
    const BLACKLIST =
      'mutation ($id: String!, $responsible: [ResponsiblePersonInput!]) { blacklistInstitution(institutionId: $id, ground: QUERY_WITHOUT_CONSENT, reason: "倒卖查询结果", responsible: $responsible) { institutionId responsible { personId name role } } }';
    const twice = await gql(
      BLACKLIST,
      {
        id: broker,
        responsible: [
          { personId: clerk, name: '赵小明', role: 'DIRECTLY_RESPONSIBLE' },
          { personId: clerk, name: '赵小明', role: 'PRINCIPAL' },
        ],
      },
      await asReviewer(),
    );
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'person named twice' });
    const responsible = [
      { personId: representative, name: '钱大伟', role: 'LEGAL_REPRESENTATIVE' },
      { personId: clerk, name: '赵小明', role: 'DIRECTLY_RESPONSIBLE' },
    ];
    const named = await gql(BLACKLIST, { id: broker, responsible }, await asReviewer());
    expect(named.errors).toBeUndefined();
    expect(named.data!.blacklistInstitution.responsible).toEqual(responsible);

    const entries = await gql('{ institutionBlacklistEntries { nodes { institutionId responsible { personId role } } } }', {}, await asReviewer());
    expect(entries.data!.institutionBlacklistEntries.nodes).toContainEqual({
      institutionId: broker,
      responsible: responsible.map(({ personId, role }) => ({ personId, role })),
    });
    const published = await gql('{ institutionBlacklist { nodes { institutionId responsible { personId name role } } } }', {});
    const entry = (published.data!.institutionBlacklist.nodes as Json[]).find((n) => n.institutionId === broker)!;
    expect(entry.responsible.map((p: Json) => [p.name, p.role])).toEqual([
      ['钱**', 'LEGAL_REPRESENTATIVE'],
      ['赵**', 'DIRECTLY_RESPONSIBLE'],
    ]);
    expect(JSON.stringify(published.data)).not.toContain(representative);
    expect(JSON.stringify(published.data)).not.toContain('钱大伟');

    const own = await gql(
      'query ($id: CitizenId!) { person(id: $id) { institutionResponsibilities { nodes { institutionId institutionName role liftedAt } } notifications { nodes { kind message } } queryLog(first: 10) { nodes { actorRole fieldGroups } } } }',
      { id: representative },
      await asSubject(representative),
    );
    expect(own.errors).toBeUndefined();
    expect(own.data!.person.institutionResponsibilities.nodes).toEqual([
      { institutionId: broker, institutionName: '绵阳某征信服务有限公司', role: 'LEGAL_REPRESENTATIVE', liftedAt: null },
    ]);
    const notice = (own.data!.person.notifications.nodes as Json[]).find((n) => n.kind === 'INSTITUTION_BLACKLISTED');
    expect(notice?.message).toContain('绵阳某征信服务有限公司');
    expect(notice?.message).toContain('legal representative');
    // The reviewer's list and the public page each read them: both are in their log.
    expect((own.data!.person.queryLog.nodes as Json[]).map((n) => n.actorRole).sort()).toEqual(expect.arrayContaining(['PUBLIC', 'REVIEWER']));
  });

  it('proposes an institution whose reads are refused for lack of consent past the threshold', async () => {
    const threshold = policy().institutionMisconduct.proposal.refusedReads;
    const partner = await authHeader({ role: 'partner', org: agency });
    for (let k = 0; k < threshold; k++)
      await stack.query(
        'query ($id: CitizenId!) { person(id: $id) { taxCreditLevel { level } } }',
        { id: makeCitizenId('510703', '1990-01-01', 100 + 2 * k) },
        partner,
      );
    const proposals = (await gql(PROPOSALS, {}, await asReviewer())).data!.institutionMisconductProposals.nodes as Json[];
    const proposal = proposals.find((p) => p.institutionId === agency)!;
    expect(proposal).toMatchObject({ ground: 'QUERY_WITHOUT_CONSENT', refusedReads: threshold, status: 'OPEN' });
    const dismissed = await gql(
      'mutation ($id: ID!) { dismissMisconductProposal(id: $id, reason: "系统对接测试, 非滥用") { status } }',
      { id: proposal.id },
      await asReviewer(),
    );
    expect(dismissed.data!.dismissMisconductProposal.status).toBe('DISMISSED');
  });
});
