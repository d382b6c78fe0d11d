import type { MessageKey } from './i18n';

/** The portal's pages, addressed by the URL's hash (`#/penalties`) so that a static server serves every one. */
export const ROUTES = [
  { path: '/search', title: 'navSearch', shown: 'always' },
  { path: '/penalties', title: 'navPenalties', shown: 'always' },
  { path: '/licences', title: 'navLicences', shown: 'always' },
  { path: '/honour-roll', title: 'navHonourRoll', shown: 'always' },
  { path: '/cases', title: 'navCases', shown: 'always' },
  { path: '/rules', title: 'navRules', shown: 'always' },
  { path: '/verify', title: 'navVerify', shown: 'always' },
  { path: '/report', title: 'navReport', shown: 'always' },
  // The person's own pages: listed once signed in; the sign-in page until then.
  { path: '/me', title: 'navMyReport', shown: 'signedIn' },
  { path: '/sign-in', title: 'navSignIn', shown: 'signedOut' },
] as const satisfies readonly { path: string; title: MessageKey; shown: 'always' | 'signedIn' | 'signedOut' }[];

export type RoutePath = (typeof ROUTES)[number]['path'];

/** The page a hash addresses; the search for an empty or unknown one. */
export function routeOf(hash: string): RoutePath {
  const path = hash.replace(/^#/, '').split('?')[0] || '/search';
  return ROUTES.find((r) => r.path === path)?.path ?? '/search';
}
