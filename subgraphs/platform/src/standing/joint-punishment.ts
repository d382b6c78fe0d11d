import {
  callSubgraph,
  departmentFieldNames,
  DEPARTMENTS,
  insertManyUnordered,
  keysFilter,
  PLATFORM_SERVICE_PRINCIPAL,
  type BureauCreditFacts,
  type Logger,
  type Publication,
} from '@credit/shared';
import { print } from 'graphql';

import { replacePublications } from '../disclosure/published-records';
import { CreditFactsFieldsFragmentDoc, type CreditFactsFieldsFragment } from '../generated/department-operations';
import type { Models } from '../models';
import { appendStandingChange, standingsOf } from './listing-index';
import type { JointPunishmentStatusDoc, NegativeFactDoc, PunishmentGroundDoc } from './models/JointPunishmentStatus';
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

// The field each department serves its facts under, from the source registry.
const FACTS_FIELD: Record<string, string> = Object.fromEntries(DEPARTMENTS.map((d) => [d.name, departmentFieldNames(d).creditFacts]));

export interface PersonFacts {
  grounds: PunishmentGroundDoc[];
  lastNegativeDecisionDate: string | null;
  negatives: NegativeFactDoc[];
  /** The person's penalties and licences of every department, as each publishes them. */
  publications: (Publication & { bureau: string })[];
}

export type FactsSource = (personIds: string[]) => Promise<Map<string, PersonFacts>>;

/** Adds one bureau's facts about a person to what is known of them from the others. */
export function addBureauFacts(person: PersonFacts, facts: BureauCreditFacts & { publications?: readonly Publication[] }): void {
  person.grounds.push(...facts.grounds.map((g) => ({ ...g, bureau: facts.bureau })));
  person.negatives.push(...facts.negatives.map((n) => ({ ...n, bureau: facts.bureau })));
  person.publications.push(...(facts.publications ?? []).map((p) => ({ ...p, bureau: facts.bureau })));
  if (facts.lastNegativeDecisionDate && (!person.lastNegativeDecisionDate || facts.lastNegativeDecisionDate > person.lastNegativeDecisionDate)) {
    person.lastNegativeDecisionDate = facts.lastNegativeDecisionDate;
  }
}

/** No facts yet: the start of a merge over the bureaus. */
export function noFacts(): PersonFacts {
  return { grounds: [], lastNegativeDecisionDate: null, negatives: [], publications: [] };
}

/** Facts from the bureaus' subgraphs, asked in parallel, one call each for all people. */
export function factsFromBureaus(peerUrl: (name: string) => string, secret: Uint8Array): FactsSource {
  return async (personIds) => {
    const merged = new Map<string, PersonFacts>(personIds.map((id) => [id, noFacts()]));
    await Promise.all(
      Object.entries(FACTS_FIELD).map(async ([subgraph, field]) => {
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

/**
 * Re-derives and stores the status of these people (one atomic write per
 * person), then appends their standings to the feed the listing indexes
 * follow. The feed entry comes last: an index that applies it finds the
 * statuses already written.
 */
export async function recomputeJointPunishment(models: Models, personIds: string[], source: FactsSource, log?: Logger): Promise<void> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return;
  const facts = await source(ids);
  const existing = new Map((await models.JointPunishmentStatus.find(keysFilter('_id', ids)).lean().exec()).map((d) => [d._id, d]));
  const now = new Date();
  const fresh: JointPunishmentStatusDoc[] = [];
  const changed: { id: string; fields: Omit<JointPunishmentStatusDoc, '_id' | 'version'> }[] = [];
  for (const id of ids) {
    const f = facts.get(id) ?? noFacts();
    const current = existing.get(id);
    // Nothing to remember about someone with no negative record and no status yet.
    if (!current && f.grounds.length === 0 && !f.lastNegativeDecisionDate) continue;
    const snapshot = effectiveStatus({ grounds: f.grounds, updatedAt: now });
    const fields = {
      grounds: f.grounds,
      negatives: f.negatives,
      lastNegativeDecisionDate: f.lastNegativeDecisionDate,
      listed: snapshot.listed,
      categories: snapshot.categories,
      measures: snapshot.measures,
      since: snapshot.since,
      until: snapshot.until,
      updatedAt: now,
    };
    if (current) changed.push({ id, fields });
    else fresh.push({ _id: id, ...fields, version: 1 });
  }
  // First statuses in one command (a bulk import tells about hundreds of
  // people at once); one that a concurrent derivation created meanwhile is
  // updated like the others.
  const validated = await Promise.all(
    fresh.map(async (doc) => {
      const model = new models.JointPunishmentStatus(doc);
      await model.validate();
      return model.toObject() as unknown as Record<string, unknown>;
    }),
  );
  const inserted = await insertManyUnordered(models.JointPunishmentStatus, validated);
  fresh.forEach(({ _id, version: _version, ...fields }, k) => {
    if (!inserted[k]) changed.push({ id: _id, fields });
  });
  await Promise.all(
    changed.map(({ id, fields }) =>
      models.JointPunishmentStatus.updateOne({ _id: id }, { $set: fields, $inc: { version: 1 } }, { upsert: true, runValidators: true }).exec(),
    ),
  );
  // The people's penalties and licences, as complete as their facts (every department answered).
  await replacePublications(models, ids, facts);
  const derived = ids.map((id) => ({ _id: id, ...(facts.get(id) ?? noFacts()) }));
  await appendStandingChange(models, await standingsOf(models, ids, derived), log);
}
