import type { PublicityCatalogue } from '@credit/shared';

/**
 * What the __label__ penalises and licenses, in the double-publicity format
 * (shared/src/double-publicity.ts): the synthetic population's records are
 * made from it by `npm run seed`. Replace the examples with its own.
 */
export const publicity: PublicityCatalogue = {
  authoritySuffix: '__labelZh__',
  countyBranches: false,
  numberAbbr: '__abbr__',
  legalBasis: '__legalBasis__',
  penalties: [
    {
      category: '__CODE___VIOLATION',
      share: 0.002,
      violationType: '__labelZh__违法行为',
      facts: ['当事人违反有关规定, 经查证属实。'],
      penaltyBasis: '__legalBasis__',
      penaltyTypes: ['WARNING', 'FINE'],
      fineYuan: [1000, 10000],
    },
  ],
  licences: [
    {
      certificateName: '__labelZh__许可证',
      licenceCategory: 'GENERAL',
      content: '__labelZh__许可事项',
      share: 0.002,
      validYears: 5,
      numberPrefix: '5107',
    },
  ],
};
