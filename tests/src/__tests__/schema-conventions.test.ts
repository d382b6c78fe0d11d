import { readFileSync } from 'node:fs';
import path from 'node:path';

import { apiPersonFields, loadPolicy, REPO_ROOT, SUBGRAPHS } from '@credit/shared';
import { Kind, parse, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type StringValueNode } from 'graphql';

const supergraph = parse(readFileSync(path.join(REPO_ROOT, 'gateway', 'supergraph.graphql'), 'utf8'));
const objectTypes = new Map(
  supergraph.definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION).map((d) => [d.name.value, d]),
);
const policy = loadPolicy();

function directiveArg(field: FieldDefinitionNode, directive: string, arg: string): string | undefined {
  const d = field.directives?.find((x) => x.name.value === directive);
  const value = d?.arguments?.find((a) => a.name.value === arg)?.value;
  return value?.kind === Kind.STRING ? (value as StringValueNode).value : undefined;
}

describe('the composed schema follows the project conventions', () => {
  const person = objectTypes.get('Person')!;

  it('carries a policy field group on every Person field but the key, through composition', () => {
    const missing: string[] = [];
    for (const field of person.fields ?? []) {
      if (field.name.value === 'id') continue;
      const group = directiveArg(field, 'sensitive', 'group');
      if (!group || !(group in policy.fieldGroups)) missing.push(`${field.name.value} (${group ?? 'no group'})`);
    }
    expect(missing).toEqual([]);
    expect(person.fields!.length).toBeGreaterThan(30);
  });

  it('assigns each Person field to a field group owned by the bureau whose subgraph resolves it', () => {
    const bureauOfSubgraph = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, s.bureau]));
    const mismatches: string[] = [];
    // The public fields (the bureaus' internal credit facts are read by the platform, not by callers).
    const fields = apiPersonFields();
    expect(fields.length).toBeGreaterThan(30);
    for (const field of fields) {
      if (bureauOfSubgraph[field.subgraph] !== policy.fieldGroups[field.group]?.owner) mismatches.push(`${field.name}: ${field.subgraph} vs ${field.group}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('makes every protected Person field nullable, so a denial nulls that field and not the whole person', () => {
    const nonNull = (person.fields ?? []).filter((f) => f.name.value !== 'id' && f.type.kind === Kind.NON_NULL_TYPE).map((f) => f.name.value);
    expect(nonNull).toEqual([]);
  });

  it('declares the page size a paginated field serves when `first` is not given: the policy default, which the cost estimate counts', () => {
    const undeclared: string[] = [];
    for (const type of objectTypes.values()) {
      for (const field of type.fields ?? []) {
        const first = field.arguments?.find((a) => a.name.value === 'first');
        if (!first) continue;
        const declared = first.defaultValue?.kind === Kind.INT ? Number(first.defaultValue.value) : undefined;
        if (declared !== policy.limits.defaultPageSize) undeclared.push(`${type.name.value}.${field.name.value}`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('documents every Person field', () => {
    expect((person.fields ?? []).filter((f) => !f.description).map((f) => f.name.value)).toEqual([]);
  });

  it('gives every negative record type its grade, decision date, provenance and display window', () => {
    const recordTypes = [...objectTypes.values()].filter((t) => t.fields?.some((f) => f.name.value === 'displayWindow'));
    // violations, 2 education, 2 tax, 2 courts, 4 pboc, the shared AdministrativePenalty and the platform's BrokenCommitmentRecord
    expect(recordTypes.length).toBe(13);
    for (const type of recordTypes) {
      const names = new Set(type.fields!.map((f) => f.name.value));
      expect({ type: type.name.value, has: ['grade', 'decisionDate', 'provenance', 'displayWindow'].filter((n) => names.has(n)) }).toEqual({
        type: type.name.value,
        has: ['grade', 'decisionDate', 'provenance', 'displayWindow'],
      });
    }
  });

  it('paginates every unbounded list with first/after and totalCount', () => {
    for (const field of person.fields ?? []) {
      const typeName = JSON.stringify(field.type).match(/"value":"(\w+Connection)"/)?.[1];
      if (!typeName) continue;
      // Filters of the list come first (administrativePenalties' departments), then the page.
      const args = (field.arguments ?? []).map((a) => a.name.value).slice(-2);
      expect({ field: field.name.value, args }).toEqual({ field: field.name.value, args: ['first', 'after'] });
      expect(
        objectTypes
          .get(typeName)!
          .fields!.map((f) => f.name.value)
          .sort(),
      ).toEqual(['nodes', 'pageInfo', 'totalCount']);
    }
  });
});
