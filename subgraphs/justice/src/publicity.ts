import type { PublicityCatalogue } from '@credit/shared';

/**
 * What the Justice Bureau penalises and licenses, in the double-publicity format
 * (shared/src/double-publicity.ts): the synthetic population's records are
 * made from it by `npm run seed`.
 */
export const publicity: PublicityCatalogue = {
  authoritySuffix: '司法局',
  countyBranches: true,
  numberAbbr: '司',
  legalBasis:
    '《国务院办公厅关于运用大数据加强对市场主体服务和监管的若干意见》(国办发〔2015〕51号, 行政许可和行政处罚信息“双公示”); 《绵阳市人民政府办公室关于印发加强个人诚信体系建设实施方案的通知》(绵府办发〔2018〕32号)',
  penalties: [
    {
      category: 'LAWYER_MISCONDUCT',
      share: 0.15,
      violationType: '律师私自接受委托、收取费用',
      facts: ['当事人私自接受当事人委托并收取代理费, 未通过律师事务所统一收案、收费。'],
      penaltyBasis: '《中华人民共和国律师法》第四十八条',
      penaltyTypes: ['WARNING', 'FINE', 'CONFISCATION'],
      fineYuan: [2000, 5000],
      confiscatedYuan: [3000, 30000],
      minAge: 24,
      requiresLicence: '律师执业证',
    },
    {
      category: 'NOTARY_MISCONDUCT',
      share: 0.2,
      violationType: '公证员未依法履行审查核实义务',
      facts: ['当事人办理委托公证时未核实申请人身份, 出具了错误的公证书。'],
      penaltyBasis: '《中华人民共和国公证法》第四十一条',
      penaltyTypes: ['WARNING', 'FINE'],
      fineYuan: [2000, 10000],
      minAge: 25,
      requiresLicence: '公证员执业证',
    },
    {
      category: 'FORENSIC_EXPERT_MISCONDUCT',
      share: 0.2,
      violationType: '司法鉴定人违反鉴定程序',
      facts: ['当事人在伤残等级鉴定中未按规定进行检验即出具鉴定意见。'],
      penaltyBasis: '《司法鉴定人登记管理办法》第二十九条',
      penaltyTypes: ['WARNING', 'OTHER'],
      minAge: 25,
      requiresLicence: '司法鉴定人执业证',
    },
    {
      category: 'SERIOUS_LEGAL_PRACTICE_VIOLATION',
      share: 0.04,
      violationType: '向法官行贿或者指使、诱导当事人行贿',
      facts: ['当事人在代理案件过程中向办案人员行贿, 被依法追究刑事责任。'],
      penaltyBasis: '《中华人民共和国律师法》第四十九条',
      penaltyTypes: ['LICENCE_REVOKED', 'CONFISCATION'],
      confiscatedYuan: [10000, 100000],
      licenceAffected: '律师执业证',
      minAge: 24,
      requiresLicence: '律师执业证',
    },
  ],
  licences: [
    {
      certificateName: '律师执业证',
      licenceCategory: 'RECOGNITION',
      content: '专职律师执业',
      share: 0.004,
      validYears: null,
      numberPrefix: '15107',
      minAge: 24,
    },
    {
      certificateName: '基层法律服务工作者执业证',
      licenceCategory: 'RECOGNITION',
      content: '基层法律服务',
      share: 0.002,
      validYears: null,
      numberPrefix: '5107JC',
      minAge: 22,
    },
    {
      certificateName: '人民调解员证',
      licenceCategory: 'RECOGNITION',
      content: '人民调解',
      share: 0.008,
      validYears: 3,
      numberPrefix: 'RMTJ5107',
      minAge: 25,
    },
    {
      certificateName: '公证员执业证',
      licenceCategory: 'RECOGNITION',
      content: '公证员执业',
      share: 0.0002,
      validYears: null,
      numberPrefix: '川公证',
      minAge: 25,
    },
    {
      certificateName: '司法鉴定人执业证',
      licenceCategory: 'RECOGNITION',
      content: '法医临床鉴定',
      share: 0.0003,
      validYears: null,
      numberPrefix: '510',
      minAge: 25,
    },
  ],
};
