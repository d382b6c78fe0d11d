import { randomBytes } from 'node:crypto';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

import { startStack, type Stack } from '@credit/scripts/dist/stack';
import {
  birthDateOf,
  callSubgraph,
  internalSigningSecret,
  makeSocialCreditCode,
  parseCitizenId,
  PLATFORM_SERVICE_PRINCIPAL,
  reloadConfig,
  signDevToken,
} from '@credit/shared';

/**
 * Starts the real system for one test file: every subgraph of the registry and the gateway on
 * free ports, against the database the jest global setup started (or
 * MONGODB_URI), in databases of their own (unique prefix) that are dropped
 * afterwards.
 */
export async function startTestStack(mongoUri?: string, mongoUris?: Record<string, string>, allowedOrigins?: readonly string[]): Promise<Stack> {
  // Expected failures (an outage test) would otherwise fill the output; LOG_LEVEL=info shows them.
  process.env.LOG_LEVEL ??= 'silent';
  // A test may have set variables (production mode) before starting its stack.
  const uri = mongoUri ?? reloadConfig().MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: the jest global setup should have started the embedded database');
  const dbPrefix = `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  return startStack({ mongoUri: uri, dbPrefix, mongoUris, allowedOrigins });
}

/** A person of the population base as a test needs them: the rest follows from the ID or a plain default. */
export interface ResidentFixture {
  id: string;
  name: string;
  gender?: 'MALE' | 'FEMALE';
  mobile?: string | null;
  address?: string;
}

/**
 * Registers people in public-security's population base (`residents`), as its
 * ingestion keeps them: birth date, gender and county from the ID.
 */
export async function insertResidents(stack: Stack, people: readonly ResidentFixture[]): Promise<void> {
  await stack.subgraphs['public-security']!.connection.db!.collection('residents').insertMany(
    people.map((p) => ({
      _id: p.id as never,
      name: p.name,
      gender: p.gender ?? parseCitizenId(p.id).gender,
      birthDate: birthDateOf(p.id),
      mobile: p.mobile === undefined ? '13812345678' : p.mobile,
      registeredResidence: { areaCode: p.id.slice(0, 6), address: p.address ?? '临园路12号3栋2单元' },
      realNameRegistrations: [],
      legalBasis: '《中华人民共和国居民身份证法》',
      collectedAt: new Date(),
    })),
  );
}

/**
 * Tells the platform that these people's records changed, as a bureau's
 * ingestion does after each write (its outbox): a fixture written straight
 * into a bureau's collection is then known to joint punishment, the
 * listing index and the public-list check, as an ingested record would be.
 */
export async function recordsChanged(stack: Stack, personIds: string[]): Promise<void> {
  await callSubgraph({
    subgraph: 'platform',
    url: stack.subgraphs.platform!.url,
    principal: PLATFORM_SERVICE_PRINCIPAL,
    secret: internalSigningSecret(),
    query: 'mutation ($ids: [CitizenId!]!) { recordsChanged(personIds: $ids) }',
    variables: { ids: personIds },
  });
}

/** Parses Prometheus text and returns `credit_mongodb_commands_total` by `collection/command`. */
export async function mongoCommandCounts(metricsUrl: string): Promise<Map<string, number>> {
  const text = await (await fetch(metricsUrl)).text();
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^credit_mongodb_commands_total\{([^}]*)\} (\d+(?:\.\d+)?)$/.exec(line);
    if (!m) continue;
    const labels = Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    counts.set(`${labels.collection}/${labels.command}`, Number(m[2]));
  }
  return counts;
}

/** Commands sent between two readings of {@link mongoCommandCounts}. */
export function commandDelta(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const delta = new Map<string, number>();
  for (const [key, value] of after) {
    const d = value - (before.get(key) ?? 0);
    if (d > 0) delta.set(key, d);
  }
  return delta;
}

/** An Authorization header for a development token of the given claims. */
export async function authHeader(claims: Parameters<typeof signDevToken>[0], ttl = '10m'): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await signDevToken(claims, ttl)}` };
}

/** Registers a partner institution through the API, as the platform's reviewers do (a test's consents name it). */
export async function registerInstitution(stack: Stack, institution: { id: string; name: string }): Promise<void> {
  const { body } = await stack.query(
    'mutation ($id: String!, $name: String!) { registerInstitution(id: $id, name: $name) { id } }',
    institution,
    await authHeader({ role: 'reviewer', org: 'mianyang-credit-platform' }),
  );
  if (body.errors) throw new Error(`registerInstitution failed: ${JSON.stringify(body.errors)}`);
}

/** A red-list entry (道德模范, 优秀志愿者, …) as the platform ingests it (`ingestPlatformRecords(kind: RED_LIST_ENTRY)`). */
export function redListEntry(id: string, personId: string, title: string, awardedOn: string, validUntil: string | null) {
  return {
    id,
    personId,
    title,
    awardingBody: '绵阳市精神文明建设委员会',
    awardedOn,
    validUntil,
    sourceOrganisation: '绵阳市文明办',
    legalBasis: '《绵阳市道德模范评选表彰办法》',
  };
}

/** The market regulator's unified social credit code, as its penalties name it. */
const MARKET_REGULATION_CODE = makeSocialCreditCode('11510700008661238');

/**
 * A serious food-and-drug penalty of the market regulator in the
 * double-publicity format (`ingestMarketRegulationRecords(kind:
 * ADMINISTRATIVE_PENALTY)`): published, and grounds for joint punishment.
 * The facts name the person as a decision does (with their ID), which the
 * platform masks wherever the public reads them.
 */
export function foodDrugPenalty(penalty: { id: string; personId: string; name: string; decisionDate: string; decisionNumber: string; violationType: string }) {
  return {
    id: penalty.id,
    personId: penalty.personId,
    counterpartName: penalty.name,
    category: 'SERIOUS_FOOD_DRUG_VIOLATION',
    decisionDate: penalty.decisionDate,
    decisionNumber: penalty.decisionNumber,
    authority: '绵阳市市场监督管理局',
    authorityCode: MARKET_REGULATION_CODE,
    sourceUnit: '绵阳市市场监督管理局',
    sourceUnitCode: MARKET_REGULATION_CODE,
    legalBasis: '国办发〔2015〕51号 双公示',
    violationType: penalty.violationType,
    facts: `当事人${penalty.name}(${penalty.personId})${penalty.violationType}。`,
    penaltyBasis: '《中华人民共和国药品管理法》第一百一十六条',
    penaltyTypes: ['FINE'],
    fineYuan: 50000,
    penaltyContent: '罚款五万元',
  };
}

/** An auditor's header: auditors read everything (including records past their display period). */
export function auditorHeader(): Promise<Record<string, string>> {
  return authHeader({ role: 'auditor', org: 'mianyang-credit-audit-office' });
}

/**
 * A TCP proxy in front of the database that can be frozen: while frozen it
 * stops passing bytes either way, as a stopped (SIGSTOP) database server
 * would; thawed, traffic resumes.
 */
export async function startFreezableProxy(targetUri: string): Promise<{ uri: string; freeze(): void; thaw(): void; stop(): Promise<void> }> {
  const target = new URL(targetUri);
  const sockets = new Set<Socket>();
  let frozen = false;
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(from);
      from.on('data', (chunk) => to.write(chunk));
      from.on('close', () => {
        sockets.delete(from);
        to.destroy();
      });
      from.on('error', () => to.destroy());
      if (frozen) from.pause();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const uri = `${target.protocol}//127.0.0.1:${port}${target.pathname}${target.search}`;
  return {
    uri,
    freeze: () => {
      frozen = true;
      for (const s of sockets) s.pause();
    },
    thaw: () => {
      frozen = false;
      for (const s of sockets) s.resume();
    },
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
