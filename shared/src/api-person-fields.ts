import { readFileSync } from 'node:fs';
import path from 'node:path';

import {
  buildSchema,
  getNamedType,
  isLeafType,
  Kind,
  parse,
  print,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type StringValueNode,
} from 'graphql';

import { REPO_ROOT } from './devdb';
import { SUBGRAPHS } from './subgraph-registry';

/**
 * The public `Person` of the composed API, read from gateway/supergraph.graphql
 * (itself composed from the source registry). Tests and the bench take their
 * field lists from here rather than writing the sources' fields out by hand,
 * so a new department's fields are asked for without editing them.
 */
export interface ApiPersonField {
  name: string;
  /** The policy field group of its `@sensitive`. */
  group: string;
  /** The subgraph that resolves it (its `@join__field` graph, by registry name). */
  subgraph: string;
  field: GraphQLField<unknown, unknown>;
}

/** The registry name of a supergraph's graph (`MARKET_REGULATION` is `market-regulation`). */
const subgraphOfGraph = new Map(SUBGRAPHS.map((s) => [s.name.toUpperCase().replaceAll('-', '_'), s.name]));

const SUPERGRAPH_FILE = path.join(REPO_ROOT, 'gateway', 'supergraph.graphql');

function isInaccessible(node: { directives?: readonly { name: { value: string } }[] } | null | undefined): boolean {
  return Boolean(node?.directives?.some((d) => d.name.value === 'inaccessible'));
}

/** The composed schema (with its join directives; only its types are used). */
export function loadSupergraphSchema(file = SUPERGRAPH_FILE): GraphQLSchema {
  return buildSchema(readFileSync(file, 'utf8'), { assumeValidSDL: true });
}

/** Every public field of `Person` but the key, in composed order, with its field group. */
export function apiPersonFields(schema: GraphQLSchema = loadSupergraphSchema()): ApiPersonField[] {
  const person = schema.getType('Person') as GraphQLObjectType;
  const fields: ApiPersonField[] = [];
  for (const field of Object.values(person.getFields())) {
    if (field.name === 'id' || isInaccessible(field.astNode)) continue;
    const sensitive = field.astNode?.directives?.find((d) => d.name.value === 'sensitive');
    const group = sensitive?.arguments?.find((a) => a.name.value === 'group')?.value;
    if (group?.kind !== Kind.STRING) throw new Error(`Person.${field.name} has no @sensitive(group:)`);
    const graph = field.astNode?.directives?.find((d) => d.name.value === 'join__field')?.arguments?.find((a) => a.name.value === 'graph')?.value;
    const subgraph = graph?.kind === Kind.ENUM ? subgraphOfGraph.get(graph.value) : undefined;
    if (!subgraph) throw new Error(`Person.${field.name} has no @join__field(graph:) of a registered subgraph`);
    fields.push({ name: field.name, group: (group as StringValueNode).value, subgraph, field });
  }
  return fields;
}

/** The smallest selection that asks for a field: itself, or its `__typename`. */
export function minimalSelection(field: GraphQLField<unknown, unknown>): string {
  return isLeafType(getNamedType(field.type)) ? field.name : `${field.name} { __typename }`;
}

/**
 * `fragment Profile on Person`: the fields written out (what a test looks at,
 * selected as it needs), then every other public field whose group
 * `include` accepts, with its smallest selection. A new source's fields are
 * read without anyone listing them. Deprecated fields are left out: what
 * they serve, another field serves.
 */
export function profileFragment(written: string, include: (group: string) => boolean, schema?: GraphQLSchema): string {
  const document = parse(written);
  const fragment = document.definitions.find((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === 'Profile');
  if (!fragment) throw new Error('profileFragment: the written part must be `fragment Profile on Person { ... }`');
  const named = new Set(fragment.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])));
  const rest = apiPersonFields(schema).filter((f) => !named.has(f.name) && !f.field.deprecationReason && include(f.group));
  return `${print(fragment).replace(/\}\s*$/, '')}  ${rest.map((f) => minimalSelection(f.field)).join(' ')}\n}`;
}
