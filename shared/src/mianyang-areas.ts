/** County-level divisions of Mianyang (GB/T 2260) used in registered residences. */
export const MIANYANG_AREAS: Readonly<Record<string, string>> = Object.freeze({
  '510703': '涪城区',
  '510704': '游仙区',
  '510705': '安州区',
  '510722': '三台县',
  '510723': '盐亭县',
  '510725': '梓潼县',
  '510726': '北川羌族自治县',
  '510727': '平武县',
  '510781': '江油市',
});

/**
 * Areas outside Mianyang where people who live in the city on a residence
 * permit (外来人口, seed 二(四)一) are registered, by their full names: the
 * synthetic population draws its migrants' household registrations from
 * these.
 */
export const MIGRANT_ORIGIN_AREAS: Readonly<Record<string, string>> = Object.freeze({
  '510104': '四川省成都市锦江区',
  '510603': '四川省德阳市旌阳区',
  '510802': '四川省广元市利州区',
  '511302': '四川省南充市顺庆区',
  '500101': '重庆市万州区',
  '411502': '河南省信阳市浉河区',
});

/** Whether an area code is one of Mianyang's counties. */
export function isMianyangArea(areaCode: string): boolean {
  return areaCode in MIANYANG_AREAS;
}

/** Name of an area code, prefixed with the city for Mianyang codes. */
export function areaName(areaCode: string): string | null {
  const county = MIANYANG_AREAS[areaCode];
  return county ? `四川省绵阳市${county}` : (MIGRANT_ORIGIN_AREAS[areaCode] ?? null);
}
