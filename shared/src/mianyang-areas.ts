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

/** Name of an area code, prefixed with the city for Mianyang codes. */
export function areaName(areaCode: string): string | null {
  const county = MIANYANG_AREAS[areaCode];
  return county ? `四川省绵阳市${county}` : null;
}
