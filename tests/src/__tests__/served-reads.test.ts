import type { Stack } from '@credit/scripts/dist/stack';
import { makeCitizenId, maskCitizenId } from '@credit/shared';

import { auditorHeader, authHeader, insertResidents, startTestStack } from '../harness';

// The query log and the masking follow what is served (issue: only a plain
// top-level `person`/`people` with a literal or a sent variable was seen;
// a root fragment, a default value, a directive... read unlogged). Every way
// a GraphQL document can name a person is tried here, and the log entries
// written for each are read back from the platform's database.

let stack: Stack;
const alice = makeCitizenId('510703', '1985-02-14', 37);
const bob = makeCitizenId('510781', '1990-09-09', 46);
const carol = makeCitizenId('510722', '1978-12-01', 57);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
  stack = await startTestStack();
  await insertResidents(
    stack,
    [alice, bob, carol].map((id, i) => ({ id, name: ['欧阳丽华', '张伟', '李建国'][i]!, gender: 'FEMALE' as const, address: '临园路12号' })),
  );
  await stack.subgraphs.tax!.connection.db!.collection('tax_credit_ratings').insertMany(
    [alice, bob].map((id, i) => ({
      _id: `TAX-RATING-SERVED-${i}` as never,
      personId: id,
      year: 2025,
      level: 'B',
      score: 80,
      directD: false,
      ratedOn: '2026-04-01',
      legalBasis: '《纳税信用管理办法》',
      collectedAt: new Date(),
    })),
  );
});
afterAll(async () => {
  await stack?.stop();
});

/** The query-log entries about one person, oldest first. */
async function logOf(id: string): Promise<Json[]> {
  return (await stack.subgraphs
    .platform!.connection.db!.collection('query_log')
    .find({ $or: [{ personId: id }, { subjects: id }] })
    .sort({ sequence: 1 })
    .toArray()) as Json[];
}

/** Runs a request and returns the answer with the entries it added, per person. */
async function readWith(query: string, variables: Json | undefined, headers: Record<string, string>, people = [alice, bob, carol]) {
  const before = new Map(await Promise.all(people.map(async (p) => [p, (await logOf(p)).length] as const)));
  const res = await stack.query(query, variables, headers);
  const added = new Map<string, Json[]>();
  for (const p of people) added.set(p, (await logOf(p)).slice(before.get(p)));
  return { ...res, added };
}

const AUDITOR_READ = 'loansSummary { openLoans } identity { name mobile }';

describe('a read is logged however the document names the person', () => {
  const cases: [string, string, Json | undefined][] = [
    ['a root inline fragment', `{ ... on Query { person(id: "${alice}") { ${AUDITOR_READ} } } }`, undefined],
    ['a root fragment spread', `query { ...Root } fragment Root on Query { person(id: "${alice}") { ${AUDITOR_READ} } }`, undefined],
    ["a variable's default value", `query ($id: CitizenId = "${alice}") { person(id: $id) { ${AUDITOR_READ} } }`, undefined],
    ['a variable sent', `query ($id: CitizenId!) { person(id: $id) { ${AUDITOR_READ} } }`, { id: alice }],
    ['an alias and a nested fragment', `{ who: person(id: "${alice}") { ...A } } fragment A on Person { ... on Person { ${AUDITOR_READ} } }`, undefined],
    ['people() through a list variable', `query ($ids: [CitizenId!]!) { people(ids: $ids) { ${AUDITOR_READ} } }`, { ids: [alice] }],
    ['@include(if: $yes) with yes = true', `query ($yes: Boolean!) { person(id: "${alice}") @include(if: $yes) { ${AUDITOR_READ} } }`, { yes: true }],
  ];
  it.each(cases)('through %s: the auditor is served and one entry names the groups served', async (_name, query, variables) => {
    const { body, added } = await readWith(query, variables, await auditorHeader());
    expect(body.errors).toBeUndefined();
    const person = JSON.stringify(body.data);
    expect(person).toContain('欧阳丽华');
    expect(added.get(alice)).toHaveLength(1);
    expect(added.get(alice)![0]).toMatchObject({ actorRole: 'AUDITOR', fieldGroups: ['financial', 'identity'], outcome: 'SERVED' });
    expect(added.get(bob)).toHaveLength(0);
  });

  it('writes one entry per person: two aliases of one person are one read, another person another', async () => {
    const query = `{ a: person(id: "${alice}") { taxCreditLevel { level } } b: person(id: "${alice}") { identity { name } } c: people(ids: ["${bob}"]) { taxCreditLevel { level } } }`;
    const { added } = await readWith(query, undefined, await auditorHeader());
    expect(added.get(alice)!.map((e) => e.fieldGroups)).toEqual([['identity', 'tax']]);
    expect(added.get(bob)!.map((e) => e.fieldGroups)).toEqual([['tax']]);
  });

  it('writes one entry for the people of an answer read alike, which each of them finds in their own log', async () => {
    const { added } = await readWith(`{ people(ids: ["${alice}", "${bob}", "${carol}"]) { taxCreditLevel { level } } }`, undefined, await auditorHeader());
    const [entry] = added.get(alice)!;
    expect(added.get(alice)).toHaveLength(1);
    expect(entry).toMatchObject({ personId: null, actorRole: 'AUDITOR', fieldGroups: ['tax'], outcome: 'SERVED' });
    expect([...entry!.subjects].sort()).toEqual([alice, bob, carol].sort());
    for (const person of [bob, carol]) expect(added.get(person)!.map((e) => e._id)).toEqual([entry!._id]);
    for (const person of [alice, bob, carol]) {
      const own = await stack.query(
        `query ($id: CitizenId!) { person(id: $id) { queryLog(first: 1) { nodes { actorRole fieldGroups } } } }`,
        { id: person },
        await authHeader({ role: 'subject', sub: person }),
      );
      expect((own.body.data as Json).person.queryLog.nodes).toEqual([{ actorRole: 'AUDITOR', fieldGroups: ['tax'] }]);
    }
  });

  it('loses no entry when many reads are answered at once (their entries reach the platform together)', async () => {
    const before = (await logOf(alice)).length;
    const header = await auditorHeader();
    const answers = await Promise.all(
      Array.from({ length: 25 }, () => stack.query(`{ person(id: "${alice}") { taxCreditLevel { level } } }`, undefined, header)),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect((await logOf(alice)).length - before).toBe(25);
  });

  it("logs a bureau operator's read of its own records reached through a root fragment", async () => {
    const { body, added } = await readWith(
      `{ ... on Query { person(id: "${bob}") { taxCreditLevel { level } } } }`,
      undefined,
      await authHeader({ role: 'bureau', org: 'TAX' }),
    );
    expect(body.data).toEqual({ person: { taxCreditLevel: { level: 'B' } } });
    expect(added.get(bob)).toMatchObject([{ actorRole: 'BUREAU', actorId: 'TAX', fieldGroups: ['tax'], outcome: 'SERVED' }]);
  });
});

describe('nothing is logged for what is not served', () => {
  it('a field skipped by @include(if: false) or @skip(if: $skip) reads nobody', async () => {
    const skipped = await readWith(`{ person(id: "${alice}") @include(if: false) { identity { name } } }`, undefined, await auditorHeader());
    expect(skipped.body.data).toEqual({});
    expect(skipped.added.get(alice)).toHaveLength(0);
    const viaVariable = await readWith(
      `query ($skip: Boolean!) { person(id: "${alice}") @skip(if: $skip) { identity { name } } }`,
      { skip: true },
      await auditorHeader(),
    );
    expect(viaVariable.added.get(alice)).toHaveLength(0);
  });

  it('people() with more IDs than allowed is refused as a whole and reads nobody', async () => {
    const ids = [alice, ...Array.from({ length: 100 }, (_, i) => makeCitizenId('510726', '1970-10-10', i))];
    const { status, body, added } = await readWith('query ($ids: [CitizenId!]!) { people(ids: $ids) { identity { name } } }', { ids }, await auditorHeader());
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('TOO_MANY_IDS');
    expect(added.get(alice)).toHaveLength(0);
  });

  it('a request that selects only the ID reads no personal data', async () => {
    const { added } = await readWith(`{ person(id: "${alice}") { id } }`, undefined, await auditorHeader());
    expect(added.get(alice)).toHaveLength(0);
  });

  it("the subject's own reads are not logged, whatever the document's shape", async () => {
    const { body, added } = await readWith(
      `{ ... on Query { person(id: "${alice}") { identity { name } } } }`,
      undefined,
      await authHeader({ role: 'subject', sub: alice }),
    );
    expect(JSON.stringify(body.data)).toContain('欧阳丽华');
    expect(added.get(alice)).toHaveLength(0);
  });
});

describe('refused reads are logged as refused, with the groups denied', () => {
  it('a subject reading someone else through a fragment: DENIED, naming what was refused', async () => {
    const { body, added } = await readWith(
      `{ ...R } fragment R on Query { person(id: "${carol}") { taxCreditLevel { level } loansSummary { openLoans } } }`,
      undefined,
      await authHeader({ role: 'subject', sub: alice }),
    );
    expect(body.data).toEqual({ person: { taxCreditLevel: null, loansSummary: null } });
    expect(added.get(carol)).toMatchObject([{ actorRole: 'SUBJECT', fieldGroups: [], deniedFieldGroups: ['financial', 'tax'], outcome: 'DENIED' }]);
  });
});

describe('IDs are masked by what is served', () => {
  it("masks the public's Person.id reached through a root inline fragment or an alias", async () => {
    const { body } = await stack.query(`{ ... on Query { p: person(id: "${alice}") { myId: id same: id } } }`);
    expect(body.data).toEqual({ p: { myId: maskCitizenId(alice), same: maskCitizenId(alice) } });
  });

  it('leaves the ID unmasked for the subject and masks it for a subject looking at someone else', async () => {
    const headers = await authHeader({ role: 'subject', sub: alice });
    const { body } = await stack.query(`query ($ids: [CitizenId!]!) { people(ids: $ids) { ...on Person { id } } }`, { ids: [alice, bob] }, headers);
    expect(body.data).toEqual({ people: [{ id: alice }, { id: maskCitizenId(bob) }] });
  });

  it('never shows the marker the gateway uses to find people, and refuses aliases that could collide with it', async () => {
    const { body } = await stack.query(`{ person(id: "${alice}") { dishonestDebtorListings { totalCount } } }`);
    expect(JSON.stringify(body.data)).not.toContain('__credit');
    const reserved = await stack.query(`{ person(id: "${alice}") { __credit_pid: id } }`);
    expect(reserved.status).toBe(400);
    expect(reserved.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('reads the platform answers outside Person are logged there', () => {
  it("logs an auditor's read of someone's query log across people, and refuses a blacklisted partner its own", async () => {
    await readWith(`{ person(id: "${bob}") { identity { name } } }`, undefined, await auditorHeader());
    const { body, added } = await readWith(
      `query ($id: CitizenId!) { queryLogEntries(personId: $id, first: 5) { nodes { personIds actorRole } } }`,
      { id: bob },
      await auditorHeader(),
    );
    expect((body.data as Json).queryLogEntries.nodes.length).toBeGreaterThan(0);
    expect(added.get(bob)).toMatchObject([{ actorRole: 'AUDITOR', fieldGroups: ['query_log'] }]);

    const bank = '91510700MA6A0B1C2X';
    const reviewer = await authHeader({ role: 'reviewer', org: 'mianyang-credit-platform' });
    const { makeSocialCreditCode } = await import('@credit/shared');
    const code = makeSocialCreditCode(bank.slice(0, 17));
    const listed = await stack.query(
      `mutation ($id: String!) { blacklistInstitution(institutionId: $id, ground: DATA_RESALE, reason: "滥用查询") { institutionId } }`,
      { id: code },
      reviewer,
    );
    expect(listed.body.errors).toBeUndefined();
    const refused = await stack.query('{ queryLogEntries(first: 1) { nodes { sequence } } }', {}, await authHeader({ role: 'partner', org: code }));
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
