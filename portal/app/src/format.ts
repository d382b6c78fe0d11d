import { DEPARTMENTS } from './generated/departments';
import type { Language } from './i18n';

/** A department's name in the portal's language (its code when the registry does not know it). */
export function departmentName(code: string, language: Language): string {
  const department = DEPARTMENTS.find((d) => d.code === code);
  return department ? department[language] : code;
}

/** A date of the API (`YYYY-MM-DD`, or a timestamp) as the portal shows it: 2026年3月5日 or 5 Mar 2026. */
export function formatDate(value: string, language: Language): string {
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'Asia/Shanghai' }).format(
    date,
  );
}

/** A moment of the API (an ISO timestamp) with its time of day, in the city's time zone. */
export function formatDateTime(value: string, language: Language): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(date);
}
