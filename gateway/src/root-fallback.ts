import { isValidCitizenId, parseCitizenId } from '@credit/shared';
import { Kind, parse, type DocumentNode, type GraphQLFormattedError, type SelectionSetNode, type ValueNode } from 'graphql';

/**
 * Every subgraph serves the entry points `person(id:)` and `people(ids:)`
 * (shared, `@shareable`), and all they do is turn the IDs asked for into
 * `Person` references. The query planner picks one subgraph to start a plan
 * at; if that subgraph is down or hung, the whole `person` would be lost,
 * though every other source could answer its fields.
 *
 * So when such a root fetch fails, the gateway answers it itself, exactly as
 * the subgraph's root resolvers would: a reference per ID with its
 * `__typename` and `id`, and every field of the failed source null with its
 * SUBGRAPH_UNAVAILABLE error. The rest of the plan (entity fetches to the
 * other sources) then runs as usual. Anything else the fetch asked for
 * (another root field, a named fragment) is not answered this way: the
 * failure stands.
 */

const ROOT_FIELDS: Record<string, string> = { person: 'id', people: 'ids' };

const parsed = new Map<string, DocumentNode | null>();
const PARSED_CACHE_SIZE = 500;

function documentOf(query: string): DocumentNode | null {
  let document = parsed.get(query);
  if (document === undefined) {
    try {
      document = parse(query);
    } catch {
      document = null;
    }
    if (parsed.size >= PARSED_CACHE_SIZE) parsed.delete(parsed.keys().next().value!);
    parsed.set(query, document);
  }
  return document;
}

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.STRING) return node.value;
  if (node.kind === Kind.LIST) return node.values.map((v) => valueOf(v, variables));
  return undefined;
}

/** The fields of a Person selection: `__typename` and `id` answered, the others null. Null when the shape is not one we answer. */
function personShape(selectionSet: SelectionSetNode): { key: string; name: string }[] | null {
  const fields: { key: string; name: string }[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) fields.push({ key: selection.alias?.value ?? selection.name.value, name: selection.name.value });
    else if (selection.kind === Kind.INLINE_FRAGMENT && (!selection.typeCondition || selection.typeCondition.name.value === 'Person')) {
      const inner = personShape(selection.selectionSet);
      if (!inner) return null;
      fields.push(...inner);
    } else return null;
  }
  return fields;
}

/**
 * The answer the failed subgraph's root resolvers would have given, with its
 * own fields null and coded; null when the fetch was not only `person` /
 * `people` roots (the failure then stands).
 */
export function rootFallback(
  query: string,
  variables: Record<string, unknown>,
  unavailable: (path: (string | number)[]) => GraphQLFormattedError,
): { data: Record<string, unknown>; errors: GraphQLFormattedError[] } | null {
  const document = documentOf(query);
  const operation = document?.definitions.length === 1 ? document.definitions[0] : undefined;
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'query') return null;
  const data: Record<string, unknown> = {};
  const errors: GraphQLFormattedError[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return null;
    const key = selection.alias?.value ?? selection.name.value;
    if (selection.name.value === '__typename') {
      data[key] = 'Query';
      continue;
    }
    const argument = ROOT_FIELDS[selection.name.value];
    const arg = selection.arguments?.find((a) => a.name.value === argument);
    const shape = selection.selectionSet ? personShape(selection.selectionSet) : null;
    if (!argument || !arg || !shape) return null;
    const value = valueOf(arg.value, variables);
    const answer = (raw: unknown, path: (string | number)[]) => {
      if (!isValidCitizenId(raw)) return null;
      // The fetch carries the variables as the client sent them; the
      // subgraph's CitizenId scalar would normalise them (a lower-case x),
      // and so does this answer, so the key matches the other sources'.
      const id = parseCitizenId(raw).id;
      const person: Record<string, unknown> = {};
      for (const field of shape) {
        if (field.name === '__typename') person[field.key] = 'Person';
        else if (field.name === 'id') person[field.key] = id;
        else {
          person[field.key] = null;
          errors.push(unavailable([...path, field.key]));
        }
      }
      return person;
    };
    if (selection.name.value === 'people') {
      if (!Array.isArray(value)) return null;
      data[key] = value.map((id, i) => answer(id, [key, i]));
    } else {
      data[key] = answer(value, [key]);
    }
  }
  return { data, errors };
}
