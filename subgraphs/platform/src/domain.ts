import type { IngestKind, Logger, SubgraphSeeder, SyntheticPerson } from '@credit/shared';
import { Kind, parse } from 'graphql';
import type { IRules } from 'graphql-shield';
import type { Connection } from 'mongoose';

import type { Models } from './context';
import type { Resolvers } from './generated/graphql';

/**
 * One domain of the platform (standing, cases, the query log, ...): a folder
 * `src/<name>/` with its SDL part (`schema.graphql`), its models, loaders,
 * resolvers, rules and tests. The platform subgraph is the domains of
 * `domains.ts` put together (see `definition.ts`); a domain reaches another's
 * data through the shared context, and its code by importing it. A domain
 * makes its own models and reads everyone's: the platform's `Models` are
 * every domain's models together (context.ts).
 */
export interface PlatformDomain<TOwnModels, TLoaders = unknown> {
  /** The domain's folder under src/, which holds its SDL part. */
  name: string;
  /** Registers the domain's mongoose models on the platform's connection. */
  createModels(conn: Connection): TOwnModels;
  /** The domain's per-request DataLoaders (of its own models: their types make the context's). */
  createLoaders?(models: TOwnModels): TLoaders;
  /** Resolvers of the domain's types and of its fields on Query, Mutation and Person. */
  resolvers: Resolvers;
  /** Shield rules of the domain's Query and Mutation fields (Person fields follow the policy). */
  permissions?: IRules;
  /** The kinds of records the platform ingests for this domain. */
  ingestKinds?(models: Models): Record<string, IngestKind>;
  /** Generates the domain's synthetic records for `npm run seed`. */
  seed?(models: Models, people: readonly SyntheticPerson[], seed: number): Promise<Record<string, number>>;
  /** Settings checked before anything starts. */
  checkConfiguration?(): void;
  /** Background work started once the subgraph serves; may return how to stop it. */
  onReady?(models: Models, log: Logger): (() => void) | void;
}

/** The intersection of a tuple's member types. */
type Merge<T extends readonly unknown[]> = T extends readonly [infer Head, ...infer Rest] ? Head & Merge<Rest> : unknown;

type ModelsOf<D> = D extends { createModels(conn: Connection): infer M } ? M : never;
type LoadersOf<D> = D extends { createLoaders?(models: never): infer L } ? L : unknown;

/** Every model of a list of domains, by name. */
export type ModelsOfDomains<T extends readonly unknown[]> = Merge<{ [K in keyof T]: ModelsOf<T[K]> }>;
/** Every loader of a list of domains, by name. */
export type LoadersOfDomains<T extends readonly unknown[]> = Merge<{ [K in keyof T]: LoadersOf<T[K]> }>;

/** Any domain of the list. */
export type AnyDomain = PlatformDomain<unknown, unknown>;

/**
 * The objects the domains make, put into one: a name made by two domains is
 * a mistake, named at start rather than one silently replacing the other.
 */
function mergeNamed<T extends object>(what: (key: string) => string, parts: readonly { domain: string; value: T }[]): T {
  const merged: Record<string, unknown> = {};
  const owner = new Map<string, string>();
  for (const { domain, value } of parts) {
    for (const [key, item] of Object.entries(value)) {
      const first = owner.get(key);
      if (first) throw new Error(`The platform's domains ${first} and ${domain} both define ${what(key)}`);
      owner.set(key, domain);
      merged[key] = item;
    }
  }
  return merged as T;
}

export function mergeModels(domains: readonly AnyDomain[], conn: Connection): Models {
  return mergeNamed(
    (name) => `model ${name}`,
    domains.map((d) => ({ domain: d.name, value: d.createModels(conn) as object })),
  ) as Models;
}

export function mergeLoaders<TLoaders>(domains: readonly AnyDomain[], models: Models): TLoaders {
  return mergeNamed(
    (name) => `loader ${name}`,
    domains.flatMap((d) => (d.createLoaders ? [{ domain: d.name, value: d.createLoaders(models) as object }] : [])),
  ) as TLoaders;
}

export function mergeIngestKinds(domains: readonly AnyDomain[], models: Models): Record<string, IngestKind> {
  return mergeNamed(
    (kind) => `record kind ${kind}`,
    domains.flatMap((d) => (d.ingestKinds ? [{ domain: d.name, value: d.ingestKinds(models) }] : [])),
  );
}

/**
 * Type maps (`Query`, `Mutation`, `Person`, a domain's own types) merged
 * field by field: several domains add fields to one type, and no field is
 * resolved by two.
 */
function mergeTypeMaps<T extends object>(what: string, parts: readonly { domain: string; value: T }[]): T {
  const byType: Record<string, { domain: string; value: object }[]> = {};
  for (const { domain, value } of parts) {
    for (const [type, fields] of Object.entries(value)) (byType[type] ??= []).push({ domain, value: fields as object });
  }
  return Object.fromEntries(Object.entries(byType).map(([type, maps]) => [type, mergeNamed((field) => `${what} ${type}.${field}`, maps)])) as T;
}

export function mergeResolvers(domains: readonly AnyDomain[]): Resolvers {
  return mergeTypeMaps(
    'the resolver of',
    domains.map((d) => ({ domain: d.name, value: d.resolvers })),
  );
}

export function mergePermissions(domains: readonly AnyDomain[]): IRules {
  return mergeTypeMaps(
    'the rule of',
    domains.flatMap((d) => (d.permissions ? [{ domain: d.name, value: d.permissions }] : [])),
  );
}

/** The domains' seeds, run in the order of the list; their counts together. */
export function mergeSeeds(domains: readonly AnyDomain[]): SubgraphSeeder<Models> {
  return async (models, people, seed) => {
    const counts: Record<string, number> = {};
    for (const d of domains) if (d.seed) Object.assign(counts, await d.seed(models, people, seed));
    return counts;
  };
}

/**
 * Where an enum of a domain's SDL and a list of the policy drift apart
 * (values of the SDL the policy lacks, then keys of the policy the SDL
 * lacks): a value without its policy entry could not be answered, a policy
 * entry without its value not be asked. `policyEntry` names the policy's
 * section in the first kind of message, `policyKeys` the list's path in the
 * second.
 */
export function enumPolicyProblems(sdl: string, enumName: string, keys: readonly string[], policyEntry: string, policyKeys: string): string[] {
  const values = parse(sdl)
    .definitions.filter((d) => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === enumName)
    .flatMap((d) => (d.kind === Kind.ENUM_TYPE_DEFINITION ? (d.values ?? []).map((v) => v.name.value) : []));
  return [
    ...values.filter((v) => !keys.includes(v)).map((v) => `${enumName}.${v} has no policy ${policyEntry} entry`),
    ...keys.filter((k) => !values.includes(k)).map((k) => `policy ${policyKeys}.${k} is not a ${enumName}`),
  ];
}
