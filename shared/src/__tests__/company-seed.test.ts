import { cityCompanies } from '../company-seed';
import { addMonths } from '../display-window';
import { syntheticPeople } from '../population';
import { socialCreditCodeProblem } from '../social-credit-code';

describe('the demo city’s registered companies', () => {
  const people = syntheticPeople(2018, 0, 20_000);
  const companies = cityCompanies(people, 2018);

  it('are registered by adults, with valid codes, under trade names that carry no person’s name', () => {
    expect(companies.length).toBeGreaterThan(300);
    expect(new Set(companies.map((c) => c.unifiedSocialCreditCode)).size).toBe(companies.length);
    for (const company of companies) {
      expect(socialCreditCodeProblem(company.unifiedSocialCreditCode)).toBeNull();
      for (const { holder } of company.officers) {
        expect(addMonths(holder.birthDate, 12 * 18) < company.founded).toBe(true);
        expect(company.companyName).not.toContain(holder.name);
      }
      expect(company.officers.filter((o) => o.role === 'LEGAL_REPRESENTATIVE').map((o) => o.holder)).toEqual([company.founder]);
    }
  });

  it('are listed by the regulator or the court, some with officers the court does not record, some removed since', () => {
    const listed = companies.filter((c) => c.listing);
    const byCourt = listed.filter((c) => c.listing!.by === 'COURTS');
    expect(byCourt.length).toBeGreaterThan(5);
    expect(listed.length - byCourt.length).toBeGreaterThan(5);
    // A director or supervisor besides the legal representative the court enforces against: reached by the join alone.
    expect(byCourt.some((c) => c.officers.some((o) => o.holder !== c.founder))).toBe(true);
    const removed = listed.filter((c) => c.listing!.removedOn);
    expect(removed.length).toBeGreaterThan(0);
    for (const c of removed) expect(c.listing!.removedOn! > c.listing!.listedOn).toBe(true);
  });

  it('are the same companies for every department drawing them from the same batch', () => {
    expect(cityCompanies(people, 2018)).toEqual(companies);
  });
});
