import { badInput, opaqueId, parseCitizenId, policy } from '@credit/shared';

import { notifyPerson } from '../cases/models/Notification';
import type { Context } from '../context';
import type { InstitutionBlacklistEntryDoc, ResponsiblePersonDoc } from './models/InstitutionBlacklistEntry';
import { registeredNames } from './names';

/** People a blacklisting may name. */
const MAX_RESPONSIBLE = 10;

const ROLE_LABELS: Record<ResponsiblePersonDoc['role'], string> = {
  LEGAL_REPRESENTATIVE: 'legal representative (法定代表人)',
  PRINCIPAL: 'principal (主要负责人)',
  DIRECTLY_RESPONSIBLE: 'person directly responsible (直接责任人员)',
};

/**
 * The people a reviewer names responsible for an institution's misconduct
 * (seed 二(三)一: 机构及其相关责任人): valid citizen IDs (normalised), a
 * name each, each person once.
 */
export function checkedResponsible(people: readonly { personId: string; name: string; role: ResponsiblePersonDoc['role'] }[]): ResponsiblePersonDoc[] {
  if (people.length > MAX_RESPONSIBLE)
    throw badInput(`A blacklisting names at most ${MAX_RESPONSIBLE} people`, 'too many people', { argument: 'responsible', max: MAX_RESPONSIBLE });
  const seen = new Set<string>();
  return people.map((p, i) => {
    const personId = parseCitizenId(p.personId).id;
    const name = p.name.trim();
    if (!name || [...name].length > 50)
      throw badInput('Each person needs their name (at most 50 characters)', 'bad name', { argument: `responsible.${i}.name` });
    if (seen.has(personId)) throw badInput('A person is named once', 'person named twice', { argument: `responsible.${i}.personId` });
    seen.add(personId);
    return { personId, name, role: p.role };
  });
}

/** Tells each person the blacklisting names (信用警示): once per blacklisting, whatever retries. */
export async function tellResponsible(ctx: Context, entry: InstitutionBlacklistEntryDoc): Promise<void> {
  const people = entry.responsible ?? [];
  if (people.length === 0) return;
  const name = (await registeredNames(ctx.models, [entry._id])).get(entry._id) ?? entry._id;
  const ground = entry.ground ? (policy().institutionMisconduct.grounds[entry.ground]?.label ?? entry.ground) : 'misconduct';
  for (const person of people)
    await notifyPerson(ctx.models.Notification, {
      personId: person.personId,
      kind: 'INSTITUTION_BLACKLISTED',
      caseId: opaqueId('IBL', entry._id, person.personId, entry.since.toISOString()),
      outcome: 'BLACKLISTED',
      message:
        `${name} was put on the misconduct blacklist for ${ground.toLowerCase()} on ${entry.since.toISOString().slice(0, 10)}, naming you as its ${ROLE_LABELS[person.role]}. ` +
        'The published blacklist shows you with your name and ID masked (Person.institutionResponsibilities). If you were not responsible, tell the platform’s reviewers.',
    });
}
