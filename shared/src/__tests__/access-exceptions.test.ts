import {
  decidesRecordsOf,
  seesGreenChannelEligibility,
  seesQueryLogInternals,
  seesQueryLogSubjectsMasked,
  seesRecordsPastDisplay,
  visibleConsents,
} from '../access';
import { makeCitizenId } from '../citizen-id';
import type { Principal } from '../principal';

const person = makeCitizenId('510703', '1980-01-01', 11);
const other = makeCitizenId('510703', '1981-01-01', 12);
const as = (role: Principal['role'], extra: Partial<Principal> = {}): Principal => ({ role, scopes: [], ...extra });

describe('the exceptions to the access matrix (policy access.exceptions)', () => {
  it('shows records past their display window and query-log internals to auditors only', () => {
    for (const role of ['public', 'subject', 'partner', 'internal', 'bureau', 'reviewer'] as const) {
      expect([role, seesRecordsPastDisplay(as(role)), seesQueryLogInternals(as(role))]).toEqual([role, false, false]);
    }
    expect([seesRecordsPastDisplay(as('auditor')), seesQueryLogInternals(as('auditor'))]).toEqual([true, true]);
    expect([seesQueryLogSubjectsMasked(as('partner')), seesQueryLogSubjectsMasked(as('auditor'))]).toEqual([true, false]);
  });

  it('shows the person all of their own records, past their display window too, and nobody else’s', () => {
    expect(seesRecordsPastDisplay(as('subject', { subjectId: person }), { personId: person })).toBe(true);
    expect(seesRecordsPastDisplay(as('subject', { subjectId: other }), { personId: person })).toBe(false);
    expect(seesRecordsPastDisplay(as('partner', { org: 'BANK' }), { personId: person })).toBe(false);
  });

  it('withholds green-channel eligibility from the public and from a subject looking at someone else, unless on the red list', () => {
    expect(seesGreenChannelEligibility(as('public'), person, false)).toBe(false);
    expect(seesGreenChannelEligibility(as('public'), person, true)).toBe(true);
    expect(seesGreenChannelEligibility(as('subject', { subjectId: other }), person, false)).toBe(false);
    expect(seesGreenChannelEligibility(as('subject', { subjectId: person }), person, false)).toBe(true);
    expect(seesGreenChannelEligibility(as('partner', { org: 'BANK' }), person, false)).toBe(true);
  });

  it('lists a partner only the consents granted to it, and everyone else all of them', () => {
    const consents = [{ granteeInstitutionId: 'BANK' }, { granteeInstitutionId: 'OTHER' }];
    expect(visibleConsents(as('partner', { org: 'BANK' }), consents)).toEqual([{ granteeInstitutionId: 'BANK' }]);
    expect(visibleConsents(as('subject', { subjectId: person }), consents)).toEqual(consents);
  });

  it('lets only an operator of the owning bureau decide an objection', () => {
    expect(decidesRecordsOf(as('bureau', { org: 'TAX' }), 'TAX')).toBe(true);
    expect(decidesRecordsOf(as('bureau', { org: 'PBOC' }), 'TAX')).toBe(false);
    expect(decidesRecordsOf(as('reviewer', { org: 'TAX' }), 'TAX')).toBe(false);
  });
});
