import { readFileSync } from 'node:fs';
import path from 'node:path';

import {
  buildSchema,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  Kind,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type StringValueNode,
} from 'graphql';

import { REPO_ROOT } from './devdb';

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
  field: GraphQLField<unknown, unknown>;
}

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
    fields.push({ name: field.name, group: (group as StringValueNode).value, field });
  }
  return fields;
}

/**
 * A selection of every public leaf under a field, as deep as `depth`
 * object levels; list fields that take `first` are asked for `first: 10`.
 * An object type already on the path is not entered again.
 */
export function fullSelection(field: GraphQLField<unknown, unknown>, depth = 4, seen: ReadonlySet<string> = new Set()): string {
  const args = field.args.some((a) => a.name === 'first') ? '(first: 10)' : '';
  const type = getNamedType(field.type);
  if (isLeafType(type)) return `${field.name}${args}`;
  if (!isObjectType(type) || depth === 0 || seen.has(type.name)) return '';
  const inner = Object.values(type.getFields())
    .filter((f) => !isInaccessible(f.astNode) && !f.args.some((a) => isNonNullType(a.type)))
    .map((f) => fullSelection(f, depth - 1, new Set([...seen, type.name])))
    .filter(Boolean);
  return inner.length ? `${field.name}${args} { ${inner.join(' ')} }` : '';
}

/** The smallest selection that asks for a field: itself, or its `__typename`. */
export function minimalSelection(field: GraphQLField<unknown, unknown>): string {
  return isLeafType(getNamedType(field.type)) ? field.name : `${field.name} { __typename }`;
}

/** A `fragment Profile on Person` with every public field whose group `include` accepts, in full. */
export function profileFragment(include: (group: string) => boolean, schema?: GraphQLSchema): string {
  const fields = apiPersonFields(schema).filter((f) => include(f.group));
  return `fragment Profile on Person { id ${fields.map((f) => fullSelection(f.field)).join(' ')} }`;
}
