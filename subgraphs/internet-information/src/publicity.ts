import type { PublicityCatalogue } from '@credit/shared';

/**
 * What the Cyberspace Administration Office penalises and licenses, in the double-publicity format
 * (shared/src/double-publicity.ts): the synthetic population's records are
 * made from it by `npm run seed`.
 */
export const publicity: PublicityCatalogue = {
  authoritySuffix: '网络安全和信息化委员会办公室',
  countyBranches: false,
  numberAbbr: '网信',
  legalBasis:
    '《国务院办公厅关于运用大数据加强对市场主体服务和监管的若干意见》(国办发〔2015〕51号, 行政许可和行政处罚信息“双公示”); 《绵阳市人民政府办公室关于印发加强个人诚信体系建设实施方案的通知》(绵府办发〔2018〕32号)',
  penalties: [
    {
      category: 'INTERNET_INFORMATION_VIOLATION',
      share: 0.002,
      violationType: '未取得许可从事互联网新闻信息服务',
      facts: ['当事人运营的自媒体账号未取得许可, 转载发布时政类新闻信息。', '当事人运营的网络直播账号发布低俗信息, 经约谈后拒不改正。'],
      penaltyBasis: '《互联网新闻信息服务管理规定》第二十二条',
      penaltyTypes: ['WARNING', 'FINE'],
      fineYuan: [10000, 30000],
    },
    {
      category: 'SERIOUS_INTERNET_DISHONESTY',
      share: 0.0003,
      violationType: '利用网络编造、传播虚假信息',
      facts: ['当事人通过多个自媒体账号编造并传播涉灾虚假信息, 造成恶劣社会影响。'],
      penaltyBasis: '《中华人民共和国网络安全法》第七十条',
      penaltyTypes: ['FINE', 'OTHER'],
      fineYuan: [50000, 200000],
    },
  ],
  licences: [
    {
      certificateName: '互联网信息服务备案',
      licenceCategory: 'REGISTRATION',
      content: '非经营性互联网信息服务(个人网站)',
      share: 0.01,
      validYears: null,
      numberPrefix: '蜀ICP备',
    },
  ],
};
