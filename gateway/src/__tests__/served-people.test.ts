import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';

import { assertPersonIsConcrete, PERSON_MARKER, reviewAnswer, typesReachingPerson } from '../served-people';

/**
 * The walk of an answer along its operation, in process over a small
 * schema: which types can lead to a person, and that the walk finds the
 * people below them and skips what cannot hold one.
 */

const schema = buildSchema(`
  type Person { id: ID! name: String }
  type Check { id: String! listed: Boolean }
  type Case { title: String cited: [Citation!]! }
  type Citation { person: Person }
  type Query { checks: [Check!]! cases: [Case!]! }
`);

function review(query: string, data: Record<string, unknown>) {
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  return reviewAnswer({
    schema,
    document,
    operation,
    variables: {},
    data,
    errors: [],
    denied: new Map(),
    fieldGroups: new Map([['name', 'identity']]),
    shownId: (id) => `masked:${id}`,
  });
}

describe('the walk of an answer', () => {
  it('knows the types that can lead to a person, through lists and nesting', () => {
    expect([...typesReachingPerson(schema)].sort()).toEqual(['Case', 'Citation', 'Person', 'Query']);
  });

  it('finds a person below types that lead to one, and masks their id', () => {
    const person = { [PERSON_MARKER]: 'P1', id: 'P1', name: 'x' };
    const { people } = review('{ cases { title cited { person { id name } } } }', { cases: [{ title: 't', cited: [{ person }] }] });
    expect([...people.keys()]).toEqual(['P1']);
    expect(person.id).toBe('masked:P1');
  });

  it('skips values that cannot hold a person, however many', () => {
    let fieldsRead = 0;
    const checks = Array.from({ length: 1000 }, (_, i) => ({
      get id() {
        fieldsRead++;
        return `C${i}`;
      },
      listed: false,
    }));
    expect(review('{ checks { id listed } }', { checks }).people.size).toBe(0);
    expect(fieldsRead).toBe(0);
  });

  it('refuses a schema where an abstract type may hold a person', () => {
    const withUnion = buildSchema(`
      type Person { id: ID! }
      type Citation { person: Person }
      type Other { x: Int }
      union Cited = Citation | Other
      type Query { cited: [Cited!]! }
    `);
    expect(() => assertPersonIsConcrete(withUnion)).toThrow('Cited may hold a Person');
    expect(() => assertPersonIsConcrete(schema)).not.toThrow();
  });
});
