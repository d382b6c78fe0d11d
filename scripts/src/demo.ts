import {
  addMonths,
  connectDatabase,
  databaseName,
  displayWindow,
  keysFilter,
  policy,
  signDevToken,
  syntheticPeople,
  todayInCity,
  type NegativeRecordDoc,
} from '@credit/shared';
import { consentStatus, DEMO_INSTITUTIONS, isPublished, redListEntryInForce } from '@credit/subgraph-platform';
import type { Connection } from 'mongoose';

/**
 * The first queries of a newcomer (`npm start` prints them): a few people of
 * the demo population, found in the databases as they stand today, who show
 * what each role sees — a listed dishonest judgment debtor, a person on the
 * red list, a clean adult, a person with a published penalty, a person who
 * consented to the demo bank — with one query per role that answers without
 * an error.
 */

export interface DemoPeople {
  /** A dishonest judgment debtor listed today. */
  debtor: string | null;
  /** A person with an honour in force. */
  redList: string | null;
  /** An adult without any negative record (the green channel's clean-years group). */
  cleanAdult: string;
  /** A person with an administrative penalty published today (Person.administrativePenalties). */
  penalty: string | null;
  /** A person with a consent to {@link DEMO_BANK} for LOAN valid today, and the field groups it covers. */
  consented: { id: string; scopes: string[] } | null;
}

/** The registered demo bank partners query as. */
export const DEMO_BANK = DEMO_INSTITUTIONS[0]!;

type Lean = Record<string, unknown>;

async function withDatabase<T>(uri: string, subgraph: string, dbPrefix: string | undefined, use: (conn: Connection) => Promise<T>): Promise<T> {
  const conn = await connectDatabase({ uri, dbName: databaseName(subgraph, dbPrefix) });
  try {
    return await use(conn);
  } finally {
    await conn.close();
  }
}

/** The demo people as the databases hold them today (see the module comment). */
export async function findDemoPeople(options: { uri: string; dbPrefix?: string; seed: number; people: number }): Promise<DemoPeople> {
  const { uri, dbPrefix } = options;
  const today = todayInCity();
  const shown = (doc: Lean) => displayWindow(doc as unknown as NegativeRecordDoc).shown;

  const debtor = await withDatabase(uri, 'courts', dbPrefix, async (conn) => {
    const listings = await conn.db!.collection('debtor_listings').find({ removedOn: null }).sort({ decisionDate: -1 }).limit(100).toArray();
    return (listings.find(shown)?.personId as string | undefined) ?? null;
  });

  const platform = await withDatabase(uri, 'platform', dbPrefix, async (conn) => {
    const db = conn.db!;
    const honours = await db.collection('red_list_entries').find({}).sort({ awardedOn: -1 }).limit(100).toArray();
    const redList = (honours.find((h) => redListEntryInForce(h as never, today))?.personId as string | undefined) ?? null;
    const consents = await db
      .collection('consents')
      .find({ granteeInstitutionId: DEMO_BANK.id, purpose: 'LOAN', revokedAt: null })
      .sort({ grantedAt: -1 })
      .limit(100)
      .toArray();
    const active = consents.find((c) => consentStatus(c as never, today) === 'ACTIVE');
    // A clean adult: adult for at least the clean years, and no standing at all on the platform.
    const adultFor = policy().minors.adultAge + policy().greenChannel.cleanYears;
    const candidates = syntheticPeople(options.seed, 0, Math.min(options.people, 500)).filter((p) => p.birthDate <= addMonths(today, -12 * adultFor));
    const known = new Set(
      (
        await db
          .collection('joint_punishment_status')
          .find(
            keysFilter(
              '_id',
              candidates.map((p) => p.id),
            ),
            { projection: { _id: 1 } },
          )
          .toArray()
      ).map((d) => String(d._id)),
    );
    const clean = candidates.find((p) => !known.has(p.id));
    // A penalty of the 双公示 feed, published today by the feed's own rule.
    // Read by equality only (FerretDB fetches and sorts a whole collection
    // for the feed's query, which times out on a large index at start).
    const penalties = await db.collection('published_records').find({ kind: 'PENALTY', withheld: false }).limit(500).toArray();
    const published = penalties.find((doc) => isPublished(doc as never, today));
    return {
      penalty: published?.personId ?? null,
      redList,
      consented: active ? { id: active.subjectId as string, scopes: active.scopes as string[] } : null,
      cleanAdult: clean?.id ?? candidates[0]?.id ?? syntheticPeople(options.seed, 0, 1)[0]!.id,
    };
  });

  return { debtor, ...platform };
}

/** One working first query of a role. */
export interface DemoExample {
  role: string;
  /** What it shows, in a few words. */
  title: string;
  query: string;
  headers: Record<string, string>;
}

const list = (ids: (string | null)[]) => ids.filter((id): id is string => id !== null);

/**
 * One query per role over the demo people, with the development tokens they
 * need (`ttl` long; accepted outside production only).
 */
export async function demoExamples(people: DemoPeople, ttl = '12h'): Promise<DemoExample[]> {
  const bearer = async (claims: Parameters<typeof signDevToken>[0]) => ({ authorization: `Bearer ${await signDevToken(claims, ttl)}` });
  const examples: DemoExample[] = [];
  const published = people.debtor ?? people.penalty;
  if (published) {
    examples.push({
      role: 'public',
      title: 'what anyone sees of a person on a public list (masked)',
      query: `{ person(id: "${published}") { identity { name } dishonestDebtorListings { totalCount } jointPunishment { listed measures }${people.penalty === published ? ' administrativePenalties { totalCount nodes { department category facts } }' : ''} } }`,
      headers: {},
    });
  }
  examples.push({
    role: 'subject',
    title: 'a person reading their own record',
    query: `{ person(id: "${people.cleanAdult}") { identity { name age } taxCreditLevel { level } redList { greenChannelEligible greenChannelGrounds } queryLog { totalCount } } }`,
    headers: await bearer({ role: 'subject', sub: people.cleanAdult }),
  });
  if (people.consented) {
    // Only what the consent covers (identity is served masked when it does not).
    const inScope = [
      ['tax', 'taxCreditLevel { level }'],
      ['dishonest_debtors', 'dishonestDebtorListings { totalCount }'],
      ['financial', 'loansSummary { openLoans totalBalanceYuan }'],
    ]
      .filter(([group]) => people.consented!.scopes.includes(group!))
      .map(([, field]) => ` ${field}`)
      .join('');
    examples.push({
      role: 'partner',
      title: `${DEMO_BANK.name} under a person's consent for LOAN`,
      query: `{ person(id: "${people.consented.id}") { identity { name }${inScope} } }`,
      headers: { ...(await bearer({ role: 'partner', org: DEMO_BANK.id })), 'x-credit-purpose': 'LOAN' },
    });
  }
  examples.push({
    role: 'internal',
    title: 'the blacklist check of a licensing system',
    query: `{ blacklistCheck(ids: ${JSON.stringify(list([people.debtor, people.redList, people.cleanAdult]))}, purpose: LICENSING) { id listed categories measures greenChannelEligible greenChannelGrounds } }`,
    headers: await bearer({ role: 'internal', org: 'mianyang-licensing-system', scopes: ['blacklist:check'] }),
  });
  examples.push({
    role: 'auditor',
    title: 'the latest reads in the query log',
    query: '{ queryLogEntries(first: 5) { nodes { sequence actorRole actorId purpose fieldGroups outcome at } } }',
    headers: await bearer({ role: 'auditor', org: 'mianyang-audit-office' }),
  });
  return examples;
}

/** An example as a curl command line against `url`. */
export function curlCommand(example: DemoExample, url: string): string {
  const headers = Object.entries({ 'content-type': 'application/json', ...example.headers })
    .map(([name, value]) => `-H '${name}: ${value}'`)
    .join(' ');
  return `curl -s ${url} ${headers} -d '${JSON.stringify({ query: example.query }).replaceAll("'", "'\\''")}'`;
}
