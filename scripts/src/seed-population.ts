import {
  companyFactsOfCodes,
  connectDatabase,
  creditFactsOfPeople,
  databaseName,
  initModels,
  loadSubgraphDefinition,
  sourceEntry,
  SUBGRAPHS,
  syntheticPeople,
  type SubgraphDefinition,
} from '@credit/shared';
import {
  addBureauFacts,
  addCompanyFacts,
  noCompanyFacts,
  noFacts,
  recomputeJointPunishment,
  type CompanySource,
  type FactsSource,
  type PersonFacts,
  type Models as PlatformModels,
} from '@credit/subgraph-platform';
import type { Connection } from 'mongoose';

export interface SeedOptions {
  mongoUri: string;
  dbPrefix?: string;
  people: number;
  seed: number;
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Seeds people 0..N-1 of the synthetic population into every subgraph's own
 * database. Each subgraph's seeder writes only its own collections; chunks
 * keep memory flat for 100,000 people. Idempotent: existing `_id`s are kept.
 */
export async function seedPopulation(options: SeedOptions): Promise<Record<string, Record<string, number>>> {
  const chunkSize = options.chunkSize ?? 2000;
  const connections: Connection[] = [];
  const totals: Record<string, Record<string, number>> = Object.fromEntries(SUBGRAPHS.map((entry) => [entry.name, {}]));
  try {
    const targets = await openTargets(options.mongoUri, options.dbPrefix, connections);
    for (let from = 0; from < options.people; from += chunkSize) {
      const people = syntheticPeople(options.seed, from, Math.min(options.people, from + chunkSize));
      await Promise.all(
        targets.map(async ({ name, def, models }) => {
          const counts = await def.seed(models, people, options.seed);
          for (const [collection, n] of Object.entries(counts)) totals[name]![collection] = (totals[name]![collection] ?? 0) + n;
        }),
      );
      await deriveJointPunishment(
        targets,
        people.map((p) => p.id),
      );
      options.onProgress?.(Math.min(options.people, from + chunkSize), options.people);
    }
    return totals;
  } finally {
    await Promise.all(connections.map((c) => c.close()));
  }
}

export type Target = { name: string; def: SubgraphDefinition<unknown, unknown>; models: unknown };

/** Every subgraph's definition and models on its own database; the connections are added to `connections` for the caller to close. */
export async function openTargets(mongoUri: string, dbPrefix: string | undefined, connections: Connection[]): Promise<Target[]> {
  const targets: Target[] = [];
  for (const entry of SUBGRAPHS) {
    const def = loadSubgraphDefinition(entry.name);
    const conn = await connectDatabase({ uri: mongoUri, dbName: databaseName(entry.name, dbPrefix) });
    connections.push(conn);
    const models = def.createModels(conn);
    await initModels(conn);
    targets.push({ name: entry.name, def, models });
  }
  return targets;
}

/**
 * The platform's joint-punishment statuses for freshly seeded people. At run
 * time the bureaus notify the platform after each write; the seed writes all
 * databases itself, so it derives the statuses from the same credit facts the
 * bureaus' subgraphs would report.
 */
export async function deriveJointPunishment(targets: Target[], personIds: string[]): Promise<void> {
  const platform = targets.find((t) => t.name === 'platform')!;
  const departments = targets.filter((t) => sourceEntry(t.name).kind === 'department');
  const source: FactsSource = async (ids) => {
    const merged = new Map<string, PersonFacts>(ids.map((id) => [id, noFacts()]));
    for (const target of departments) {
      const facts = await creditFactsOfPeople(target.def.bureau, target.def.ingestKinds(target.models), ids);
      for (const [id, f] of facts) addBureauFacts(merged.get(id)!, f);
    }
    return merged;
  };
  const companies: CompanySource = async (codes) => {
    const merged = noCompanyFacts(codes);
    for (const target of departments.filter((t) => sourceEntry(t.name).companyRecords))
      for (const company of await companyFactsOfCodes(target.def.ingestKinds(target.models), codes)) addCompanyFacts(merged, target.def.bureau, company);
    return merged;
  };
  await recomputeJointPunishment(platform.models as PlatformModels, personIds, source, { companies });
}
