import type { PublicityCatalogue } from '@credit/shared';

/**
 * What the Transport Bureau penalises and licenses, in the double-publicity format
 * (shared/src/double-publicity.ts): the synthetic population's records are
 * made from it by `npm run seed`.
 */
export const publicity: PublicityCatalogue = {
  authoritySuffix: '交通运输局',
  countyBranches: true,
  numberAbbr: '交',
  legalBasis:
    '《国务院办公厅关于运用大数据加强对市场主体服务和监管的若干意见》(国办发〔2015〕51号, 行政许可和行政处罚信息“双公示”); 《绵阳市人民政府办公室关于印发加强个人诚信体系建设实施方案的通知》(绵府办发〔2018〕32号)',
  penalties: [
    {
      category: 'ROAD_TRANSPORT_VIOLATION',
      share: 0.004,
      violationType: '未取得道路运输经营许可擅自从事道路客运经营',
      facts: ['当事人驾驶私家车通过网络招揽乘客从事非法营运。'],
      penaltyBasis: '《中华人民共和国道路运输条例》第六十三条',
      penaltyTypes: ['FINE', 'CONFISCATION'],
      fineYuan: [5000, 30000],
      confiscatedYuan: [100, 2000],
    },
    {
      category: 'ROAD_TRANSPORT_VIOLATION',
      share: 0.002,
      violationType: '未取得网约车驾驶员证从事网约车经营',
      facts: ['当事人未取得网络预约出租汽车驾驶员证, 通过平台承接网约车订单。'],
      penaltyBasis: '《网络预约出租汽车经营服务管理暂行办法》第三十四条',
      penaltyTypes: ['WARNING', 'FINE'],
      fineYuan: [1000, 10000],
    },
    {
      category: 'SERIOUS_TRANSPORT_DISHONESTY',
      share: 0.02,
      violationType: '道路运输从业人员造成重大以上责任事故',
      facts: ['当事人驾驶营运客车超速行驶, 发生重大道路交通事故, 负主要责任。'],
      penaltyBasis: '《道路运输从业人员管理规定》第四十六条',
      penaltyTypes: ['LICENCE_REVOKED', 'EMPLOYMENT_RESTRICTED'],
      licenceAffected: '道路运输从业资格证',
      minAge: 21,
      requiresLicence: '道路运输从业资格证',
    },
  ],
  licences: [
    {
      certificateName: '道路运输从业资格证',
      licenceCategory: 'RECOGNITION',
      content: '经营性道路旅客运输驾驶员',
      share: 0.01,
      validYears: 6,
      numberPrefix: '5107',
      minAge: 21,
    },
    {
      certificateName: '网络预约出租汽车驾驶员证',
      licenceCategory: 'RECOGNITION',
      content: '网络预约出租汽车驾驶员',
      share: 0.006,
      validYears: 6,
      numberPrefix: '5107WY',
      minAge: 21,
    },
  ],
};
