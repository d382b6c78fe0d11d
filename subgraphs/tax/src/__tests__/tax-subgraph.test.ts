import { randomBytes } from 'node:crypto';

import {
  buildSubgraph,
  config,
  connectDatabase,
  makeCitizenId,
  PLATFORM_SERVICE_PRINCIPAL,
  PUBLIC_PRINCIPAL,
  type Principal,
  type SubgraphServer,
} from '@credit/shared';
import type { Connection } from 'mongoose';

import { definition } from '../definition';
import type { Loaders } from '../loaders';
import type { Models } from '../models';

/**
 * The tax subgraph in process: built on its own scratch database, operations
 * executed on its Apollo server with the context the HTTP layer would make
 * for a verified principal (no HTTP, no gateway). Its permission rules, the
 * ingestion mutation and the credit facts come from defineDepartment.
 */
let connection: Connection;
let server: SubgraphServer<Models, Loaders>;

const person = makeCitizenId('510781', '1979-09-09', 31);
const other = makeCitizenId('510781', '1981-01-01', 33);
const operator: Principal = { role: 'bureau', org: 'TAX', scopes: [] };

beforeAll(async () => {
  connection = await connectDatabase({ uri: config().MONGODB_URI!, dbName: `unit_tax_${Date.now().toString(36)}${randomBytes(2).toString('hex')}` });
  // Notes to the platform stay in the outbox: nothing listens at this address.
  server = await buildSubgraph(definition, { connection, peerUrl: () => 'http://127.0.0.1:1/graphql' });
});
afterAll(async () => {
  await server?.stop();
  await connection?.dropDatabase();
  await connection?.close();
});

async function execute(query: string, principal: Principal, variables: Record<string, unknown> = {}) {
  const response = await server.apollo.executeOperation({ query, variables }, { contextValue: server.context({ principal, grants: {}, publicListed: [] }) });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as { data?: Record<string, any>; errors?: { message: string; extensions?: Record<string, unknown> }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const INGEST = 'mutation ($records: [JSONObject!]!) { ingestTaxRecords(kind: TAX_ARREARS, records: $records) { created rejected outcomes { status reason } } }';
const arrears = {
  id: 'TAX-UNIT-1',
  personId: person,
  category: 'TAX_ARREARS',
  grade: 'GENERAL',
  decisionDate: '2026-05-01',
  decisionNumber: '绵税通〔2026〕9号',
  authority: '国家税务总局绵阳市税务局',
  legalBasis: '《中华人民共和国税收征收管理法》',
  taxType: 'STAMP_DUTY',
  amountYuan: 120.5,
  periodFrom: '2025-01-01',
  periodTo: '2025-12-31',
};
const READ = 'query ($id: CitizenId!) { person(id: $id) { taxArrears { totalCount nodes { id amountYuan displayWindow { shown } } } } }';

describe('the tax subgraph, in process', () => {
  it('takes records from a TAX operator and refuses the public and other bureaus', async () => {
    expect((await execute(INGEST, PUBLIC_PRINCIPAL, { records: [arrears] })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await execute(INGEST, { role: 'bureau', org: 'PBOC', scopes: [] }, { records: [arrears] })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const written = await execute(INGEST, operator, { records: [arrears] });
    expect(written.errors).toBeUndefined();
    expect(written.data!.ingestTaxRecords).toEqual({ created: 1, rejected: 0, outcomes: [{ status: 'CREATED', reason: null }] });
  });

  it('shows the arrears to the person and refuses them to anyone else', async () => {
    const own = await execute(READ, { role: 'subject', subjectId: person, scopes: [] }, { id: person });
    expect(own.data!.person.taxArrears).toEqual({ totalCount: 1, nodes: [{ id: 'TAX-UNIT-1', amountYuan: 120.5, displayWindow: { shown: true } }] });
    const stranger = await execute(READ, { role: 'subject', subjectId: other, scopes: [] }, { id: person });
    expect(stranger.data!.person.taxArrears).toBeNull();
    expect(stranger.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('serves its credit facts to the platform’s service only', async () => {
    const FACTS = 'query ($id: CitizenId!) { person(id: $id) { taxCreditFacts { bureau negatives { recordId category grade since } } } }';
    const facts = await execute(FACTS, PLATFORM_SERVICE_PRINCIPAL, { id: person });
    expect(facts.data!.person.taxCreditFacts).toEqual({
      bureau: 'TAX',
      negatives: [{ recordId: 'TAX-UNIT-1', category: 'TAX_ARREARS', grade: 'GENERAL', since: '2026-05-01' }],
    });
    expect((await execute(FACTS, { role: 'auditor', org: 'audit', scopes: [] }, { id: person })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
