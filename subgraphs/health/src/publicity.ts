import type { PublicityCatalogue } from '@credit/shared';

/**
 * What the Health Commission penalises and licenses, in the double-publicity format
 * (shared/src/double-publicity.ts): the synthetic population's records are
 * made from it by `npm run seed`.
 */
export const publicity: PublicityCatalogue = {
  authoritySuffix: '卫生健康局',
  countyBranches: true,
  numberAbbr: '卫',
  legalBasis:
    '《国务院办公厅关于运用大数据加强对市场主体服务和监管的若干意见》(国办发〔2015〕51号, 行政许可和行政处罚信息“双公示”); 《绵阳市人民政府办公室关于印发加强个人诚信体系建设实施方案的通知》(绵府办发〔2018〕32号)',
  penalties: [
    {
      category: 'MEDICAL_PRACTICE_VIOLATION',
      share: 0.001,
      violationType: '未取得医师执业证书从事医疗活动',
      facts: ['当事人未取得医师资格, 在诊所内为患者输液治疗。'],
      penaltyBasis: '《中华人民共和国医师法》第五十九条',
      penaltyTypes: ['FINE', 'CONFISCATION'],
      fineYuan: [20000, 100000],
      confiscatedYuan: [500, 8000],
    },
    {
      category: 'MEDICAL_PRACTICE_VIOLATION',
      share: 0.1,
      violationType: '医师超出注册执业范围执业',
      facts: ['当事人注册执业范围为内科, 在门诊从事医疗美容项目。'],
      penaltyBasis: '《中华人民共和国医师法》第五十七条',
      penaltyTypes: ['WARNING', 'FINE'],
      fineYuan: [10000, 30000],
      minAge: 24,
      requiresLicence: '医师执业证书',
    },
    {
      category: 'SERIOUS_MEDICAL_VIOLATION',
      share: 0.03,
      violationType: '出具虚假医学证明文件',
      facts: ['当事人为他人出具虚假的诊断证明, 用于骗取保险金。'],
      penaltyBasis: '《中华人民共和国医师法》第五十六条',
      penaltyTypes: ['FINE', 'LICENCE_REVOKED'],
      fineYuan: [10000, 30000],
      licenceAffected: '医师执业证书',
      minAge: 24,
      requiresLicence: '医师执业证书',
    },
    {
      category: 'PUBLIC_HEALTH_VIOLATION',
      share: 0.002,
      violationType: '公共场所从业人员未取得有效健康合格证明',
      facts: ['当事人经营的美发店从业人员未取得有效健康合格证明上岗。'],
      penaltyBasis: '《公共场所卫生管理条例实施细则》第三十八条',
      penaltyTypes: ['WARNING', 'FINE'],
      fineYuan: [500, 5000],
    },
    {
      category: 'BIOSAFETY_VIOLATION',
      share: 0.0002,
      violationType: '实验室未按规定处置实验废物',
      facts: ['当事人负责的医学检验实验室未按规定对病原微生物实验废物进行消毒处置。'],
      penaltyBasis: '《病原微生物实验室生物安全管理条例》第六十条',
      penaltyTypes: ['WARNING', 'OTHER'],
      minAge: 22,
    },
  ],
  licences: [
    {
      certificateName: '医师执业证书',
      licenceCategory: 'RECOGNITION',
      content: '执业范围: 内科专业; 执业类别: 临床',
      share: 0.004,
      validYears: null,
      numberPrefix: '1105107',
      minAge: 24,
    },
    {
      certificateName: '医疗机构执业许可证',
      licenceCategory: 'GENERAL',
      content: '诊所: 内科、外科、预防保健科',
      share: 0.0008,
      validYears: 5,
      numberPrefix: 'PDY',
    },
    {
      certificateName: '公共场所卫生许可证',
      licenceCategory: 'GENERAL',
      content: '美容美发场所',
      share: 0.004,
      validYears: 4,
      numberPrefix: '绵卫公证字',
    },
  ],
};
