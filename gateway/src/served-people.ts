import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isAbstractType,
  isListType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { collectFields, collectSubfields } from 'graphql/execution/collectFields';

/**
 * Whom an operation reads, derived the way GraphQL itself executes it: the
 * fields are collected with graphql-js's own `collectFields` (fragments,
 * inline fragments, aliases, `@skip`/`@include`, variables and their
 * defaults), and after execution every `Person` object of the answer is
 * found by walking the answer along those fields. Nothing is guessed from
 * the query text, so however a document names a person, the query log and
 * the masking follow what was actually served.
 */

export const PERSON_TYPE = 'Person';

/**
 * Alias under which the gateway asks for `id` in every `Person` selection, so
 * that each person of the answer is known by ID even when the caller did not
 * select it. Removed from the answer; client aliases starting with `__` are
 * refused (see document-rules.ts), so it cannot collide.
 */
export const PERSON_MARKER = '__credit_pid';

export type Variables = Record<string, unknown>;
type Fragments = Record<string, FragmentDefinitionNode>;

/** The fragments of a document by name, as graphql-js's executor wants them. */
export function fragmentsOf(document: DocumentNode): Fragments {
  const fragments: Fragments = Object.create(null) as Fragments;
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  return fragments;
}

/** The operation's variables coerced as execution will coerce them (defaults applied); null when they are invalid (execution refuses them). */
export function coerceVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, inputs: Variables): Variables | null {
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], inputs, { maxErrors: 1 });
  return result.errors ? null : (result.coerced as Variables);
}

/**
 * No union or interface may hold a `Person`, as a member or through a
 * member's fields: the walk of an answer finds people by the declared type
 * of each field, and a person reached through an abstract type would go
 * unlogged.
 * Checked when the gateway loads its schema, so such a change cannot ship.
 */
export function assertPersonIsConcrete(schema: GraphQLSchema): void {
  const reaching = typesReachingPerson(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (isAbstractType(type) && schema.getPossibleTypes(type).some((t) => reaching.has(t.name))) {
      throw new Error(`${type.name} may hold a ${PERSON_TYPE}: the gateway could not tell which answers read a person`);
    }
  }
}

const reachingBySchema = new WeakMap<GraphQLSchema, ReadonlySet<string>>();

/**
 * The object types whose values may hold a `Person` (it, and every type with
 * a field leading to one), so that the walk of an answer skips the parts
 * that cannot: a blacklist check of 10,000 people, or a page of the
 * disclosure feed, holds none.
 */
export function typesReachingPerson(schema: GraphQLSchema): ReadonlySet<string> {
  let reaching = reachingBySchema.get(schema);
  if (reaching) return reaching;
  const found = new Set<string>([PERSON_TYPE]);
  const objects = Object.values(schema.getTypeMap()).filter(isObjectType);
  for (let grew = true; grew;) {
    grew = false;
    for (const type of objects) {
      if (found.has(type.name)) continue;
      if (Object.values(type.getFields()).some((field) => found.has(getNamedType(field.type).name))) {
        found.add(type.name);
        grew = true;
      }
    }
  }
  reaching = found;
  reachingBySchema.set(schema, reaching);
  return reaching;
}

function objectTypeOf(type: GraphQLOutputType): GraphQLObjectType | null {
  const named = getNamedType(type);
  return isObjectType(named) ? named : null;
}

export interface OperationDemand {
  /** Citizen IDs passed to fields that return people (for consents and public lists). */
  candidateIds: string[];
  /** Names of the Person fields the operation will execute (after `@skip`/`@include`). */
  personFields: Set<string>;
  /**
   * Whether people are reached through one field of the root alone
   * (`person(id:)`, `people(ids:)`): then every candidate is read with the
   * same `personFields`, and what the read will be can be told before it runs.
   */
  onePersonRoot: boolean;
}

/**
 * What an operation will ask of people, before it runs: the IDs given to
 * every field that returns a `Person` (arguments of type `CitizenId`, one or
 * a list) and the `Person` fields selected. Used to look up consents and the
 * public lists ahead of planning; a person reached without having been a
 * candidate simply has no consent and is denied, so a miss here fails closed.
 * `checkArguments` sees the arguments of every field that will run (and may
 * throw to refuse the request).
 */
export function operationDemand(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
  checkArguments: (typeName: string, fieldName: string, args: Record<string, unknown>) => void = () => undefined,
): OperationDemand {
  const fragments = fragmentsOf(document);
  const demand: OperationDemand = { candidateIds: [], personFields: new Set(), onePersonRoot: false };
  // Fields that return people, and how many of them sit at the root.
  let personReaches = 0;
  let personRoots = 0;
  const ids = new Set<string>();
  const root = schema.getRootType(operation.operation);
  if (!root) return demand;
  const visitFields = (type: GraphQLObjectType, fields: Map<string, readonly FieldNode[]>, depth: number) => {
    for (const nodes of fields.values()) {
      const node = nodes[0]!;
      const definition = type.getFields()[node.name.value];
      if (!definition) continue;
      if (type.name === PERSON_TYPE) demand.personFields.add(node.name.value);
      let args: Record<string, unknown> = {};
      if (definition.args.length > 0) {
        try {
          args = getArgumentValues(definition, node, variables);
        } catch {
          // An invalid argument fails the execution with its own coded error.
        }
        checkArguments(type.name, definition.name, args);
      }
      const child = objectTypeOf(definition.type);
      if (!child) continue;
      if (child.name === PERSON_TYPE) {
        personReaches += 1;
        if (depth === 0) personRoots += 1;
        for (const arg of definition.args) {
          if (getNamedType(arg.type).name !== 'CitizenId') continue;
          const value = args[arg.name];
          for (const id of Array.isArray(value) ? value : [value]) if (typeof id === 'string') ids.add(id);
        }
      }
      // Deep enough for any real schema; a cycle in the document is refused by validation.
      if (depth < 64) visitFields(child, collectSubfields(schema, fragments, variables, child, nodes), depth + 1);
    }
  };
  visitFields(root, collectFields(schema, fragments, variables, root, operation.selectionSet), 0);
  demand.candidateIds = [...ids];
  demand.onePersonRoot = personReaches === 1 && personRoots === 1;
  return demand;
}

export interface Denial {
  group: string;
  code: string;
  reason: string;
}

/**
 * The document the gateway plans: the `Person` fields the caller's role may
 * never read removed (so their source is not even asked), and `id` asked
 * under {@link PERSON_MARKER} in every `Person` selection. Returns the
 * removed field nodes (nodes of the original document) with their denial.
 */
export function documentToPlan(
  document: DocumentNode,
  schema: GraphQLSchema,
  denyField: (name: string) => Denial | null,
): { document: DocumentNode; denied: Map<FieldNode, Denial> } {
  const denied = new Map<FieldNode, Denial>();
  const typeInfo = new TypeInfo(schema);
  const marker: FieldNode = { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: PERSON_MARKER }, name: { kind: Kind.NAME, value: 'id' } };
  const planned = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node) {
          if (typeInfo.getParentType()?.name !== PERSON_TYPE) return undefined;
          const denial = denyField(node.name.value);
          if (!denial) return undefined;
          denied.set(node, denial);
          return null;
        },
      },
      SelectionSet: {
        // Leaving: the removals below are done, and the marker keeps the set non-empty.
        leave(node: SelectionSetNode) {
          if (typeInfo.getParentType()?.name !== PERSON_TYPE) return undefined;
          return { ...node, selections: [...node.selections, marker] };
        },
      },
    }),
  );
  return { document: planned, denied };
}

/** What the answer gave of one person. */
export interface PersonRead {
  /** Field groups served: a value (null included) came back without an error. */
  served: Set<string>;
  /** Field groups refused with FORBIDDEN, CONSENT_REQUIRED or UNAUTHENTICATED. */
  denied: Set<string>;
}

export const DENIAL_CODES = new Set(['FORBIDDEN', 'CONSENT_REQUIRED', 'UNAUTHENTICATED']);

export interface AnswerReview {
  /** Every person reached in the answer, by ID. */
  people: Map<string, PersonRead>;
  /** Errors for the fields removed before planning, at their paths in the answer. */
  denialErrors: GraphQLFormattedError[];
}

type Json = Record<string, unknown>;

/**
 * Walks the answer along the original operation (as executed: same field
 * collection) and, for every `Person` object in it: answers each field that
 * was removed before planning with null and its denial, masks the `id`
 * fields the caller may not see unmasked, removes the marker, and records
 * which field groups were served and denied. Mutates `data`.
 *
 * Throws when a person in the answer carries no marker: the gateway could
 * not tell whom it is about to serve, so it must not serve it.
 */
export function reviewAnswer(options: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Variables;
  data: Json;
  errors: readonly GraphQLFormattedError[];
  denied: ReadonlyMap<FieldNode, Denial>;
  fieldGroups: ReadonlyMap<string, string>;
  /** The shown form of a person's ID for this caller (masked or as is). */
  shownId: (id: string) => string;
}): AnswerReview {
  const { schema, variables, denied, fieldGroups } = options;
  const fragments = fragmentsOf(options.document);
  const errorCodes = new Map<string, string[]>();
  for (const error of options.errors) {
    if (!error.path) continue;
    const key = error.path.join('\u0000');
    const codes = errorCodes.get(key) ?? [];
    codes.push(String(error.extensions?.code ?? ''));
    errorCodes.set(key, codes);
  }
  const people = new Map<string, PersonRead>();
  const denialErrors: GraphQLFormattedError[] = [];
  // The same fields are collected for every object of a list: once per
  // (field nodes, type), as graphql-js's executor does.
  const collected = new WeakMap<readonly FieldNode[], Map<string, Map<string, readonly FieldNode[]>>>();
  const subfields = (type: GraphQLObjectType, nodes: readonly FieldNode[]) => {
    let byType = collected.get(nodes);
    if (!byType) {
      byType = new Map();
      collected.set(nodes, byType);
    }
    let fields = byType.get(type.name);
    if (!fields) {
      fields = collectSubfields(schema, fragments, variables, type, nodes);
      byType.set(type.name, fields);
    }
    return fields;
  };

  const visitPerson = (type: GraphQLObjectType, fields: Map<string, readonly FieldNode[]>, object: Json, path: (string | number)[]) => {
    const id = object[PERSON_MARKER];
    if (typeof id !== 'string') throw new Error(`a ${PERSON_TYPE} at ${path.join('.')} came back without its ID`);
    delete object[PERSON_MARKER];
    const read = people.get(id) ?? { served: new Set<string>(), denied: new Set<string>() };
    people.set(id, read);
    for (const [key, nodes] of fields) {
      const node = nodes[0]!;
      const name = node.name.value;
      if (name === '__typename') continue;
      if (name === 'id') {
        if (typeof object[key] === 'string') object[key] = options.shownId(object[key]);
        continue;
      }
      const group = fieldGroups.get(name) ?? 'unknown';
      const denial = nodes.map((n) => denied.get(n)).find(Boolean);
      if (denial) {
        object[key] = null;
        denialErrors.push({
          message: `Not allowed to read ${name}: ${denial.reason}`,
          path: [...path, key],
          extensions: { code: denial.code, fieldGroup: denial.group },
        });
        read.denied.add(group);
        continue;
      }
      const codes = errorCodes.get([...path, key].join('\u0000')) ?? [];
      if (codes.some((c) => DENIAL_CODES.has(c))) read.denied.add(group);
      else if (codes.length === 0) read.served.add(group);
      const definition = type.getFields()[name];
      if (definition) visitValue(definition.type, nodes, object[key], [...path, key]);
    }
  };

  const visitObject = (type: GraphQLObjectType, fields: Map<string, readonly FieldNode[]>, object: Json, path: (string | number)[]) => {
    if (type.name === PERSON_TYPE) return visitPerson(type, fields, object, path);
    for (const [key, nodes] of fields) {
      const definition = type.getFields()[nodes[0]!.name.value];
      if (definition) visitValue(definition.type, nodes, object[key], [...path, key]);
    }
  };

  const reaching = typesReachingPerson(schema);
  const visitValue = (type: GraphQLOutputType, nodes: readonly FieldNode[], value: unknown, path: (string | number)[]): void => {
    // A value that cannot hold a person (a leaf, or objects that lead to none) ends the walk.
    if (value === null || value === undefined || !reaching.has(getNamedType(type).name)) return;
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      if (Array.isArray(value)) value.forEach((item, i) => visitValue(nullable.ofType as GraphQLOutputType, nodes, item, [...path, i]));
      return;
    }
    // Abstract types (which hold no people, see assertPersonIsConcrete) end the walk.
    if (!isObjectType(nullable) || typeof value !== 'object') return;
    visitObject(nullable, subfields(nullable, nodes), value as Json, path);
  };

  const root = schema.getRootType(options.operation.operation);
  if (root) visitObject(root, collectFields(schema, fragments, variables, root, options.operation.selectionSet), options.data, []);
  return { people, denialErrors };
}
