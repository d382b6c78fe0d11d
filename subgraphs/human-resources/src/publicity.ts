import type { PublicityCatalogue } from '@credit/shared';

/**
 * What the Human Resources and Social Security Bureau penalises and licenses, in the double-publicity format
 * (shared/src/double-publicity.ts): the synthetic population's records are
 * made from it by `npm run seed`.
 */
export const publicity: PublicityCatalogue = {
  authoritySuffix: '人力资源和社会保障局',
  countyBranches: true,
  numberAbbr: '人社',
  legalBasis:
    '《国务院办公厅关于运用大数据加强对市场主体服务和监管的若干意见》(国办发〔2015〕51号, 行政许可和行政处罚信息“双公示”); 《绵阳市人民政府办公室关于印发加强个人诚信体系建设实施方案的通知》(绵府办发〔2018〕32号)',
  penalties: [
    {
      category: 'WAGE_ARREARS',
      share: 0.002,
      violationType: '克扣、无故拖欠劳动者工资',
      facts: ['当事人承包的工程项目拖欠农民工工资, 经责令限期支付逾期未支付。'],
      penaltyBasis: '《保障农民工工资支付条例》第五十四条',
      penaltyTypes: ['FINE'],
      fineYuan: [20000, 100000],
    },
    {
      category: 'SERIOUS_WAGE_ARREARS',
      share: 0.0004,
      violationType: '拒不支付农民工工资数额较大',
      facts: ['当事人拖欠农民工工资数额达到认定拒不支付劳动报酬罪数额标准, 经责令限期支付拒不支付。'],
      penaltyBasis: '《保障农民工工资支付条例》第四十八条',
      penaltyTypes: ['FINE', 'OTHER'],
      fineYuan: [50000, 100000],
    },
    {
      category: 'LABOUR_LAW_VIOLATION',
      share: 0.004,
      violationType: '未依法订立书面劳动合同',
      facts: ['当事人经营的餐饮店招用劳动者未依法订立书面劳动合同。', '当事人安排劳动者延长工作时间超过法定标准。'],
      penaltyBasis: '《劳动保障监察条例》第二十五条',
      penaltyTypes: ['WARNING', 'FINE'],
      fineYuan: [1000, 5000],
    },
    {
      category: 'SOCIAL_INSURANCE_FRAUD',
      share: 0.001,
      violationType: '以欺诈手段骗取社会保险待遇',
      facts: ['当事人隐瞒死亡人员信息继续领取基本养老金。', '当事人伪造工伤材料骗取工伤保险待遇。'],
      penaltyBasis: '《中华人民共和国社会保险法》第八十八条',
      penaltyTypes: ['FINE', 'OTHER'],
      fineYuan: [5000, 50000],
    },
  ],
  licences: [
    {
      certificateName: '人力资源服务许可证',
      licenceCategory: 'GENERAL',
      content: '职业中介活动',
      share: 0.001,
      validYears: 5,
      numberPrefix: '川人服证字',
    },
    {
      certificateName: '劳务派遣经营许可证',
      licenceCategory: 'GENERAL',
      content: '劳务派遣',
      share: 0.0006,
      validYears: 3,
      numberPrefix: '510700',
    },
    {
      certificateName: '职业技能等级证书',
      licenceCategory: 'RECOGNITION',
      content: '职业技能等级: 四级/中级工',
      share: 0.02,
      validYears: null,
      numberPrefix: 'S0000510700',
      minAge: 18,
    },
  ],
};
