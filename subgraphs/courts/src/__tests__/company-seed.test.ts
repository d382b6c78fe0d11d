import { cityCompanies, syntheticPeople } from '@credit/shared';

import { cityCompanyRecordsFor, companyRecordsFor } from '../seed';

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

  it('lists the city’s registered companies the court enforces against, recording their legal representative', () => {
    const people = syntheticPeople(2018, 0, 20_000);
    const city = cityCompanyRecordsFor(people, 2018);
    const byCourt = cityCompanies(people, 2018).filter((c) => c.listing?.by === 'COURTS');
    expect(city.companyListings.map((l) => l.unifiedSocialCreditCode)).toEqual(byCourt.map((c) => c.unifiedSocialCreditCode));
    expect(city.representations.map((r) => [r.personId, r.role])).toEqual(byCourt.map((c) => [c.founder.id, 'LEGAL_REPRESENTATIVE']));
    for (const [i, listing] of city.companyListings.entries()) {
      expect(listing).toMatchObject({ listedOn: byCourt[i]!.listing!.listedOn, removedOn: byCourt[i]!.listing!.removedOn });
      expect(JSON.stringify(listing)).not.toContain(byCourt[i]!.founder.id);
    }
  });

  it('has some listings removed since, after they were made', () => {
    const removed = listings.filter((l) => l.removedOn);
    expect(removed.length).toBeGreaterThan(0);
    for (const l of removed) expect(l.removedOn! > l.listedOn).toBe(true);
  });
});
