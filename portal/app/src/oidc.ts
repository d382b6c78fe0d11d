import type { UserManager } from 'oidc-client-ts';

import type { PortalConfig, Session } from './api';

/**
 * Signing in at the city's identity service (OpenID Connect, the
 * authorization code flow with PKCE, by oidc-client-ts): the portal sends
 * the person there and back to its root, exchanges the code for tokens in
 * the browser, and keeps the access token — which the gateway verifies
 * against the same service's keys — as the tab's session. Its state lives
 * in sessionStorage like the session itself. The library is loaded only
 * when someone signs in: the public pages do without it.
 */

type OidcSettings = NonNullable<PortalConfig['oidc']>;

async function userManager(oidc: OidcSettings): Promise<UserManager> {
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  return new UserManager({
    authority: oidc.issuer,
    client_id: oidc.clientId,
    redirect_uri: `${window.location.origin}/`,
    response_type: 'code',
    scope: oidc.scope,
    loadUserInfo: false,
    automaticSilentRenew: false,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

/** Sends the person to the identity service to sign in. */
export async function startOidcSignIn(oidc: OidcSettings): Promise<void> {
  await (await userManager(oidc)).signinRedirect();
}

/** Whether this page load is the identity service sending the person back (a code and a state in the query). */
export function isOidcReturn(search: string = window.location.search): boolean {
  const query = new URLSearchParams(search);
  return query.has('state') && (query.has('code') || query.has('error'));
}

/** Completes a sign-in the identity service sent back: the session, its query removed from the address. */
export async function completeOidcSignIn(oidc: OidcSettings): Promise<Session> {
  const user = await (await userManager(oidc)).signinRedirectCallback();
  window.history.replaceState(null, '', window.location.pathname);
  return { token: user.access_token, subject: user.profile.sub.toUpperCase() };
}
