import { syntheticPeople } from '@credit/shared';

import { companyRecordsFor } from '../seed';

describe('the courts’ demo companies', () => {
  const records = syntheticPeople(2018, 0, 20_000).map((person) => ({ person, ...companyRecordsFor(person, 2018) }));
  const listings = records.flatMap((r) => r.companyListings);

  it('lists a dishonest company once, as a company, for the people who represent it to follow', () => {
    expect(listings.length).toBeGreaterThan(10);
    expect(new Set(listings.map((l) => l.unifiedSocialCreditCode)).size).toBe(listings.length);
    for (const { person, representations, companyListings } of records) {
      for (const listing of companyListings) {
        expect(representations.map((r) => r.unifiedSocialCreditCode)).toContain(listing.unifiedSocialCreditCode);
        // Nothing of the person is in the listing: it is the company's.
        expect(JSON.stringify(listing)).not.toContain(person.id);
        expect(JSON.stringify(listing)).not.toContain(person.name);
      }
    }
  });

  it('has some listings removed since, after they were made', () => {
    const removed = listings.filter((l) => l.removedOn);
    expect(removed.length).toBeGreaterThan(0);
    for (const l of removed) expect(l.removedOn! > l.listedOn).toBe(true);
  });
});
