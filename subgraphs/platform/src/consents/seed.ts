import { addDays, addMonths, insertNewDocuments, opaqueId, Rng, type SyntheticPerson } from '@credit/shared';

import type { Models } from '../context';
import { INSTITUTIONS } from '../institutions/seed';
import { adulthood, earlier, later, officeTime, REF } from '../seeding';
import type { ConsentDoc, ConsentPurpose } from './models/Consent';

// What each purpose needs to see; every name is a field group of the credit policy.
const PURPOSE_SCOPES: Record<ConsentPurpose, string[]> = {
  LOAN: ['identity', 'financial', 'court_records', 'dishonest_debtors', 'tax'],
  CREDIT_CARD: ['identity', 'financial', 'dishonest_debtors'],
  GUARANTEE: ['identity', 'financial', 'court_records', 'dishonest_debtors'],
  EMPLOYMENT_SCREENING: ['identity', 'education', 'student_integrity', 'administrative_penalties'],
  TENANCY: ['dishonest_debtors', 'court_records'],
  INSURANCE: ['identity', 'administrative_penalties'],
  LICENSING: ['identity', 'education', 'administrative_penalties', 'positive_records'],
  SPECIAL_INDUSTRY_EMPLOYMENT: ['identity', 'administrative_penalties', 'joint_punishment', 'double_publicity_penalties'],
  COMPANY_OFFICE_APPOINTMENT: ['identity', 'dishonest_debtors', 'court_records', 'joint_punishment', 'double_publicity_penalties'],
  OUTBOUND_TOUR: ['identity', 'joint_punishment'],
};

function consentsFor(person: SyntheticPerson, seed: number): ConsentDoc[] {
  const rng = Rng.forKey(seed, 'platform', 'consents', person.index);
  const adultFrom = adulthood(person);
  if (adultFrom >= REF || !rng.chance(0.1)) return [];
  const count = rng.int(1, 3);
  const out: ConsentDoc[] = [];
  for (let n = 1; n <= count; n++) {
    const institution = rng.pick(INSTITUTIONS);
    const purpose = rng.pick(institution.purposes);
    const grantedOn = rng.dateBetween(later(adultFrom, '2024-01-01'), REF);
    // Most consents start on the day they are given; some are given ahead of a dated application.
    const validFrom = rng.chance(0.85) ? grantedOn : addDays(grantedOn, rng.int(3, 30));
    const validUntil = addDays(addMonths(validFrom, rng.pick([6, 12, 24, 36])), -1);
    const revocableUntil = earlier(validUntil, REF);
    const revoked = rng.chance(0.12) && addDays(grantedOn, 1) < revocableUntil;
    out.push({
      _id: opaqueId('PLT-CNS', person.id, n),
      subjectId: person.id,
      granteeInstitutionId: institution.id,
      granteeInstitutionName: institution.name,
      purpose,
      scopes: PURPOSE_SCOPES[purpose],
      validFrom,
      validUntil,
      grantedAt: officeTime(grantedOn, rng),
      revokedAt: revoked ? officeTime(rng.dateBetween(addDays(grantedOn, 1), revocableUntil), rng) : null,
      version: revoked ? 1 : 0,
    });
  }
  return out;
}

export async function seedConsents(models: Models, people: readonly SyntheticPerson[], seed: number): Promise<Record<string, number>> {
  return {
    consents: await insertNewDocuments(
      models.Consent,
      people.flatMap((p) => consentsFor(p, seed)),
    ),
  };
}
