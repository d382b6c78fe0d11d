import {
  callSubgraph,
  companyListingWindow,
  departmentFieldNames,
  DEPARTMENTS,
  insertManyUnordered,
  keysFilter,
  PLATFORM_SERVICE_PRINCIPAL,
  todayInCity,
  type Bureau,
  type BureauCreditFacts,
  type Logger,
  type Publication,
} from '@credit/shared';
import { print } from 'graphql';

import { noticeListingChanges } from '../cases/notices';
import { platformCreditFacts } from '../commitments/platform-records';
import { replacePublications } from '../disclosure/published-records';
import {
  CompanyFactsFieldsFragmentDoc,
  CreditFactsFieldsFragmentDoc,
  type CompanyFactsFieldsFragment,
  type CreditFactsFieldsFragment,
} from '../generated/department-operations';
import type { Models } from '../models';
import { appendStandingChange, standingsOf } from './listing-index';
import {
  areJointPunishmentCategories,
  notJointPunishmentCategories,
  type JointPunishmentStatusDoc,
  type NegativeFactDoc,
  type OfficeDoc,
  type PunishmentGroundDoc,
  type RestrictionDoc,
} from './models/JointPunishmentStatus';
import { effectiveStatus } from './standing-rules';

/**
 * Joint punishment (MISSION rule 8): a person is listed while at least one
 * record of a serious category of the seed is shown. The platform does not
 * read the bureaus' collections; it asks each bureau for its "credit facts"
 * about the people whose records changed (a bureau notifies it after each
 * write) and keeps the grounds. Whether a ground still applies is decided
 * when the status is read, so a record that reaches the end of its display
 * period drops off the list on the next check, without a batch job.
 */

const CREDIT_FACTS_FRAGMENT = print(CreditFactsFieldsFragmentDoc);
const COMPANY_FACTS_FRAGMENT = print(CompanyFactsFieldsFragmentDoc);

// The field each department serves its facts under, from the source registry.
const FACTS_FIELD: Record<string, string> = Object.fromEntries(DEPARTMENTS.map((d) => [d.name, departmentFieldNames(d).creditFacts]));
// The departments that list companies and record their responsible people.
const COMPANY_DEPARTMENTS = DEPARTMENTS.filter((d) => d.companyRecords);

export interface PersonFacts {
  grounds: PunishmentGroundDoc[];
  /** Measures in force without a listing (consumption-restriction orders, records whose category carries measures). */
  restrictions: RestrictionDoc[];
  lastNegativeDecisionDate: string | null;
  negatives: NegativeFactDoc[];
  /** The person's penalties and licences of every department, as each publishes them. */
  publications: (Publication & { bureau: string })[];
  /** The companies each department records the person responsible for. */
  offices: OfficeDoc[];
}

/** What one department records about a company, with the department's bureau on each listing. */
export interface CompanyFacts {
  listings: { bureau: string; recordId: string; category: string; listedOn: string; removedOn: string | null }[];
  officerIds: string[];
}

/** What the departments that record companies say about these companies (unified social credit codes). */
export type CompanySource = (codes: string[]) => Promise<Map<string, CompanyFacts>>;

/**
 * Facts about these people: from one bureau when it is named (the bureau
 * that wrote), from every department otherwise.
 */
export type FactsSource = (personIds: string[], bureau?: Bureau) => Promise<Map<string, PersonFacts>>;

/** Adds one bureau's facts about a person to what is known of them from the others. */
export function addBureauFacts(person: PersonFacts, facts: BureauCreditFacts & { publications?: readonly Publication[] }): void {
  person.grounds.push(...facts.grounds.map((g) => ({ ...g, bureau: facts.bureau })));
  person.restrictions.push(...(facts.restrictions ?? []).map((r) => ({ ...r, measures: [...r.measures], bureau: facts.bureau })));
  person.negatives.push(...facts.negatives.map((n) => ({ ...n, bureau: facts.bureau })));
  person.publications.push(...(facts.publications ?? []).map((p) => ({ ...p, bureau: facts.bureau })));
  person.offices.push(...(facts.offices ?? []).map((o) => ({ ...o, bureau: facts.bureau })));
  if (facts.lastNegativeDecisionDate && (!person.lastNegativeDecisionDate || facts.lastNegativeDecisionDate > person.lastNegativeDecisionDate)) {
    person.lastNegativeDecisionDate = facts.lastNegativeDecisionDate;
  }
}

/** No facts yet: the start of a merge over the bureaus. */
export function noFacts(): PersonFacts {
  return { grounds: [], restrictions: [], lastNegativeDecisionDate: null, negatives: [], publications: [], offices: [] };
}

/** Facts from the bureaus' subgraphs (the named one, or all in parallel), one call each for all people. */
export function factsFromBureaus(peerUrl: (name: string) => string, secret: Uint8Array): FactsSource {
  return async (personIds, bureau) => {
    const merged = new Map<string, PersonFacts>(personIds.map((id) => [id, noFacts()]));
    const asked = bureau ? DEPARTMENTS.filter((d) => d.bureau === bureau) : DEPARTMENTS;
    await Promise.all(
      asked.map(async ({ name: subgraph }) => {
        const field = FACTS_FIELD[subgraph]!;
        // The field is the department's own (from the registry); what it holds is the typed fragment.
        const data = await callSubgraph<{ _entities: ({ id: string; facts: CreditFactsFieldsFragment | null } | null)[] }>({
          subgraph,
          url: peerUrl(subgraph),
          principal: PLATFORM_SERVICE_PRINCIPAL,
          secret,
          query: `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Person { id facts: ${field} { ...CreditFactsFields } } } } ${CREDIT_FACTS_FRAGMENT}`,
          variables: { reps: personIds.map((id) => ({ __typename: 'Person', id })) },
        });
        for (const entity of data._entities) {
          const person = entity && merged.get(entity.id);
          if (entity?.facts && person) addBureauFacts(person, entity.facts);
        }
      }),
    );
    return merged;
  };
}

/** The companies' facts from every department that records companies, one call each for all codes. */
export function companiesFromDepartments(peerUrl: (name: string) => string, secret: Uint8Array): CompanySource {
  return async (codes) => {
    const merged = noCompanyFacts(codes);
    if (codes.length === 0) return merged;
    await Promise.all(
      COMPANY_DEPARTMENTS.map(async (department) => {
        const field = departmentFieldNames(department).companyFacts;
        const data = await callSubgraph<{ companies: CompanyFactsFieldsFragment[] }>({
          subgraph: department.name,
          url: peerUrl(department.name),
          principal: PLATFORM_SERVICE_PRINCIPAL,
          secret,
          query: `query ($codes: [String!]!) { companies: ${field}(codes: $codes) { ...CompanyFactsFields } } ${COMPANY_FACTS_FRAGMENT}`,
          variables: { codes },
        });
        for (const company of data.companies) addCompanyFacts(merged, department.bureau, company);
      }),
    );
    return merged;
  };
}

/** Nothing known yet of these companies: the start of a merge over the departments. */
export function noCompanyFacts(codes: readonly string[]): Map<string, CompanyFacts> {
  return new Map(codes.map((code) => [code, { listings: [], officerIds: [] }]));
}

/** Adds one department's facts about a company to what the others said. */
export function addCompanyFacts(
  merged: Map<string, CompanyFacts>,
  bureau: string,
  company: { unifiedSocialCreditCode: string; listings: readonly Omit<CompanyFacts['listings'][number], 'bureau'>[]; officerIds: readonly string[] },
): void {
  const known = merged.get(company.unifiedSocialCreditCode);
  if (!known) return;
  known.listings.push(...company.listings.map((l) => ({ ...l, removedOn: l.removedOn ?? null, bureau })));
  known.officerIds.push(...company.officerIds.filter((id) => !known.officerIds.includes(id)));
}

/**
 * Grounds that join two departments (二(五)二: "对失信被执行人的法定代表人、
 * 主要负责人、实际控制人等的信用监督、警示和惩戒"): a company one department
 * lists reaches the people another department records in its offices (the
 * court lists the company, the market regulator registers its actual
 * controller). A department joins its own listings and offices itself
 * (its credit facts' grounds); these are the pairs across departments, by
 * the same rules: an office left before the listing does not count, the
 * ground lasts while the listing is shown, and an office under objection
 * flags it. Nothing is written per person: they are derived again whenever
 * either side changes.
 */
export async function joinCompanyGrounds(people: Iterable<PersonFacts>, companies: CompanySource, today: string): Promise<void> {
  const holders = [...people].filter((p) => p.offices.length > 0);
  if (holders.length === 0) return;
  const known = await companies([...new Set(holders.flatMap((p) => p.offices.map((o) => o.unifiedSocialCreditCode)))]);
  for (const person of holders) {
    const have = new Set(person.grounds.map((g) => g.recordId));
    for (const office of person.offices)
      for (const listing of known.get(office.unifiedSocialCreditCode)?.listings ?? []) {
        if (listing.bureau === office.bureau || (office.until && office.until < listing.listedOn)) continue;
        const recordId = `${listing.recordId}/${office.officeId}`;
        const window = companyListingWindow(listing.category, listing, today);
        if (!window.shown || have.has(recordId)) continue;
        have.add(recordId);
        person.grounds.push({
          bureau: listing.bureau,
          recordId,
          category: listing.category,
          since: listing.listedOn,
          until: window.until,
          underObjection: office.underObjection,
          statement: null,
          joined: true,
        });
      }
  }
}

/**
 * What is known of a person once one bureau's fresh facts replace what that
 * bureau said before: the other bureaus' stored grounds and negative records
 * are kept while they are still shown (a full derivation would no longer
 * get a lapsed one). The publications are the named bureau's alone; the
 * others' stay in the published-records index untouched.
 */
export function mergeBureauFacts(stored: JointPunishmentStatusDoc | undefined, fresh: PersonFacts, bureau: Bureau, today: string): PersonFacts {
  const kept = <T extends { bureau: string; until: string }>(rows: readonly T[] | undefined) =>
    (rows ?? []).filter((row) => row.bureau !== bureau && row.until > today);
  const person: PersonFacts = {
    // Grounds joined across departments are joined again from the offices (joinCompanyGrounds).
    grounds: [...kept(stored?.grounds).filter((g) => !g.joined), ...fresh.grounds.filter((g) => g.bureau === bureau && !g.joined)],
    // An order's restriction has no end until lifted (until null).
    restrictions: [
      ...(stored?.restrictions ?? []).filter((r) => r.bureau !== bureau && (r.until === null || r.until > today)),
      ...fresh.restrictions.filter((r) => r.bureau === bureau),
    ],
    negatives: [...kept(stored?.negatives), ...fresh.negatives.filter((n) => n.bureau === bureau)],
    lastNegativeDecisionDate: null,
    publications: fresh.publications.filter((p) => p.bureau === bureau),
    offices: [...(stored?.offices ?? []).filter((o) => o.bureau !== bureau), ...fresh.offices.filter((o) => o.bureau === bureau)],
  };
  // The latest shown negative record of any bureau, as each bureau computes it for its own.
  for (const { since } of person.negatives)
    if (!person.lastNegativeDecisionDate || since > person.lastNegativeDecisionDate) person.lastNegativeDecisionDate = since;
  return person;
}

/** How often a person's derivation is redone after a concurrent one wrote first; then the bureau's outbox retries. */
const MAX_DERIVATION_ATTEMPTS = 8;

export interface RecomputeOptions {
  /** The bureau whose records changed: only its facts are asked again, the others' kept. Absent: every department is asked. */
  bureau?: Bureau;
  /** The companies' listings, to join with the people's offices across departments; absent, no such ground is derived. */
  companies?: CompanySource;
  log?: Logger;
}

/**
 * Re-derives and stores the status of these people, then appends their
 * standings to the feed the listing indexes follow. The feed entry comes
 * last: an index that applies it finds the statuses already written.
 *
 * Each status is written with one atomic command conditioned on the version
 * it was derived from (a first status by an insert, which a concurrent first
 * one makes fail). A person whose status another derivation changed
 * meanwhile is derived again from a fresh read and fresh facts: with one
 * bureau's facts merged into the stored others', a write over a concurrent
 * one would lose what that one brought.
 */
export async function recomputeJointPunishment(models: Models, personIds: string[], source: FactsSource, options: RecomputeOptions = {}): Promise<void> {
  const { bureau, companies, log } = options;
  let pending = [...new Set(personIds)];
  if (pending.length === 0) return;
  const derived = new Map<string, PersonFacts>();
  for (let attempt = 1; pending.length > 0; attempt++) {
    if (attempt > MAX_DERIVATION_ATTEMPTS)
      throw new Error(`joint punishment: ${pending.length} statuses changed concurrently ${MAX_DERIVATION_ATTEMPTS} times; the note is retried`);
    // The stored statuses are read before the facts are asked: a status written
    // after this read (and so perhaps from older facts) fails our version check.
    const existing = new Map((await models.JointPunishmentStatus.find(keysFilter('_id', pending)).lean().exec()).map((d) => [d._id, d]));
    // A status stored before negative records (or offices) were kept per bureau cannot be merged into: ask everyone.
    const only = bureau && [...existing.values()].every((d) => Array.isArray(d.negatives) && Array.isArray(d.offices)) ? bureau : undefined;
    const asked = await source(pending, only);
    // The platform's own records (broken credit commitments) join the departments' facts as one more bureau's.
    if (!only || only === 'PLATFORM') {
      const own = await platformCreditFacts(models, pending);
      for (const [id, facts] of own) {
        const person = asked.get(id) ?? noFacts();
        addBureauFacts(person, facts);
        asked.set(id, person);
      }
    }
    const today = todayInCity();
    const now = new Date();
    const fresh: JointPunishmentStatusDoc[] = [];
    const changed: { id: string; version: number; fields: Omit<JointPunishmentStatusDoc, '_id' | 'version'> }[] = [];
    const inForce = new Map<string, PunishmentGroundDoc[]>();
    for (const id of pending) {
      const current = existing.get(id);
      derived.set(id, only ? mergeBureauFacts(current, asked.get(id) ?? noFacts(), only, today) : (asked.get(id) ?? noFacts()));
    }
    if (companies)
      await joinCompanyGrounds(
        pending.map((id) => derived.get(id)!),
        companies,
        today,
      );
    for (const id of pending) {
      const current = existing.get(id);
      const f = derived.get(id)!;
      // Nothing to remember about someone with no negative record and no status yet.
      if (!current && f.grounds.length === 0 && f.restrictions.length === 0 && !f.lastNegativeDecisionDate) continue;
      const snapshot = effectiveStatus({ grounds: f.grounds, restrictions: f.restrictions, updatedAt: now });
      inForce.set(id, snapshot.grounds);
      const fields = {
        grounds: f.grounds,
        restrictions: f.restrictions,
        negatives: f.negatives,
        offices: f.offices,
        lastNegativeDecisionDate: f.lastNegativeDecisionDate,
        listed: snapshot.listed,
        categories: snapshot.categories,
        measures: snapshot.measures,
        since: snapshot.since,
        until: snapshot.until,
        updatedAt: now,
      };
      if (current) changed.push({ id, version: current.version, fields });
      else fresh.push({ _id: id, ...fields, version: 1 });
    }
    // First statuses in one command (a bulk import tells about hundreds of
    // people at once), by the driver: every field is set and typed here, so
    // a mongoose document per status would only repeat the work (a fifth of
    // the platform's time per import batch); the schema's one rule is checked.
    const wrong = fresh.find((doc) => !areJointPunishmentCategories(doc.categories));
    if (wrong) throw new Error(notJointPunishmentCategories(wrong.categories));
    const inserted = await insertManyUnordered(models.JointPunishmentStatus, fresh as unknown as Record<string, unknown>[]);
    const again = fresh.filter((_, k) => !inserted[k]).map((doc) => doc._id);
    const written = await Promise.all(
      changed.map(
        async ({ id, version, fields }) =>
          (await models.JointPunishmentStatus.updateOne({ _id: id, version }, { $set: fields, $inc: { version: 1 } }, { runValidators: true }).exec())
            .matchedCount === 1,
      ),
    );
    changed.forEach(({ id }, k) => {
      if (!written[k]) again.push(id);
    });
    const retried = new Set(again);
    // 信用警示: the people whose listing began or ended are told, once their status is stored.
    const transition = (
      id: string,
      before: { listed?: boolean; since?: string | null; measures?: string[] } | undefined,
      after: (typeof changed)[number]['fields'],
    ) => ({
      personId: id,
      wasListed: Boolean(before?.listed),
      listed: after.listed,
      since: (after.listed ? after.since : before?.since) ?? null,
      measures: after.measures,
      measuresBefore: before?.measures ?? [],
      grounds: inForce.get(id) ?? [],
      today,
    });
    await noticeListingChanges(
      models.Notification,
      [
        ...fresh.filter((_, k) => inserted[k]).map((doc) => transition(doc._id, undefined, doc)),
        ...changed.filter((_, k) => written[k]).map(({ id, fields }) => transition(id, existing.get(id), fields)),
      ],
      now,
    );
    // The people's penalties and licences: the named bureau's, or every department's.
    await replacePublications(
      models,
      pending.filter((id) => !retried.has(id)),
      derived,
      only,
    );
    pending = again;
    if (again.length > 0) log?.info('joint punishment: statuses changed concurrently; deriving them again', { people: again.length, attempt });
  }
  const ids = [...derived.keys()];
  const statuses = ids.map((id) => ({ _id: id, ...derived.get(id)! }));
  await appendStandingChange(models, await standingsOf(models, ids, statuses), log);
}
