import type { MessageKey } from './i18n';

/** The portal's pages, addressed by the URL's hash (`#/penalties`) so that a static server serves every one. */
export const ROUTES = [
  { path: '/search', title: 'navSearch' },
  { path: '/penalties', title: 'navPenalties' },
  { path: '/licences', title: 'navLicences' },
  { path: '/honour-roll', title: 'navHonourRoll' },
  { path: '/cases', title: 'navCases' },
  { path: '/rules', title: 'navRules' },
] as const satisfies readonly { path: string; title: MessageKey }[];

export type RoutePath = (typeof ROUTES)[number]['path'];

/** The page a hash addresses; the search for an empty or unknown one. */
export function routeOf(hash: string): RoutePath {
  const path = hash.replace(/^#/, '').split('?')[0] || '/search';
  return ROUTES.find((r) => r.path === path)?.path ?? '/search';
}
