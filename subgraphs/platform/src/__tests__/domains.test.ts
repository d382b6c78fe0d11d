import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { sourceEntry, subgraphTypeDefs } from '@credit/shared';
import { Kind, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode } from 'graphql';
import { allow } from 'graphql-shield';

import { definition, domainFolderProblems } from '../definition';
import { mergePermissions, mergeResolvers, type AnyDomain } from '../domain';
import { DOMAINS } from '../domains';

// The platform is put together from the list of domains: these check that the
// list, the folders and the SDL agree, so a domain added or moved by hand
// cannot serve a field nobody resolves or nobody may call.

const ROOT = path.join(__dirname, '..', '..');

function rootFields(typeName: 'Query' | 'Mutation'): string[] {
  const typeDefs = subgraphTypeDefs(sourceEntry('platform'), definition.schemaFile);
  return typeDefs.definitions
    .filter(
      (d): d is ObjectTypeDefinitionNode | ObjectTypeExtensionNode =>
        (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) && d.name.value === typeName,
    )
    .flatMap((d) => (d.fields ?? []).map((f) => f.name.value))
    .filter((name) => !['person', 'people'].includes(name));
}

describe('the platform as domain modules', () => {
  it('lists exactly the domain folders that hold an SDL part', () => {
    expect(
      domainFolderProblems(
        ROOT,
        DOMAINS.map((d) => d.name),
      ),
    ).toEqual([]);
  });

  it('names a folder with an SDL part that the list leaves out, and a listed domain without one', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'platform-domains-'));
    try {
      mkdirSync(path.join(root, 'src', 'standing'), { recursive: true });
      mkdirSync(path.join(root, 'src', 'stray'), { recursive: true });
      writeFileSync(path.join(root, 'src', 'standing', 'schema.graphql'), 'extend type Query { a: Int }');
      writeFileSync(path.join(root, 'src', 'stray', 'schema.graphql'), 'extend type Query { b: Int }');
      expect(domainFolderProblems(root, ['standing', 'cases'])).toEqual([
        'src/stray/schema.graphql belongs to no domain of domains.ts',
        'domain cases has no src/cases/schema.graphql',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it.each(['Query', 'Mutation'] as const)('resolves and guards every %s field of the SDL, each by one domain', (typeName) => {
    const resolvers = definition.resolvers[typeName] as Record<string, unknown>;
    const rules = (definition.permissions as Record<string, Record<string, unknown> | undefined>)[typeName] ?? {};
    const fields = rootFields(typeName);
    expect(fields.length).toBeGreaterThan(3);
    expect(fields.filter((f) => !resolvers[f])).toEqual([]);
    // A field without a rule would be denied to everyone by the shield's fallback.
    expect(fields.filter((f) => !rules[f])).toEqual([]);
  });

  it('refuses two domains resolving the same field', () => {
    const a: AnyDomain = { name: 'a', createModels: () => ({}), resolvers: { Query: { institution: () => null } } };
    const b: AnyDomain = { name: 'b', createModels: () => ({}), resolvers: { Query: { institution: () => null } } };
    expect(() => mergeResolvers([a, b])).toThrow("The platform's domains a and b both define the resolver of Query.institution");
    expect(() =>
      mergePermissions([
        { ...a, permissions: { Query: { x: allow } } },
        { ...b, permissions: { Query: { x: allow } } },
      ]),
    ).toThrow('both define the rule of Query.x');
  });
});
