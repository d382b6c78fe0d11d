import { readFileSync } from 'node:fs';

import { ApolloServer } from '@apollo/server';
import { createLogger, loadSupergraphSchema, makeCitizenId, PUBLIC_PRINCIPAL, type Principal } from '@credit/shared';
import { GraphQLError, type GraphQLObjectType } from 'graphql';

import { authorisationPlugin, personFieldGroups } from '../authorisation';
import type { GatewayContext } from '../context';
import { PlatformClient, type ConsentCheckResult, type QueryLogInput } from '../platform-client';
import { SUPERGRAPH_FILE } from '../server';

/**
 * The gateway's authorisation plugin in process: an Apollo server over the
 * composed schema, its Person fields answered locally (they record being
 * resolved), the plugin in front. No HTTP and no subgraph: what is checked
 * is what the plugin decides — fields removed before execution, FORBIDDEN
 * at their paths, the query log written before the answer, and nothing
 * served when it cannot be. The integration tests run the same plugin in
 * the real gateway against the real platform.
 */

// The platform's side, as the plugin sees it: what it was asked to log.
class RecordingPlatform extends PlatformClient {
  appended: QueryLogInput[] = [];
  /** How many Person fields had been resolved when each append was asked for. */
  resolvedAtAppend: number[] = [];
  failing = false;
  constructor() {
    super(() => 'http://127.0.0.1:1/graphql', new Uint8Array(32));
  }
  override async appendQueryLog(entries: QueryLogInput[]): Promise<void> {
    this.resolvedAtAppend.push(resolved.length);
    if (this.failing) throw new Error('platform unavailable');
    this.appended.push(...entries);
  }
  override async consentCheck(): Promise<ConsentCheckResult> {
    return { institutionBlacklisted: false, institutionRegistered: true, grants: [] };
  }
}

const id = makeCitizenId('510704', '1990-10-10', 41);
const ANSWERS: Record<string, unknown> = { taxCreditLevel: { level: 'A' }, violations: { totalCount: 2 } };
const resolved: string[] = [];
let refusedBySource: string | null = null;
const platform = new RecordingPlatform();
let apollo: ApolloServer<GatewayContext>;

beforeAll(async () => {
  const schema = loadSupergraphSchema();
  for (const field of Object.values((schema.getType('Person') as GraphQLObjectType).getFields())) {
    field.resolve = (source: { id: string }) => {
      resolved.push(field.name);
      // As a source that refuses the person (its own rules) answers.
      if (refusedBySource === field.name) throw new GraphQLError('refused by the source', { extensions: { code: 'FORBIDDEN' } });
      return field.name === 'id' ? source.id : (ANSWERS[field.name] ?? null);
    };
  }
  schema.getQueryType()!.getFields().person!.resolve = (_source, args: { id: string }) => ({ id: args.id });
  const fieldGroups = personFieldGroups(readFileSync(SUPERGRAPH_FILE, 'utf8'));
  apollo = new ApolloServer<GatewayContext>({
    schema,
    plugins: [authorisationPlugin({ fieldGroups, platform })],
  });
  await apollo.start();
});
afterAll(async () => {
  await apollo?.stop();
});
beforeEach(() => {
  resolved.length = 0;
  platform.appended.length = 0;
  platform.resolvedAtAppend.length = 0;
  platform.failing = false;
  refusedBySource = null;
});

const QUERY = 'query ($id: CitizenId!) { person(id: $id) { taxCreditLevel { level } violations { totalCount } } }';

type Result = { status?: number; data?: Record<string, unknown>; errors?: { path?: unknown[]; extensions?: Record<string, unknown> }[] };

async function asCaller(principal: Principal, query = QUERY): Promise<Result> {
  const contextValue: GatewayContext = {
    requestId: 'unit',
    principal,
    forwarded: { principal, grants: {}, publicListed: [] },
    log: createLogger({ service: 'unit' }, 'silent'),
    clientAddress: '127.0.0.1',
  };
  const response = await apollo.executeOperation({ query, variables: { id } }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { status: response.http.status, ...(response.body.singleResult as Result) };
}

describe('the authorisation plugin, in process', () => {
  it('removes a field the role may never read before execution and answers FORBIDDEN at its path', async () => {
    const result = await asCaller(PUBLIC_PRINCIPAL);
    expect(resolved).not.toContain('taxCreditLevel');
    expect(result.data).toEqual({ person: { taxCreditLevel: null, violations: { totalCount: 2 } } });
    expect(result.errors).toEqual([
      expect.objectContaining({ path: ['person', 'taxCreditLevel'], extensions: expect.objectContaining({ code: 'FORBIDDEN', fieldGroup: 'tax' }) }),
    ]);
  });

  it('logs a read by someone else, with what was served and what denied, before answering', async () => {
    await asCaller(PUBLIC_PRINCIPAL);
    expect(platform.appended).toEqual([
      expect.objectContaining({ personId: id, fieldGroups: ['administrative_penalties'], deniedFieldGroups: ['tax'], outcome: 'PARTLY_DENIED' }),
    ]);
  });

  it('writes the entry of a read it can foresee while the query executes, before any field is resolved', async () => {
    await asCaller(PUBLIC_PRINCIPAL);
    expect(platform.resolvedAtAppend).toEqual([0]);
    expect(platform.appended).toHaveLength(1);
  });

  it('logs after the answer what a source did otherwise than foreseen, so no read goes unlogged', async () => {
    refusedBySource = 'violations';
    const result = await asCaller(PUBLIC_PRINCIPAL);
    expect(result.errors).toContainEqual(expect.objectContaining({ path: ['person', 'violations'] }));
    expect(platform.appended).toEqual([
      expect.objectContaining({ personId: id, fieldGroups: ['administrative_penalties'], deniedFieldGroups: ['tax'], outcome: 'PARTLY_DENIED' }),
      expect.objectContaining({ personId: id, fieldGroups: [], deniedFieldGroups: ['administrative_penalties', 'tax'], outcome: 'DENIED' }),
    ]);
    expect(platform.resolvedAtAppend[1]).toBeGreaterThan(0);
  });

  it('logs a read of the query log itself after the answer, so the read never finds its own entry', async () => {
    await asCaller({ role: 'auditor', org: 'audit-office', scopes: [] }, 'query ($id: CitizenId!) { person(id: $id) { queryLog { totalCount } } }');
    expect(platform.appended).toEqual([expect.objectContaining({ personId: id, fieldGroups: ['query_log'] })]);
    expect(platform.resolvedAtAppend[0]).toBeGreaterThan(0);
  });

  it('does not log the person reading their own record', async () => {
    const result = await asCaller({ role: 'subject', subjectId: id, scopes: [] });
    expect(result.data).toEqual({ person: { taxCreditLevel: { level: 'A' }, violations: { totalCount: 2 } } });
    expect(platform.appended).toEqual([]);
  });

  it('serves nothing when the read cannot be logged', async () => {
    platform.failing = true;
    const result = await asCaller(PUBLIC_PRINCIPAL);
    expect(result.status).toBe(503);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_LOG_UNAVAILABLE');
  });
});
