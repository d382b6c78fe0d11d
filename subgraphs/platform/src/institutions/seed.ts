import { insertNewDocuments, makeSocialCreditCode } from '@credit/shared';

import type { ConsentPurpose } from '../consents/models/Consent';
import type { Models } from '../context';
import { PLATFORM_GATHERING_FROM } from '../seeding';
import type { InstitutionDoc } from './models/Institution';

/** The partner institutions of the demo, with the purposes they ask consent for. */
export const INSTITUTIONS: { id: string; name: string; purposes: ConsentPurpose[] }[] = [
  { id: makeSocialCreditCode('91510700MA62T4K8X'), name: '绵州银行股份有限公司', purposes: ['LOAN', 'CREDIT_CARD', 'GUARANTEE'] },
  { id: makeSocialCreditCode('91510703MA6AB2R51'), name: '绵阳涪城农村商业银行股份有限公司', purposes: ['LOAN', 'GUARANTEE'] },
  { id: makeSocialCreditCode('91510700MA68K3WQ2'), name: '川北消费金融股份有限公司', purposes: ['LOAN', 'CREDIT_CARD'] },
  { id: makeSocialCreditCode('91510700205463287'), name: '绵阳科技城电子科技有限公司', purposes: ['EMPLOYMENT_SCREENING'] },
  { id: makeSocialCreditCode('91510704MA6B1PL3N'), name: '绵阳长安精密制造有限公司', purposes: ['EMPLOYMENT_SCREENING'] },
  { id: makeSocialCreditCode('91510703MA64RT7N0'), name: '绵阳安居房屋租赁有限公司', purposes: ['TENANCY'] },
  { id: makeSocialCreditCode('91510700MA6CQ8J4E'), name: '绵阳城投住房租赁有限公司', purposes: ['TENANCY'] },
  { id: makeSocialCreditCode('91510700MA6D3F9K1'), name: '涪江财产保险股份有限公司绵阳中心支公司', purposes: ['INSURANCE'] },
  { id: makeSocialCreditCode('51510700MJQ4N7K2X'), name: '绵阳市注册会计师协会', purposes: ['LICENSING'] },
];

/** The partner institutions the seeded consents name, as registered with the platform. */
export function registeredInstitutions(): InstitutionDoc[] {
  return INSTITUTIONS.map(({ id, name }) => ({ _id: id, name, registeredAt: new Date(`${PLATFORM_GATHERING_FROM}T09:00:00+08:00`), registeredBy: 'seed' }));
}

export async function seedInstitutions(models: Models): Promise<Record<string, number>> {
  return { institutions: await insertNewDocuments(models.Institution, registeredInstitutions()) };
}
