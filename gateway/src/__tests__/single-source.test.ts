import { readFileSync } from 'node:fs';

import { Supergraph } from '@apollo/federation-internals';
import { parse, type OperationDefinitionNode } from 'graphql';

import { SUPERGRAPH_FILE } from '../server';
import { fieldSources, singleSourceOf } from '../single-source';

/**
 * Which queries the gateway sends to one source unplanned, decided on the
 * composed supergraph itself: only those every selected field of which one
 * same source resolves.
 */
const supergraphSdl = readFileSync(SUPERGRAPH_FILE, 'utf8');
const apiSchema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
const sources = fieldSources(supergraphSdl);

function sourceOf(query: string): string | null {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  return singleSourceOf(apiSchema, document, operation, sources);
}

describe('the direct path to one source', () => {
  it('sends a read of one source’s Person fields to that source, through fragments of the same type too', () => {
    expect(sourceOf('query ($id: CitizenId!) { person(id: $id) { id __typename dishonestDebtorListings(first: 10) { totalCount nodes { id court } } } }')).toBe(
      'courts',
    );
    expect(
      sourceOf('query ($id: CitizenId!) { person(id: $id) { ...L ... on Person { id } } } fragment L on Person { dishonestDebtorListings { totalCount } }'),
    ).toBe('courts');
    expect(sourceOf('query ($ids: [CitizenId!]!) { people(ids: $ids) { id dishonestDebtorListings(first: 1) { totalCount } } }')).toBe('courts');
  });

  it('sends the blacklist check to the platform', () => {
    expect(sourceOf('query ($ids: [String!]!) { blacklistCheck(ids: $ids, purpose: LICENSING) { id valid listed categories measures } }')).toBe('platform');
  });

  it('plans a read that needs two sources, introspection and anything that is not a query', () => {
    expect(sourceOf('query ($id: CitizenId!) { person(id: $id) { id identity { name } dishonestDebtorListings { totalCount } } }')).toBeNull();
    expect(sourceOf('query ($id: CitizenId!) { person(id: $id) { dishonestDebtorListings { totalCount } jointPunishment { listed } } }')).toBeNull();
    expect(sourceOf('{ __schema { queryType { name } } }')).toBeNull();
    expect(sourceOf('mutation { __typename }')).toBeNull();
  });

  it('names no source for a field no source resolves by itself', () => {
    const unresolvable = new Map([...sources].filter(([field]) => field !== 'BlacklistCheckResult.listed'));
    const document = parse('query ($ids: [String!]!) { blacklistCheck(ids: $ids, purpose: LICENSING) { id listed } }');
    expect(singleSourceOf(apiSchema, document, document.definitions[0] as OperationDefinitionNode, unresolvable)).toBeNull();
  });
});
