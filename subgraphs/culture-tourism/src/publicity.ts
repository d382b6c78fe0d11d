import type { PublicityCatalogue } from '@credit/shared';

/**
 * What the Culture, Radio, Television and Tourism Bureau penalises and licenses, in the double-publicity format
 * (shared/src/double-publicity.ts): the synthetic population's records are
 * made from it by `npm run seed`.
 */
export const publicity: PublicityCatalogue = {
  authoritySuffix: '文化广播电视和旅游局',
  countyBranches: true,
  numberAbbr: '文旅',
  legalBasis:
    '《国务院办公厅关于运用大数据加强对市场主体服务和监管的若干意见》(国办发〔2015〕51号, 行政许可和行政处罚信息“双公示”); 《绵阳市人民政府办公室关于印发加强个人诚信体系建设实施方案的通知》(绵府办发〔2018〕32号)',
  penalties: [
    {
      category: 'TOUR_GUIDE_MISCONDUCT',
      share: 0.15,
      violationType: '导游诱导、欺骗、强迫旅游者购物',
      facts: ['当事人在带团过程中以不购物不离店等方式强迫旅游者购物。'],
      penaltyBasis: '《中华人民共和国旅游法》第九十八条',
      penaltyTypes: ['FINE', 'LICENCE_SUSPENDED'],
      fineYuan: [2000, 20000],
      licenceAffected: '导游证',
      requiresLicence: '导游证',
    },
    {
      category: 'TOURISM_SERVICE_VIOLATION',
      share: 0.001,
      violationType: '未经许可经营旅行社业务',
      facts: ['当事人未取得旅行社业务经营许可, 通过社交软件招揽游客组织跨省旅游。'],
      penaltyBasis: '《中华人民共和国旅游法》第九十五条',
      penaltyTypes: ['FINE', 'CONFISCATION'],
      fineYuan: [10000, 100000],
      confiscatedYuan: [1000, 20000],
    },
    {
      category: 'SERIOUS_TOURISM_DISHONESTY',
      share: 0.0002,
      violationType: '拒不履行旅游合同造成严重后果',
      facts: ['当事人组织的旅游团在行程中途被甩团, 造成旅游者滞留, 社会影响恶劣。'],
      penaltyBasis: '《中华人民共和国旅游法》第一百条',
      penaltyTypes: ['FINE', 'LICENCE_REVOKED'],
      fineYuan: [30000, 300000],
      licenceAffected: '旅行社业务经营许可证',
    },
    {
      category: 'ENTERTAINMENT_VENUE_VIOLATION',
      share: 0.001,
      violationType: '娱乐场所超时营业、接纳未成年人',
      facts: ['当事人经营的歌舞娱乐场所在法定时间外营业并接纳未成年人。'],
      penaltyBasis: '《娱乐场所管理条例》第四十八条',
      penaltyTypes: ['WARNING', 'FINE'],
      fineYuan: [5000, 20000],
    },
  ],
  licences: [
    {
      certificateName: '导游证',
      licenceCategory: 'RECOGNITION',
      content: '导游执业',
      share: 0.005,
      validYears: 3,
      numberPrefix: 'D-5107-',
    },
    {
      certificateName: '演出经纪人员资格证书',
      licenceCategory: 'RECOGNITION',
      content: '演出经纪',
      share: 0.002,
      validYears: null,
      numberPrefix: 'YCJJ5107',
    },
    {
      certificateName: '娱乐经营许可证',
      licenceCategory: 'GENERAL',
      content: '歌舞娱乐场所',
      share: 0.0008,
      validYears: 2,
      numberPrefix: '510700',
    },
    {
      certificateName: '旅行社业务经营许可证',
      licenceCategory: 'GENERAL',
      content: '国内旅游业务、入境旅游业务',
      share: 0.0004,
      validYears: null,
      numberPrefix: 'L-SC-',
    },
    {
      certificateName: '新闻记者证',
      licenceCategory: 'RECOGNITION',
      content: '广播电视新闻采编',
      share: 0.0005,
      validYears: 5,
      numberPrefix: 'G51',
      minAge: 22,
    },
  ],
};
