import { randomInt } from 'node:crypto';

import {
  addDays,
  categoriesOfKind,
  categoryPolicy,
  config,
  connectDatabase,
  databaseName,
  GATEWAY_DEFAULT_PORT,
  isDuplicateKeyError,
  makeCitizenId,
  makeSocialCreditCode,
  MIANYANG_AREAS,
  parseCli,
  PENALTY_KIND,
  Rng,
  signDevToken,
  startDevDb,
  SUBGRAPHS,
  todayInCity,
  type DevDb,
  type SourceEntry,
} from '@credit/shared';
import { announceFeedDays, createModels, feedChanged, fileInFeed, lookupKeysOf, removePublishedRecords } from '@credit/subgraph-platform';
import autocannon from 'autocannon';

/**
 * The public disclosure queries of 信用中国（四川绵阳）against a running
 * system (`npm start`), with the query log on, over 100,000 published
 * records: a page of the 双公示 feed (filters rotating), and the public
 * search by the ID's 6 + 4 characters, by full ID and by name. Each at
 * concurrency 10; prints requests/s, p50 and p99 against the targets (p50 <
 * 50 ms, p99 < 150 ms).
 *
 * The records are written straight into the platform's published-records
 * index as synthetic people (record ids `BENCH-…`, never a department's),
 * and removed at the end unless `--keep` (a later run with another
 * `--records` does not remove the rows beyond its own). Searches are made by signed-in
 * callers taken in turn from a thousand, so the per-caller rate limit is
 * passed through without being hit.
 *
 *   npm run bench:disclosure -- [--records 100000] [--duration 10] [--keep]
 *
 * Uses MONGODB_URI when set, the embedded FerretDB (credit_dev) otherwise:
 * the database `npm start` uses.
 */
const { values } = parseCli({
  command: 'npm run bench:disclosure --',
  summary:
    'The 双公示 feed and the public search of the published lists against a running `npm start`, over 100,000 published records written into its index, at concurrency 10 with the query log on.',
  options: {
    records: { type: 'string', default: '100000', value: 'N', description: 'published records in the index' },
    duration: { type: 'string', default: '10', value: 'S', description: 'seconds per scenario' },
    connections: { type: 'string', default: '10', value: 'N', description: 'concurrent requests' },
    gateway: { type: 'string', default: `http://127.0.0.1:${GATEWAY_DEFAULT_PORT}/graphql`, value: 'URL', description: 'the gateway' },
    keep: { type: 'boolean', default: false, description: 'keep the synthetic records for the next run' },
    only: { type: 'string', value: 'TEXT', description: 'run only the scenarios whose name contains TEXT (e.g. "feed page", "full ID")' },
  },
});
const target = Number(values.records);
const duration = Number(values.duration);
const connections = Number(values.connections);
const TARGET = { p50: 50, p99: 150 };

const DEPARTMENTS = (SUBGRAPHS as readonly SourceEntry[]).filter((s) => s.doublePublicity).map((s) => s.bureau);
const AREAS = Object.keys(MIANYANG_AREAS);
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '欧阳', '赵', '黄', '周'];
const GIVEN = ['伟', '芳', '明远', '丽华', '建国', '秀英', '志强', '婷'];
const authorityCode = makeSocialCreditCode('11510700008669999');

/** Two records per person on average: half as many people as records. */
function benchPeople(count: number): string[] {
  return Array.from({ length: Math.max(1, Math.ceil(count / 2)) }, (_, i) =>
    makeCitizenId(AREAS[i % AREAS.length]!, addDays('1960-01-01', Math.floor(i / AREAS.length) % 15_000), 500 + (i % 400)),
  );
}

/**
 * The id of the n-th synthetic row, and its department and kind (one in five
 * a licence), so that a run can find and remove its rows by id: FerretDB
 * answers an equality on `_id` from the index, and would scan for a pattern.
 */
function benchId(n: number) {
  const bureau = DEPARTMENTS[n % DEPARTMENTS.length]!;
  const penalty = n % 5 !== 0;
  const recordId = `BENCH-${String(n).padStart(7, '0')}`;
  return { _id: `${bureau}:${penalty ? 'PENALTY' : 'LICENCE'}:${recordId}`, bureau, penalty, recordId };
}

/** Removes the rows of ids 0..count-1, out of the feed's buckets, with their details, 500 at a time. */
async function removeRows(models: ReturnType<typeof createModels>, count: number): Promise<void> {
  for (let from = 0; from < count; from += 500)
    await removePublishedRecords(
      models,
      Array.from({ length: Math.min(500, count - from) }, (_, k) => benchId(from + k)._id),
    );
}

/** One synthetic row of the index, and its detail with the department's whole record, as the platform keeps them. */
function row(n: number, people: string[], rng: Rng, today: string): { row: Record<string, unknown>; detail: Record<string, unknown> } {
  const personId = people[n % people.length]!;
  const { _id, bureau, penalty, recordId } = benchId(n);
  const documentNumber = penalty ? `绵罚〔2026〕${n}号` : `绵许〔2026〕${n}号`;
  const decisionDate = rng.dateBetween(addDays(today, -730), today);
  const name = `${SURNAMES[rng.int(0, SURNAMES.length - 1)]}${GIVEN[rng.int(0, GIVEN.length - 1)]}`;
  const categories = categoriesOfKind(bureau as never, PENALTY_KIND);
  const category = penalty ? categories[rng.int(0, categories.length - 1)]! : null;
  const record = {
    _id: recordId,
    personId,
    counterpartName: name,
    authority: '绵阳市执法局',
    authorityCode,
    sourceUnit: '绵阳市执法局',
    sourceUnitCode: authorityCode,
    legalBasis: '国办发〔2015〕51号 双公示',
    decisionDate,
    collectedAt: new Date().toISOString(),
    ...(penalty
      ? {
          category,
          grade: categoryPolicy(category!).grade,
          decisionNumber: documentNumber,
          violationType: '违法经营',
          facts: '当事人违法经营。',
          penaltyBasis: '有关法律第一条',
          penaltyTypes: ['WARNING'],
          penaltyContent: '警告',
          fineYuan: null,
          confiscatedYuan: null,
          licenceAffected: null,
          displayUntil: null,
          removedOn: null,
          removalReason: null,
          repairedOn: null,
          underObjection: null,
        }
      : {
          documentNumber,
          licenceCategory: 'GENERAL',
          certificateName: '经营许可证',
          certificateNumber: null,
          content: '经营',
          validFrom: decisionDate,
          validUntil: addDays(decisionDate, 1095),
          withdrawnOn: null,
        }),
  };
  const doc = {
    _id,
    kind: (penalty ? 'PENALTY' : 'LICENCE') as 'PENALTY' | 'LICENCE',
    bureau,
    recordId,
    personId,
    areaCode: personId.slice(0, 6),
    category,
    keyField: category ? (categoryPolicy(category).keyField ?? null) : null,
    grade: category ? categoryPolicy(category).grade : null,
    decisionDate,
    publishedUntil: addDays(decisionDate, penalty ? rng.int(180, 1095) : 1096),
    withheld: false,
    underObjection: false,
    counterpartName: name,
    authority: record.authority,
    documentNumber,
    title: penalty ? '违法经营' : '经营许可证',
    content: penalty ? '警告' : '经营',
    updatedAt: new Date(),
  };
  return { row: { ...doc, lookupKeys: lookupKeysOf(doc as never) }, detail: { _id, record } };
}

interface Scenario {
  name: string;
  query: string;
  variables: (i: number) => Record<string, unknown>;
  /** Signed in (searches) or anonymous (the feed). */
  signedIn: boolean;
}

async function run(s: Scenario, tokens: string[]) {
  // From a random point of the rotation: a rerun against the same platform must not find the pages of the last run kept.
  let i = randomInt(1_000_000);
  const request = () => {
    const k = i++;
    return {
      body: JSON.stringify({ query: s.query, variables: s.variables(k) }),
      headers: { 'content-type': 'application/json', ...(s.signedIn ? { authorization: `Bearer ${tokens[k % tokens.length]}` } : {}) },
    };
  };
  // One request first: a query that cannot answer at all is reported with its time and code, not loaded further.
  const probe = request();
  const started = Date.now();
  const res = await fetch(values.gateway, { method: 'POST', headers: probe.headers, body: probe.body });
  const json = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
  if (!res.ok || json.errors) {
    const failed = `${json.errors?.[0]?.extensions?.code ?? res.status} after ${Date.now() - started} ms`;
    return { name: s.name, rps: 0, p50: Number.NaN, p99: Number.NaN, non2xx: 1, failed };
  }
  const result = await autocannon({
    url: values.gateway,
    duration,
    connections,
    timeout: 60,
    method: 'POST',
    requests: [{ setupRequest: (req) => ({ ...req, ...request() }) }],
  });
  return { name: s.name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, failed: null };
}

async function main(): Promise<void> {
  const { MONGODB_URI, DEVDB_DATABASE } = config();
  let devDb: DevDb | null = null;
  const uri = MONGODB_URI ?? (devDb = await startDevDb({ postgresDatabase: DEVDB_DATABASE })).uri;
  const platform = await connectDatabase({ uri, dbName: databaseName('platform') });
  const population = await connectDatabase({ uri, dbName: databaseName('public-security') });
  const index = platform.db!.collection('published_records');
  const details = platform.db!.collection('published_record_details');
  const models = createModels(platform);
  const today = todayInCity();
  const people = benchPeople(target);
  try {
    // Kept from a run with --keep when its first and last rows are there.
    const kept = (await index.findOne({ _id: benchId(0)._id } as never)) && (await index.findOne({ _id: benchId(target - 1)._id } as never));
    if (!kept) {
      console.log(`writing ${target} published records of ${people.length} synthetic people into the index...`);
      const rng = new Rng(2026);
      const all = Array.from({ length: target }, (_, n) => row(n, people, rng, today));
      // The feed's directory and its buckets first, as the platform writes them, all at once (a bucket-day is
      // written once, not once per batch that has one of its rows); rows of an interrupted run are there already.
      await announceFeedDays(models, all.map((b) => b.row) as never, new Set());
      await fileInFeed(
        models,
        all.map((b) => ({ before: null, after: b.row as never })),
      );
      for (let from = 0; from < target; from += 2000) {
        const batch = all.slice(from, from + 2000);
        // The details before the rows, as the platform writes them.
        for (const [collection, docs] of [
          [details, batch.map((b) => b.detail)],
          [index, batch.map((b) => b.row)],
        ] as const)
          await collection.insertMany(docs as never[], { ordered: false }).catch((err: unknown) => {
            if (!isDuplicateKeyError(err)) throw err;
          });
        if ((from + batch.length) % 20_000 === 0) console.log(`  ${from + batch.length} written`);
      }
      // As the platform does after its writes: pages it read before are not served again.
      await feedChanged(models);
    }
    // Names of the population base (searched as the public would, most without a hit).
    const names = (
      await population
        .db!.collection('residents')
        .find({}, { projection: { name: 1 } })
        .limit(500)
        .toArray()
    ).map((r) => String(r.name));
    if (names.length === 0) throw new Error('the population base is empty: run `npm start` first');
    const tokens = await Promise.all(people.slice(0, 1000).map((sub) => signDevToken({ role: 'subject', sub }, '2h')));

    const FEED =
      'query ($filter: PublicationFilter) { publishedPenalties(filter: $filter, first: 20) { nodes { id department category decisionDate counterpartName counterpartId } pageInfo { hasNextPage endCursor } } }';
    // The count is asked for apart: a portal shows it once, and on FerretDB it reads the index whole.
    const COUNT = 'query ($filter: PublicationFilter) { publishedPenalties(filter: $filter, first: 0) { totalCount } }';
    const SEARCH = 'query ($q: PublicListQuery!) { publicListSearch(query: $q) { hits { name citizenId lists penalties { id } } } }';
    const filters = [
      {},
      ...DEPARTMENTS.slice(0, 4).map((d) => ({ departments: [d] })),
      ...AREAS.slice(0, 4).map((a) => ({ areaCodes: [a] })),
      { decidedFrom: addDays(today, -90) },
    ];
    const scenarios: Scenario[] = [
      // The first pages a portal shows: the same ten filters for everyone, served again while the index does not change.
      { name: 'feed page (filters rotating)', query: FEED, variables: (i) => ({ filter: filters[i % filters.length] }), signedIn: false },
      // Pages nobody asked for before (2,920 filters, more than the platform keeps): each one read from the index.
      {
        name: 'feed page, read anew (county and end date rotating)',
        query: FEED,
        variables: (i) => {
          const k = (i * 7919) % (730 * 4);
          return { filter: { areaCodes: [AREAS[k % 4]], decidedTo: addDays(today, -Math.floor(k / 4)) } };
        },
        signedIn: false,
      },
      {
        name: 'search by 6 + 4 characters of the ID',
        query: SEARCH,
        variables: (i) => ({ q: { idFirst6: people[(i * 7919) % people.length]!.slice(0, 6), idLast4: people[(i * 7919) % people.length]!.slice(-4) } }),
        signedIn: true,
      },
      { name: 'search by full ID', query: SEARCH, variables: (i) => ({ q: { citizenId: people[(i * 104729) % people.length] } }), signedIn: true },
      { name: 'search by name', query: SEARCH, variables: (i) => ({ q: { name: names[i % names.length] } }), signedIn: true },
      // Last: on FerretDB a count reads the whole index, up to its bound (timeouts.feedCountMs).
      { name: 'feed totalCount (filters rotating)', query: COUNT, variables: (i) => ({ filter: filters[i % filters.length] }), signedIn: false },
    ];
    const rows = [];
    for (const s of scenarios.filter((s) => !values.only || s.name.includes(values.only))) rows.push(await run(s, tokens));
    console.log(`\ndisclosure queries through the gateway over ${target} published records, ${connections} connections, ${duration} s each, query log on\n`);
    console.log(`| query | req/s | p50 ms | p99 ms | non-2xx | within p50 < ${TARGET.p50}, p99 < ${TARGET.p99} |`);
    console.log('|---|---:|---:|---:|---:|---|');
    for (const r of rows) {
      if (r.failed) console.log(`| ${r.name} | – | – | – | – | no: the first request failed (${r.failed}) |`);
      else console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.p50 < TARGET.p50 && r.p99 < TARGET.p99 ? 'yes' : 'no'} |`);
    }
  } finally {
    if (!values.keep) await removeRows(models, target);
    await platform.close();
    await population.close();
    await devDb?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${(err as Error).message}`);
  process.exit(1);
});
