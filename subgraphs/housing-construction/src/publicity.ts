import type { PublicityCatalogue } from '@credit/shared';

/**
 * What the Housing and Urban-Rural Development Bureau penalises and licenses, in the double-publicity format
 * (shared/src/double-publicity.ts): the synthetic population's records are
 * made from it by `npm run seed`.
 */
export const publicity: PublicityCatalogue = {
  authoritySuffix: '住房和城乡建设局',
  countyBranches: true,
  numberAbbr: '建',
  legalBasis:
    '《国务院办公厅关于运用大数据加强对市场主体服务和监管的若干意见》(国办发〔2015〕51号, 行政许可和行政处罚信息“双公示”); 《绵阳市人民政府办公室关于印发加强个人诚信体系建设实施方案的通知》(绵府办发〔2018〕32号)',
  penalties: [
    {
      category: 'CONSTRUCTION_VIOLATION',
      share: 0.1,
      violationType: '注册建造师未履行注册执业人员职责',
      facts: ['当事人担任项目负责人期间未按规定到岗履职, 施工现场安全管理缺失。'],
      penaltyBasis: '《注册建造师管理规定》第三十七条',
      penaltyTypes: ['FINE', 'WARNING'],
      fineYuan: [1000, 30000],
      minAge: 25,
      requiresLicence: '二级建造师注册证书',
    },
    {
      category: 'SERIOUS_CONSTRUCTION_VIOLATION',
      share: 0.0002,
      violationType: '转包、违法分包工程',
      facts: ['当事人作为承包单位实际负责人将承包的工程转包给不具备资质的个人。'],
      penaltyBasis: '《建设工程质量管理条例》第六十二条',
      penaltyTypes: ['FINE', 'CONFISCATION', 'QUALIFICATION_LOWERED'],
      fineYuan: [100000, 500000],
      confiscatedYuan: [20000, 200000],
      minAge: 25,
    },
    {
      category: 'REAL_ESTATE_AGENCY_VIOLATION',
      share: 0.001,
      violationType: '房地产经纪人员发布虚假房源信息',
      facts: ['当事人通过网络平台发布虚假房源信息, 诱骗客户签订看房协议。'],
      penaltyBasis: '《房地产经纪管理办法》第三十七条',
      penaltyTypes: ['FINE'],
      fineYuan: [1000, 30000],
    },
  ],
  licences: [
    {
      certificateName: '二级建造师注册证书',
      licenceCategory: 'RECOGNITION',
      content: '建筑工程专业二级注册建造师',
      share: 0.004,
      validYears: 3,
      numberPrefix: '川251',
      minAge: 25,
    },
    {
      certificateName: '建筑施工特种作业操作资格证书',
      licenceCategory: 'RECOGNITION',
      content: '建筑架子工',
      share: 0.005,
      validYears: 2,
      numberPrefix: '川A',
    },
    {
      certificateName: '房地产估价师注册证书',
      licenceCategory: 'RECOGNITION',
      content: '房地产估价',
      share: 0.0005,
      validYears: 3,
      numberPrefix: '5120',
      minAge: 24,
    },
    {
      certificateName: '房地产经纪人协理证书',
      licenceCategory: 'RECOGNITION',
      content: '房地产经纪业务协理',
      share: 0.003,
      validYears: null,
      numberPrefix: 'XL5107',
      minAge: 20,
    },
  ],
};
