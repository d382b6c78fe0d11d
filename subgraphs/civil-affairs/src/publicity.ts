import type { PublicityCatalogue } from '@credit/shared';

/**
 * What the Civil Affairs Bureau penalises and licenses, in the double-publicity format
 * (shared/src/double-publicity.ts): the synthetic population's records are
 * made from it by `npm run seed`.
 */
export const publicity: PublicityCatalogue = {
  authoritySuffix: '民政局',
  countyBranches: true,
  numberAbbr: '民',
  legalBasis:
    '《国务院办公厅关于运用大数据加强对市场主体服务和监管的若干意见》(国办发〔2015〕51号, 行政许可和行政处罚信息“双公示”); 《绵阳市人民政府办公室关于印发加强个人诚信体系建设实施方案的通知》(绵府办发〔2018〕32号)',
  penalties: [
    {
      category: 'MARRIAGE_REGISTRATION_DECEIT',
      share: 0.0008,
      violationType: '隐瞒真实情况骗取婚姻登记',
      facts: ['当事人隐瞒存续婚姻关系, 提供虚假声明办理结婚登记, 该登记已被依法撤销。'],
      penaltyBasis: '《婚姻登记条例》; 《中华人民共和国民法典》第一千零五十一条',
      penaltyTypes: ['OTHER'],
    },
    {
      category: 'SOCIAL_ASSISTANCE_FRAUD',
      share: 0.003,
      violationType: '采取虚报、隐瞒、伪造等手段骗取最低生活保障金',
      facts: ['当事人隐瞒家庭成员名下车辆和经营收入, 骗取城市最低生活保障金。'],
      penaltyBasis: '《社会救助暂行办法》第六十八条',
      penaltyTypes: ['FINE', 'OTHER'],
      fineYuan: [1000, 10000],
    },
    {
      category: 'CHARITY_FRAUD',
      share: 0.0002,
      violationType: '以慈善名义骗取财产',
      facts: ['当事人以为病患筹款名义开展公开募捐, 将募得款项挪作个人使用。'],
      penaltyBasis: '《中华人民共和国慈善法》第一百零九条',
      penaltyTypes: ['FINE', 'CONFISCATION'],
      fineYuan: [20000, 200000],
      confiscatedYuan: [5000, 100000],
    },
  ],
  licences: [
    {
      certificateName: '民办非企业单位登记证书',
      licenceCategory: 'REGISTRATION',
      content: '养老服务、社区服务',
      share: 0.0008,
      validYears: 5,
      numberPrefix: '52510700',
    },
    {
      certificateName: '公开募捐资格证书',
      licenceCategory: 'RECOGNITION',
      content: '开展公开募捐',
      share: 0.0002,
      validYears: null,
      numberPrefix: '川民募',
    },
    {
      certificateName: '社会工作者职业资格证书',
      licenceCategory: 'RECOGNITION',
      content: '助理社会工作师',
      share: 0.005,
      validYears: null,
      numberPrefix: 'SW510700',
      minAge: 20,
    },
  ],
};
