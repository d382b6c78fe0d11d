import type { PublicityCatalogue } from '@credit/shared';

/**
 * What the Education & Sports Bureau penalises and licenses, in the double-publicity format
 * (shared/src/double-publicity.ts): the synthetic population's records are
 * made from it by `npm run seed`.
 */
export const publicity: PublicityCatalogue = {
  authoritySuffix: '教育和体育局',
  countyBranches: true,
  numberAbbr: '教体',
  legalBasis:
    '《国务院办公厅关于运用大数据加强对市场主体服务和监管的若干意见》(国办发〔2015〕51号, 行政许可和行政处罚信息“双公示”); 《绵阳市人民政府办公室关于印发加强个人诚信体系建设实施方案的通知》(绵府办发〔2018〕32号)',
  penalties: [
    {
      category: 'SPORTS_MISCONDUCT',
      share: 0.0008,
      violationType: '体育赛事活动中弄虚作假',
      facts: ['当事人在市级青少年体育比赛中冒名顶替参赛, 被取消比赛成绩。', '当事人作为运动员被检出使用禁用物质, 经听证后作出处罚。'],
      penaltyBasis: '《中华人民共和国体育法》第一百一十八条; 《反兴奋剂条例》第四十六条',
      penaltyTypes: ['WARNING', 'EMPLOYMENT_RESTRICTED'],
      minAge: 16,
    },
    {
      category: 'OFF_CAMPUS_TRAINING_VIOLATION',
      share: 0.0008,
      violationType: '未经许可开展面向中小学生的学科类校外培训',
      facts: ['当事人租用民房, 未经许可组织中小学生开展学科类培训并收取费用。'],
      penaltyBasis: '《校外培训行政处罚暂行办法》第十六条',
      penaltyTypes: ['FINE', 'CONFISCATION'],
      fineYuan: [5000, 50000],
      confiscatedYuan: [2000, 30000],
    },
  ],
  licences: [
    {
      certificateName: '教师资格证书',
      licenceCategory: 'RECOGNITION',
      content: '高级中学教师资格',
      share: 0.01,
      validYears: null,
      numberPrefix: '2025510',
      minAge: 22,
    },
    {
      certificateName: '社会体育指导员(职业)国家职业资格证书',
      licenceCategory: 'RECOGNITION',
      content: '游泳社会体育指导员',
      share: 0.0015,
      validYears: null,
      numberPrefix: '1851',
      minAge: 18,
    },
  ],
};
