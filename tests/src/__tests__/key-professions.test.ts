import { loadSubgraphDefinition, policy, sourceOfBureau } from '@credit/shared';

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
