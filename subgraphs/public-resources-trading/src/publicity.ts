import type { PublicityCatalogue } from '@credit/shared';

/**
 * What the Public Resources Trading Service Centre penalises and licenses, in the double-publicity format
 * (shared/src/double-publicity.ts): the synthetic population's records are
 * made from it by `npm run seed`.
 */
export const publicity: PublicityCatalogue = {
  authoritySuffix: '公共资源交易服务中心',
  countyBranches: false,
  numberAbbr: '公资',
  legalBasis:
    '《国务院办公厅关于运用大数据加强对市场主体服务和监管的若干意见》(国办发〔2015〕51号, 行政许可和行政处罚信息“双公示”); 《绵阳市人民政府办公室关于印发加强个人诚信体系建设实施方案的通知》(绵府办发〔2018〕32号)',
  penalties: [
    {
      category: 'BIDDING_VIOLATION',
      share: 0.002,
      violationType: '以他人名义投标或弄虚作假骗取中标',
      facts: ['当事人作为投标项目负责人, 使用伪造的业绩证明材料参加投标。'],
      penaltyBasis: '《中华人民共和国招标投标法》第五十四条',
      penaltyTypes: ['FINE'],
      fineYuan: [5000, 50000],
      authoritySuffix: '发展和改革委员会',
      countyBranches: false,
    },
    {
      category: 'BID_EVALUATOR_MISCONDUCT',
      share: 0.15,
      violationType: '评标委员会成员私下接触投标人',
      facts: ['当事人担任评标专家期间私下接触投标人, 未按评标办法客观公正评标。'],
      penaltyBasis: '《中华人民共和国招标投标法实施条例》第七十一条',
      penaltyTypes: ['WARNING', 'EMPLOYMENT_RESTRICTED'],
      minAge: 30,
      requiresLicence: '综合评标专家库评标专家聘书',
      authoritySuffix: '发展和改革委员会',
      countyBranches: false,
    },
    {
      category: 'SERIOUS_BIDDING_DISHONESTY',
      share: 0.0002,
      violationType: '串通投标情节严重',
      facts: ['当事人组织多家单位围标串标, 中标项目金额较大, 情节严重。'],
      penaltyBasis: '《中华人民共和国招标投标法》第五十三条',
      penaltyTypes: ['FINE', 'EMPLOYMENT_RESTRICTED'],
      fineYuan: [50000, 200000],
      minAge: 25,
      authoritySuffix: '财政局',
      countyBranches: false,
    },
  ],
  licences: [
    {
      certificateName: '综合评标专家库评标专家聘书',
      licenceCategory: 'RECOGNITION',
      content: '评标专业: 房屋建筑工程',
      share: 0.005,
      validYears: 4,
      numberPrefix: 'SCPB',
      minAge: 30,
    },
    {
      certificateName: '政府采购评审专家聘书',
      licenceCategory: 'RECOGNITION',
      content: '评审品目: 货物类、服务类',
      share: 0.003,
      validYears: 4,
      numberPrefix: 'SCZC',
      minAge: 30,
    },
  ],
};
