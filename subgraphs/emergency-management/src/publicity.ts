import type { PublicityCatalogue } from '@credit/shared';

/**
 * What the Emergency Management Bureau penalises and licenses, in the double-publicity format
 * (shared/src/double-publicity.ts): the synthetic population's records are
 * made from it by `npm run seed`.
 */
export const publicity: PublicityCatalogue = {
  authoritySuffix: '应急管理局',
  countyBranches: true,
  numberAbbr: '应急',
  legalBasis:
    '《国务院办公厅关于运用大数据加强对市场主体服务和监管的若干意见》(国办发〔2015〕51号, 行政许可和行政处罚信息“双公示”); 《绵阳市人民政府办公室关于印发加强个人诚信体系建设实施方案的通知》(绵府办发〔2018〕32号)',
  penalties: [
    {
      category: 'WORK_SAFETY_VIOLATION',
      share: 0.002,
      violationType: '特种作业人员未按规定取得相应资格上岗作业',
      facts: ['当事人经营的加工厂安排未取得特种作业操作证的人员从事电焊作业。'],
      penaltyBasis: '《中华人民共和国安全生产法》第九十七条',
      penaltyTypes: ['FINE'],
      fineYuan: [10000, 100000],
    },
    {
      category: 'SERIOUS_WORK_SAFETY_VIOLATION',
      share: 0.0002,
      violationType: '对生产安全事故负有责任',
      facts: ['当事人作为企业主要负责人未履行安全生产管理职责, 导致发生一般生产安全事故, 造成一人死亡。'],
      penaltyBasis: '《中华人民共和国安全生产法》第九十五条',
      penaltyTypes: ['FINE', 'EMPLOYMENT_RESTRICTED'],
      fineYuan: [50000, 200000],
      minAge: 25,
    },
    {
      category: 'FIRE_SAFETY_VIOLATION',
      share: 0.003,
      violationType: '占用、堵塞、封闭疏散通道、安全出口',
      facts: ['当事人经营的超市在安全出口处堆放货物, 堵塞疏散通道。', '当事人在居民楼楼道内为电动自行车充电。'],
      penaltyBasis: '《中华人民共和国消防法》第六十条',
      penaltyTypes: ['FINE'],
      fineYuan: [500, 50000],
      authoritySuffix: '消防救援支队',
      countyBranches: false,
    },
    {
      category: 'SERIOUS_FIRE_SAFETY_VIOLATION',
      share: 0.0002,
      violationType: '过失引起火灾',
      facts: ['当事人违规使用大功率电器引发火灾, 造成重大财产损失。'],
      penaltyBasis: '《中华人民共和国消防法》第六十四条',
      penaltyTypes: ['FINE', 'DETENTION'],
      fineYuan: [500, 5000],
      authoritySuffix: '消防救援支队',
      countyBranches: false,
    },
  ],
  licences: [
    {
      certificateName: '特种作业操作证',
      licenceCategory: 'RECOGNITION',
      content: '焊接与热切割作业: 熔化焊接与热切割',
      share: 0.006,
      validYears: 6,
      numberPrefix: 'T5107',
    },
    {
      certificateName: '烟花爆竹经营(零售)许可证',
      licenceCategory: 'GENERAL',
      content: '烟花爆竹零售',
      share: 0.0008,
      validYears: 3,
      numberPrefix: '(川)YH零售',
    },
    {
      certificateName: '注册消防工程师注册证',
      licenceCategory: 'RECOGNITION',
      content: '一级注册消防工程师执业',
      share: 0.0005,
      validYears: 3,
      numberPrefix: 'XF51',
      minAge: 24,
    },
    {
      certificateName: '注册安全工程师注册证书',
      licenceCategory: 'RECOGNITION',
      content: '注册安全工程师执业: 其他安全',
      share: 0.0008,
      validYears: 5,
      numberPrefix: 'AQ51',
      minAge: 24,
    },
  ],
};
