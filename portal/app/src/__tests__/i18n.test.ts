import { departmentName, formatDate, formatDateTime } from '../format';
import { DEPARTMENTS } from '../generated/departments';
import { initialLanguage, messageKeys, translate } from '../i18n';
import { routeOf, ROUTES } from '../routes';

describe('the portal in two languages', () => {
  it('has every text in Chinese and in English', () => {
    expect(messageKeys('en').sort()).toEqual(messageKeys('zh').sort());
    for (const key of messageKeys('zh') as Parameters<typeof translate>[1][]) {
      expect(translate('zh', key)).not.toBe('');
      expect(translate('en', key)).not.toBe('');
    }
  });

  it('opens in Chinese unless English was chosen before', () => {
    expect(initialLanguage(null)).toBe('zh');
    expect(initialLanguage('fr')).toBe('zh');
    expect(initialLanguage('en')).toBe('en');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh', 'hitsCount', { count: 3 })).toBe('找到 3 条公示信息');
    expect(translate('en', 'errorRateLimited', {})).toContain('{seconds}');
  });

  it('names every department of the registry in both languages', () => {
    for (const d of DEPARTMENTS) {
      expect(departmentName(d.code, 'zh')).toMatch(/[\u4e00-\u9fff]/);
      expect(departmentName(d.code, 'en')).toMatch(/^[A-Za-z]/);
    }
    expect(departmentName('NO_SUCH', 'zh')).toBe('NO_SUCH');
  });

  it('writes dates the way each language reads them, in the city’s time zone', () => {
    expect(formatDate('2026-03-05', 'zh')).toBe('2026年3月5日');
    expect(formatDate('2026-03-05', 'en')).toBe('5 Mar 2026');
    expect(formatDate('2026-03-04T20:00:00Z', 'zh')).toBe('2026年3月5日');
    expect(formatDateTime('2026-03-04T20:05:00Z', 'en')).toBe('5 Mar 2026, 04:05');
  });

  it('addresses each page by its hash, the search by default', () => {
    for (const r of ROUTES) expect(routeOf(`#${r.path}`)).toBe(r.path);
    expect(routeOf('')).toBe('/search');
    expect(routeOf('#/nowhere')).toBe('/search');
  });
});
