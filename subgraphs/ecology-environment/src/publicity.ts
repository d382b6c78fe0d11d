import type { PublicityCatalogue } from '@credit/shared';

/**
 * What the Ecology and Environment Bureau penalises and licenses, in the double-publicity format
 * (shared/src/double-publicity.ts): the synthetic population's records are
 * made from it by `npm run seed`.
 */
export const publicity: PublicityCatalogue = {
  authoritySuffix: '生态环境局',
  countyBranches: false,
  numberAbbr: '环',
  legalBasis:
    '《国务院办公厅关于运用大数据加强对市场主体服务和监管的若干意见》(国办发〔2015〕51号, 行政许可和行政处罚信息“双公示”); 《绵阳市人民政府办公室关于印发加强个人诚信体系建设实施方案的通知》(绵府办发〔2018〕32号)',
  penalties: [
    {
      category: 'ENVIRONMENTAL_VIOLATION',
      share: 0.004,
      violationType: '超标排放大气污染物',
      facts: ['当事人经营的汽车维修店喷漆作业未在密闭空间进行, 挥发性有机物无组织排放。', '当事人经营的烧烤店油烟未经净化直接排放。'],
      penaltyBasis: '《中华人民共和国大气污染防治法》第一百零八条',
      penaltyTypes: ['FINE'],
      fineYuan: [5000, 50000],
    },
    {
      category: 'ENVIRONMENTAL_VIOLATION',
      share: 0.001,
      violationType: '噪声污染',
      facts: ['当事人在居民区夜间进行产生噪声的施工作业, 未取得证明。'],
      penaltyBasis: '《中华人民共和国噪声污染防治法》第七十七条',
      penaltyTypes: ['FINE'],
      fineYuan: [2000, 20000],
    },
    {
      category: 'SERIOUS_ENVIRONMENTAL_VIOLATION',
      share: 0.0003,
      violationType: '非法倾倒危险废物',
      facts: ['当事人将废机油等危险废物非法倾倒于河道旁, 造成土壤污染。'],
      penaltyBasis: '《中华人民共和国固体废物污染环境防治法》第一百一十二条',
      penaltyTypes: ['FINE', 'OTHER'],
      fineYuan: [100000, 500000],
    },
    {
      category: 'ENVIRONMENTAL_ASSESSMENT_FRAUD',
      share: 0.0002,
      violationType: '环境影响报告书存在严重质量问题',
      facts: ['当事人作为编制主持人, 编制的环境影响报告书基础资料明显不实, 内容存在重大缺陷。'],
      penaltyBasis: '《中华人民共和国环境影响评价法》第三十二条',
      penaltyTypes: ['FINE', 'EMPLOYMENT_RESTRICTED'],
      fineYuan: [20000, 100000],
      minAge: 25,
    },
  ],
  licences: [
    {
      certificateName: '排污许可证',
      licenceCategory: 'GENERAL',
      content: '排放大气污染物、水污染物',
      share: 0.003,
      validYears: 5,
      numberPrefix: '91510700',
    },
    {
      certificateName: '危险废物经营许可证',
      licenceCategory: 'GENERAL',
      content: '收集、贮存废矿物油',
      share: 0.0002,
      validYears: 5,
      numberPrefix: '川环危',
    },
    {
      certificateName: '固定污染源排污登记回执',
      licenceCategory: 'REGISTRATION',
      content: '排污登记: 餐饮油烟、汽车维修',
      share: 0.005,
      validYears: 5,
      numberPrefix: '92510700',
    },
    {
      certificateName: '环境影响评价工程师登记证书',
      licenceCategory: 'RECOGNITION',
      content: '环境影响评价: 社会区域类',
      share: 0.0003,
      validYears: null,
      numberPrefix: 'HP5107',
      minAge: 24,
    },
  ],
};
