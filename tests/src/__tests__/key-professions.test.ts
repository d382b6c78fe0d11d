import { doublePublicityRecordsFor, loadSubgraphDefinition, policy, sourceOfBureau, SUBGRAPHS, syntheticPeople, type SourceEntry } from '@credit/shared';
import { practiceRecordsFor } from '@credit/subgraph-platform';

/**
 * The plan's 28 key professions (二(二)三) in the policy, each with the
 * department that regulates it: a profession licensed by a certificate is
 * licensed in that department's administrative licences (双公示), so its
 * practitioners' licences and misconduct are the regulator's records and
 * the demo data holds them.
 */
describe('the key professions', () => {
  const professions = Object.entries(policy().keyProfessions);

  it('are the 28 of the plan', () => {
    expect(professions).toHaveLength(28);
    expect(professions.map(([, k]) => k.name)).toEqual(
      expect.arrayContaining([
        '企业法定代表人及相关责任人',
        '个体工商户',
        '农民专业合作社理事长及相关责任人',
        '评估师',
        '知识产权从业人员',
        '认证人员',
        '统计从业人员',
        '公共资源交易和政务服务参与人员',
      ]),
    );
  });

  it.each(professions.filter(([, k]) => k.licence !== null))('%s is licensed in its regulator’s catalogue of licences', (_code, profession) => {
    const source = sourceOfBureau(profession.regulator!);
    expect(source?.doublePublicity).toBe(true);
    const catalogue = loadSubgraphDefinition(source!.name).publicity;
    expect(catalogue?.licences.map((l) => l.certificateName)).toContain(profession.licence);
  });
});

describe('the demo data of the key professions', () => {
  // 20,000 people (`npm run seed -- --people 20000`): the 2,000 of `npm
  // start` hold about forty practising licences, and among them the seed of
  // 2018 gives no misconduct penalty (about five were to be expected).
  const SEED = 2018;
  const people = syntheticPeople(SEED, 0, 20_000);
  const practices = people.flatMap((person) => practiceRecordsFor(person, SEED));

  it('links a practitioner’s misconduct penalty, licence and practice record by one licence number', () => {
    let linked = 0;
    for (const entry of (SUBGRAPHS as readonly SourceEntry[]).filter((s) => s.doublePublicity)) {
      const catalogue = loadSubgraphDefinition(entry.name).publicity;
      if (!catalogue) continue;
      const { penalties, licences } = doublePublicityRecordsFor(entry.name, catalogue, people, SEED);
      for (const penalty of penalties.filter((p) => p.profession !== null)) {
        const licence = licences.find((l) => l.personId === penalty.personId && l.certificateNumber === penalty.practiceLicenceNumber);
        expect(licence?.certificateName).toBe(policy().keyProfessions[penalty.profession!]!.licence);
        expect(practices).toContainEqual(
          expect.objectContaining({ personId: penalty.personId, profession: penalty.profession, licenceNumber: penalty.practiceLicenceNumber }),
        );
        linked++;
      }
    }
    // Lawyers, notaries, forensic experts, doctors, constructors, tour guides and bid evaluators at least.
    expect(linked).toBeGreaterThan(30);
  });

  it('gives every licensed practitioner a practice record of that licence', () => {
    const entry = sourceOfBureau('JUSTICE')!;
    const { licences } = doublePublicityRecordsFor(entry.name, loadSubgraphDefinition(entry.name).publicity!, people, SEED);
    const lawyers = licences.filter((l) => l.certificateName === policy().keyProfessions.LAWYER!.licence);
    expect(lawyers.length).toBeGreaterThan(0);
    for (const licence of lawyers)
      expect(practices).toContainEqual(expect.objectContaining({ personId: licence.personId, profession: 'LAWYER', licenceNumber: licence.certificateNumber }));
  });
});
