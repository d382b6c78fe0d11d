import { Kind, type OperationDefinitionNode, type ValueNode } from 'graphql';

/**
 * The people an operation asks for, by the response key of each root field
 * (`person(id:)` gives one ID, `people(ids:)` a list), read from literals or
 * variables. The gateway checks consents for exactly these people before
 * planning and logs the read of each afterwards.
 */
export type RequestedPeople = Map<string, { field: 'person' | 'people'; ids: string[] }>;

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.STRING:
      return node.value;
    case Kind.LIST:
      return node.values.map((v) => valueOf(v, variables));
    default:
      return undefined;
  }
}

/** Normalised like the CitizenId scalar does (upper-case X), so IDs match the subgraphs'. */
function normalise(id: unknown): string | null {
  return typeof id === 'string' ? id.trim().toUpperCase() : null;
}

export function requestedPeople(operation: OperationDefinitionNode, variables: Record<string, unknown>): RequestedPeople {
  const people: RequestedPeople = new Map();
  if (operation.operation !== 'query') return people;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const name = selection.name.value;
    if (name !== 'person' && name !== 'people') continue;
    const arg = selection.arguments?.find((a) => a.name.value === (name === 'person' ? 'id' : 'ids'));
    if (!arg) continue;
    const raw = valueOf(arg.value, variables);
    const ids = (Array.isArray(raw) ? raw : [raw]).map(normalise).filter((id): id is string => id !== null);
    people.set(selection.alias?.value ?? name, { field: name, ids });
  }
  return people;
}

/** Every distinct ID of the request. */
export function allRequestedIds(people: RequestedPeople): string[] {
  return [...new Set([...people.values()].flatMap((p) => p.ids))];
}

/** The person a response path belongs to (`person.x` or `people.3.x`), with the Person field's response key. */
export function personAtPath(people: RequestedPeople, path: readonly (string | number)[]): { id: string; fieldKey: string | undefined } | null {
  const root = people.get(String(path[0]));
  if (!root) return null;
  if (root.field === 'person') return root.ids[0] ? { id: root.ids[0], fieldKey: path[1] as string | undefined } : null;
  const index = path[1];
  if (typeof index !== 'number' || !root.ids[index]) return null;
  return { id: root.ids[index]!, fieldKey: path[2] as string | undefined };
}
