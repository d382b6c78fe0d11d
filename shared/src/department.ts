import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import DataLoader from 'dataloader';
import type { IRules } from 'graphql-shield';
import type { Connection } from 'mongoose';

import { displayWindow, todayInCity } from './display-window';
import {
  doublePublicityKinds,
  doublePublicityLoaders,
  doublePublicityModels,
  doublePublicityTypeResolvers,
  LICENCE_KIND,
  LICENCE_ORDER,
  pageOfLicences,
  PENALTY_KIND,
  type AdministrativeLicenceDoc,
  type AdministrativePenaltyDoc,
  type DoublePublicityLoaders,
  type DoublePublicityModels,
} from './double-publicity';
import type { PublicityCatalogue } from './double-publicity-seed';
import type { IngestKind } from './ingestion';
import { ingestionResolver } from './ingestion-api';
import { groupedLoader } from './loaders';
import {
  bureauCreditFacts,
  calendarDateField,
  NEGATIVE_RECORD_ORDER,
  pageOfShownRecords,
  type BureauCreditFacts,
  type CompanyOfficeFact,
  type CreditRestriction,
  type NegativeRecordDoc,
} from './negative-record';
import type { PageArgs } from './pagination';
import { bureauWriter, serviceOnly, type AccessContext } from './permissions';
import { categoryPolicy, policy } from './policy';
import { licencePublication, penaltyPublication, type Publication } from './publication';
import { recordActionResolver } from './record-actions';
import { rootQueryResolvers } from './root-query';
import { scalarResolvers } from './scalars';
import type { SubgraphSeeder } from './seeding';
import type { SubgraphContext, SubgraphDefinition } from './subgraph';
import { departmentFieldNames, sourceEntry, type Bureau, type SourceEntry } from './subgraph-registry';

/**
 * A department (a bureau holding records) is one folder, `subgraphs/<name>/`:
 * its `schema.graphql` (its own `Person` fields and record types, and the
 * `<Stem>RecordKind` enum of what it writes) and `src/definition.ts`, which
 * calls {@link defineDepartment} with its models, loaders, resolvers and
 * seed generator. What every department has in common is made here from
 * its registry entry: the person key, the ingestion and record-action
 * mutations with their rules, the credit-facts field the platform reads,
 * and the process that serves it (shared/src/serve-subgraph.ts).
 */
export interface DepartmentSpec<TModels, TLoaders> {
  /** Its name in the source registry (shared/src/subgraph-registry.ts), which gives its code and port. */
  name: string;
  /** Absolute path of its schema.graphql. */
  schemaFile: string;
  /** The kinds of records it writes (the values of its `<Stem>RecordKind` enum) and how each is kept. */
  ingestKinds: (models: TModels) => Record<string, IngestKind>;
  createModels: (conn: Connection) => TModels;
  /** Per-request DataLoaders of its own fields. */
  createLoaders: (models: TModels) => TLoaders;
  /** Resolvers of its own `Person` fields and record types (the common ones are added). */
  resolvers: object;
  seed: SubgraphSeeder<TModels>;
  /** Rules of operations of its own, beyond the common mutations. */
  permissions?: IRules;
  /** What it penalises and licenses, when it decides penalties and licences (its seed's catalogue). */
  publicity?: PublicityCatalogue;
}

/** The federated reference to a person: only the key. */
export interface PersonRef {
  id: string;
}

/** The context of a department's resolvers. */
export type DepartmentContext<TLoaders, TModels = unknown> = SubgraphContext<TLoaders, TModels>;

// The loaders of the credit facts ride along with the department's own
// loaders, under a key its resolvers do not see.
const CREDIT_FACTS = Symbol('creditFacts');
interface NegativeLoader {
  records: DataLoader<string, (NegativeRecordDoc & { personId: string })[]>;
  displayFacts: IngestKind['displayFacts'];
}
/** An order that imposes measures while in force (IngestKind.restrictionOrder). */
export interface RestrictionOrderDoc {
  _id: string;
  personId: string;
  measures: string[];
  since: string;
  liftedOn?: string | null;
}

/** What every company listing holds (IngestKind.companyListing). */
export interface CompanyListingFacts {
  _id: string;
  unifiedSocialCreditCode: string;
  listedOn: string;
  removedOn?: string | null;
}

/** A company's listings, newest first: the order they are read in, and the index every listing collection needs. */
export const COMPANY_LISTING_ORDER = { unifiedSocialCreditCode: 1, listedOn: -1, _id: 1 } as const;

/**
 * A company listing's display window: the period of the category it grounds
 * the company's responsible people in, from its listing day until removed.
 */
export function companyListingWindow(category: string, listing: Pick<CompanyListingFacts, 'listedOn' | 'removedOn'>, today: string = todayInCity()) {
  return displayWindow({ category, grade: categoryPolicy(category).grade, decisionDate: listing.listedOn, removedOn: listing.removedOn ?? null }, today);
}

/** A person's office in a company, as the department records it. */
interface CompanyOfficeDoc {
  _id: string;
  personId: string;
  unifiedSocialCreditCode: string;
  /** Last day in the office, when the department records one. */
  until?: string | null;
  /** The objection open against the office (the person disputes answering for the company), if any. */
  underObjection?: string | null;
  /** The day an objection's decision took the office off (the person does not answer for the company), if it did. */
  removedOn?: string | null;
  /** The objection whose decision took it off. */
  removedByObjection?: string | null;
}

/** The offices a person is shown holding: not those an objection's decision took off. */
export function officesNotRemoved<T extends { removedOn?: string | null }>(offices: readonly T[], today: string = todayInCity()): T[] {
  return offices.filter((office) => !office.removedOn || office.removedOn > today);
}

/**
 * The fields every office of a company listing's `offices` model carries
 * for objections (MISSION rule 7): a person put under joint punishment for
 * a company disputes the office it reached them through (`recordId` of
 * `fileObjection` is the office's id). The flag shows on every ground
 * through the office; a decision removing the office ends them.
 */
export const companyOfficeObjectionFields = {
  underObjection: { type: String, default: null },
  removedOn: calendarDateField(false),
  removedByObjection: { type: String, default: null },
} as const;

interface CompanyListingLoaders {
  category: string;
  officesByPerson: DataLoader<string, CompanyOfficeDoc[]>;
  officesByCompany: DataLoader<string, CompanyOfficeDoc[]>;
  listingsByCompany: DataLoader<string, CompanyListingFacts[]>;
}

interface CreditFactsLoaders {
  negatives: readonly NegativeLoader[];
  orders: readonly DataLoader<string, RestrictionOrderDoc[]>[];
  companyListings: readonly CompanyListingLoaders[];
  /** A department that decides penalties and licences gathers them to the platform with its facts. */
  publications: { penalties: DataLoader<string, AdministrativePenaltyDoc[]>; licences: DataLoader<string, AdministrativeLicenceDoc[]> } | null;
}
type WithCreditFacts = { [CREDIT_FACTS]: CreditFactsLoaders };

/** A department's credit facts about a person, with its publications (publication.ts). */
export type DepartmentCreditFacts = BureauCreditFacts & { publications: Publication[]; offices: CompanyOfficeFact[] };

/** What a department records about a company (common.graphql, CompanyCreditFacts). */
export interface DepartmentCompanyFacts {
  unifiedSocialCreditCode: string;
  listings: { recordId: string; category: string; listedOn: string; removedOn: string | null }[];
  officerIds: string[];
}

// Likewise the double-publicity models and loaders of a department that has them.
const PUBLICITY = Symbol('doublePublicity');
type WithPublicityModels = { [PUBLICITY]: DoublePublicityModels };
type WithPublicityLoaders = { [PUBLICITY]: DoublePublicityLoaders };

/** A department's double-publicity models (for its seed), from the models defineDepartment made. */
export function publicityModelsOf(models: unknown): DoublePublicityModels {
  const found = (models as Partial<WithPublicityModels>)[PUBLICITY];
  if (!found) throw new Error('this department does not write double-publicity records (doublePublicity in the source registry)');
  return found;
}

/**
 * The SDL every department serves besides its own file, from its registry
 * entry. It is prepended to schema.graphql at start and in codegen.
 */
export function departmentSdl(entry: SourceEntry): string {
  const names = departmentFieldNames(entry);
  return `# Common to every department (shared/src/department.ts), for ${entry.bureau}.

"A person, keyed by citizen ID; each bureau contributes its own fields."
type Person @key(fields: "id") {
  "Citizen ID number (GB 11643)."
  id: CitizenId!
  "Internal (platform service only, not in the public API): what this bureau's records mean for joint punishment."
  ${names.creditFacts}: BureauCreditFacts @sensitive(group: "credit_facts") @inaccessible
}
${entry.doublePublicity ? doublePublicitySdl(entry) : ''}${entry.companyRecords ? companyRecordsSdl(entry) : ''}
type Mutation {
  "Internal (platform service only): flags, clears, removes or repairs one of this bureau's records for an objection, an appeal or a repair (\`objectionId\` names the case), sets the person's \`statement\` on it, or postpones it \`until\` a day."
  ${names.recordAction}(recordId: String!, personId: CitizenId!, objectionId: ID, action: RecordAction!, statement: String, until: Date): RecordActionResult! @inaccessible
  """
  Writes records of this bureau (operators of ${entry.bureau} only): idempotent by the
  bureau's record id, validated one by one; invalid records are reported with
  their position and reason while the valid ones are stored. At most
  \`limits.maxIngestRecordsPerCall\` records per call; larger files go through
  \`npm run import\`.
  """
  ${names.ingest}(kind: ${names.recordKind}!, records: [JSONObject!]!): IngestReport!
}
`;
}

/** The double-publicity part of a department's SDL (shared/src/double-publicity.ts). */
function doublePublicitySdl(entry: SourceEntry): string {
  const names = departmentFieldNames(entry);
  return `
extend type Person {
  "Administrative penalties ${entry.label} decided against the person (行政处罚, double-publicity format), newest first; shown for their publicity period."
  ${names.penalties}(first: Int = ${policy().limits.defaultPageSize}, after: String): AdministrativePenaltyConnection
    @sensitive(group: "${names.publicityGroup}")
    @deprecated(reason: "One field serves every department's penalties: administrativePenalties(departments: [${entry.bureau}]).")
  "Administrative licences ${entry.label} granted the person (行政许可, double-publicity format), newest first."
  ${names.licences}(first: Int = ${policy().limits.defaultPageSize}, after: String): AdministrativeLicenceConnection
    @sensitive(group: "${names.publicityGroup}")
    @deprecated(reason: "One field serves every department's licences: administrativeLicences(departments: [${entry.bureau}]).")
}

extend enum ${names.recordKind} {
  "An administrative penalty in the double-publicity format (AdministrativePenalty)."
  ${PENALTY_KIND}
  "An administrative licence in the double-publicity format (AdministrativeLicence)."
  ${LICENCE_KIND}
}
`;
}

/** The registry's `companyRecords` says what the department's kinds do: a listing nobody joins, or a field that answers nothing, is a mistake. */
function companyRecordsChecked(entry: SourceEntry, loaders: CreditFactsLoaders): CreditFactsLoaders {
  if (Boolean(entry.companyRecords) !== loaders.companyListings.length > 0)
    throw new Error(
      `${entry.name}: the source registry's companyRecords (${Boolean(entry.companyRecords)}) must say whether a record kind lists companies (${loaders.companyListings.length} do)`,
    );
  return loaders;
}

/** The company part of a department's SDL (registry `companyRecords`). */
function companyRecordsSdl(entry: SourceEntry): string {
  return `
extend type Query {
  "Internal (platform service only): ${entry.label}'s listings of these companies and the people it records responsible for them, one item per code asked, in order."
  ${departmentFieldNames(entry).companyFacts}(codes: [String!]!): [CompanyCreditFacts!]! @inaccessible
}
`;
}

/**
 * One grouped loader per negative kind, and for the double-publicity kinds
 * one each: one command per collection for all people of a request.
 */
function creditFactsLoaders(kinds: Record<string, IngestKind>): CreditFactsLoaders {
  const negatives = Object.values(kinds)
    .filter((k) => k.negative)
    .map((k) => ({
      records: groupedLoader<NegativeRecordDoc & { personId: string }>(k.model, 'personId', NEGATIVE_RECORD_ORDER),
      displayFacts: k.displayFacts,
    }));
  const orders = Object.values(kinds)
    .filter((k) => k.restrictionOrder)
    .map((k) => groupedLoader<RestrictionOrderDoc>(k.model, 'personId', { personId: 1, since: -1, _id: 1 }));
  const companyListings = Object.values(kinds).flatMap((k) =>
    k.companyListing
      ? [
          {
            category: k.companyListing.category,
            officesByPerson: groupedLoader<CompanyOfficeDoc>(k.companyListing.offices, 'personId', { personId: 1, _id: 1 }),
            officesByCompany: groupedLoader<CompanyOfficeDoc>(k.companyListing.offices, 'unifiedSocialCreditCode', { unifiedSocialCreditCode: 1, _id: 1 }),
            listingsByCompany: groupedLoader<CompanyListingFacts>(k.model, 'unifiedSocialCreditCode', COMPANY_LISTING_ORDER),
          },
        ]
      : [],
  );
  const penalties = kinds[PENALTY_KIND];
  const licences = kinds[LICENCE_KIND];
  return {
    negatives,
    orders,
    companyListings,
    publications:
      penalties && licences
        ? {
            penalties: groupedLoader<AdministrativePenaltyDoc>(penalties.model, 'personId', NEGATIVE_RECORD_ORDER),
            licences: groupedLoader<AdministrativeLicenceDoc>(licences.model, 'personId', LICENCE_ORDER),
          }
        : null,
  };
}

/**
 * What a person's shown negative records of every kind mean for joint
 * punishment and the green channel, and the person's penalties and licences
 * as the department publishes them.
 */
async function creditFactsOf(bureau: Bureau, personId: string, loaders: CreditFactsLoaders): Promise<DepartmentCreditFacts> {
  const today = todayInCity();
  const [facts, orders, companies, penalties, licences] = await Promise.all([
    Promise.all(loaders.negatives.map(async (l) => bureauCreditFacts(bureau, await l.records.load(personId), l.displayFacts))),
    Promise.all(loaders.orders.map((l) => l.load(personId))),
    // The offices an objection's decision took off neither ground anything nor are reported.
    Promise.all(
      loaders.companyListings.map(async (l) => {
        const held = officesNotRemoved(await l.officesByPerson.load(personId), today);
        return { held, grounds: await groundsFromCompanies(held, l, today) };
      }),
    ),
    loaders.publications?.penalties.load(personId) ?? [],
    loaders.publications?.licences.load(personId) ?? [],
  ]);
  let lastNegativeDecisionDate: string | null = null;
  for (const f of facts)
    if (f.lastNegativeDecisionDate && (!lastNegativeDecisionDate || f.lastNegativeDecisionDate > lastNegativeDecisionDate))
      lastNegativeDecisionDate = f.lastNegativeDecisionDate;
  return {
    bureau,
    grounds: [...facts.flatMap((f) => f.grounds), ...companies.flatMap((c) => c.grounds)],
    restrictions: [...facts.flatMap((f) => f.restrictions), ...orders.flat().flatMap((order) => restrictionInForce(order, today))],
    negatives: facts.flatMap((f) => f.negatives),
    lastNegativeDecisionDate,
    publications: [...penalties.map((doc) => penaltyPublication(doc, today)), ...licences.map(licencePublication)],
    offices: companies
      .flatMap((c) => c.held)
      .map((office) => ({
        officeId: office._id,
        unifiedSocialCreditCode: office.unifiedSocialCreditCode,
        until: office.until ?? null,
        underObjection: Boolean(office.underObjection),
      })),
  };
}

/**
 * What the department records about a company: every listing of it (the
 * platform decides which is shown today, as for its own grounds) and the
 * people in its offices. The platform joins one department's listings
 * with the offices another records (二(五)二: a company the court lists
 * reaches the actual controller the market regulator registers).
 */
async function companyFactsOf(code: string, loaders: CreditFactsLoaders): Promise<DepartmentCompanyFacts> {
  const today = todayInCity();
  const parts = await Promise.all(
    loaders.companyListings.map(async (l) => ({
      category: l.category,
      listings: await l.listingsByCompany.load(code),
      offices: officesNotRemoved(await l.officesByCompany.load(code), today),
    })),
  );
  return {
    unifiedSocialCreditCode: code,
    listings: parts.flatMap((p) => p.listings.map((l) => ({ recordId: l._id, category: p.category, listedOn: l.listedOn, removedOn: l.removedOn ?? null }))),
    officerIds: [...new Set(parts.flatMap((p) => p.offices.map((o) => o.personId)))],
  };
}

/**
 * Grounds of a person from the listings of the companies they are
 * responsible for (二(五)二: 对失信被执行人的法定代表人、主要负责人、实际控制人等
 * 的信用监督、警示和惩戒): one per office held when or after the company was
 * listed, in a company whose listing is shown today, lasting as long as the listing's display period (the category's),
 * and gone once the listing is removed. Nothing is written per person. `offices`
 * are those the person holds (none an objection took off).
 */
async function groundsFromCompanies(
  offices: readonly CompanyOfficeDoc[],
  loaders: CompanyListingLoaders,
  today: string,
): Promise<BureauCreditFacts['grounds']> {
  if (offices.length === 0) return [];
  const listings = await loaders.listingsByCompany.loadMany(offices.map((o) => o.unifiedSocialCreditCode));
  return offices.flatMap((office, i) => {
    const found = listings[i];
    if (!Array.isArray(found)) throw found ?? new Error('company listings not loaded');
    return found.flatMap((listing) => {
      // Someone who had left the office before the company was listed does not answer for it.
      if (office.until && office.until < listing.listedOn) return [];
      const window = companyListingWindow(loaders.category, listing, today);
      // The ground names the listing and the office it reaches the person through; disputing the office disputes it.
      return window.shown
        ? [
            {
              recordId: `${listing._id}/${office._id}`,
              category: loaders.category,
              since: listing.listedOn,
              until: window.until,
              underObjection: Boolean(office.underObjection),
            },
          ]
        : [];
    });
  });
}

/**
 * An order's measures unless it is lifted: one that starts later is
 * reported too, and applies from its day on (the check decides by the dates,
 * as for grounds), with no further note from the court.
 */
function restrictionInForce(order: RestrictionOrderDoc, today: string): CreditRestriction[] {
  if (order.liftedOn && order.liftedOn <= today) return [];
  return [{ recordId: order._id, measures: [...order.measures], since: order.since, until: order.liftedOn ?? null }];
}

/**
 * The credit facts of many people at once, as the department's field would
 * serve them: the seed derives the platform's statuses from them.
 */
export async function creditFactsOfPeople(
  bureau: Bureau,
  kinds: Record<string, IngestKind>,
  personIds: readonly string[],
): Promise<Map<string, DepartmentCreditFacts>> {
  const loaders = creditFactsLoaders(kinds);
  const facts = await Promise.all(personIds.map((id) => creditFactsOf(bureau, id, loaders)));
  return new Map(personIds.map((id, i) => [id, facts[i]!]));
}

/** What the department records about these companies, as its company field would serve it (for the seed). */
export async function companyFactsOfCodes(kinds: Record<string, IngestKind>, codes: readonly string[]): Promise<DepartmentCompanyFacts[]> {
  const loaders = creditFactsLoaders(kinds);
  return Promise.all(codes.map((code) => companyFactsOf(code, loaders)));
}

/** A department's subgraph definition, from its folder's parts and its registry entry. */
export function defineDepartment<TModels, TLoaders extends object>(spec: DepartmentSpec<TModels, TLoaders>): SubgraphDefinition<TModels, TLoaders> {
  const entry = sourceEntry(spec.name);
  if (entry.kind !== 'department') throw new Error(`${spec.name} is not a department in the source registry`);
  const names = departmentFieldNames(entry);
  const own = spec.resolvers as Record<string, Record<string, unknown>>;
  // The double-publicity records ride beside the department's own models and
  // loaders under keys of their own; their kinds join the department's.
  const publicity = entry.doublePublicity ?? false;
  const createModels = (conn: Connection): TModels =>
    publicity ? { ...spec.createModels(conn), [PUBLICITY]: doublePublicityModels(conn, entry.bureau) } : spec.createModels(conn);
  const ingestKinds = (models: TModels): Record<string, IngestKind> => ({
    ...spec.ingestKinds(models),
    ...(publicity ? doublePublicityKinds((models as WithPublicityModels)[PUBLICITY]) : {}),
  });
  const publicityPerson = publicity
    ? {
        [names.penalties]: async ({ id }: PersonRef, args: PageArgs, ctx: { loaders: WithPublicityLoaders } & AccessContext) =>
          pageOfShownRecords(await ctx.loaders[PUBLICITY].penaltiesByPerson.load(id), args, ctx.forwarded),
        [names.licences]: async ({ id }: PersonRef, args: PageArgs, ctx: { loaders: WithPublicityLoaders }) =>
          pageOfLicences(await ctx.loaders[PUBLICITY].licencesByPerson.load(id), args),
      }
    : {};
  const resolvers = {
    ...scalarResolvers,
    ...own,
    ...(publicity ? doublePublicityTypeResolvers(() => entry.bureau) : {}),
    Query: {
      ...own.Query,
      ...rootQueryResolvers,
      ...(entry.companyRecords
        ? {
            [names.companyFacts]: (_parent: unknown, { codes }: { codes: string[] }, ctx: { loaders: WithCreditFacts }) =>
              Promise.all(codes.map((code) => companyFactsOf(code, ctx.loaders[CREDIT_FACTS]))),
          }
        : {}),
    },
    Mutation: {
      ...own.Mutation,
      [names.recordAction]: recordActionResolver(ingestKinds),
      [names.ingest]: ingestionResolver(entry.bureau, ingestKinds),
    },
    Person: {
      ...own.Person,
      ...publicityPerson,
      __resolveReference: (ref: PersonRef) => ({ id: ref.id }),
      [names.creditFacts]: ({ id }: PersonRef, _args: unknown, ctx: { loaders: WithCreditFacts }) => creditFactsOf(entry.bureau, id, ctx.loaders[CREDIT_FACTS]),
    },
  };
  return {
    name: entry.name,
    bureau: entry.bureau,
    schemaFile: spec.schemaFile,
    ingestKinds,
    resolvers: resolvers as unknown as GraphQLResolverMap<SubgraphContext<TLoaders>>,
    createModels,
    createLoaders: (models) =>
      Object.assign(spec.createLoaders(models), {
        [CREDIT_FACTS]: companyRecordsChecked(entry, creditFactsLoaders(ingestKinds(models))),
        ...(publicity ? { [PUBLICITY]: doublePublicityLoaders((models as WithPublicityModels)[PUBLICITY]) } : {}),
      }),
    seed: spec.seed,
    publicity: spec.publicity,
    permissions: {
      ...spec.permissions,
      ...(entry.companyRecords ? { Query: { ...(spec.permissions as Record<string, object> | undefined)?.Query, [names.companyFacts]: serviceOnly } } : {}),
      Mutation: {
        ...(spec.permissions as Record<string, object> | undefined)?.Mutation,
        [names.recordAction]: serviceOnly,
        [names.ingest]: bureauWriter(entry.bureau),
      },
    },
  };
}
