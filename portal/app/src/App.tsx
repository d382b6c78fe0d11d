import { useEffect, useRef, useState } from 'react';

import { currentSession, portalConfig, saveSession, SESSION_ENDED, type Session } from './api';
import { ErrorMessage } from './ErrorMessage';
import { initialLanguage, LanguageContext, translate, type Language } from './i18n';
import { completeOidcSignIn, isOidcReturn } from './oidc';
import { Cases } from './pages/Cases';
import { Feed } from './pages/Feed';
import { HonourRoll } from './pages/HonourRoll';
import { MyReport } from './pages/MyReport';
import { ReportDishonesty } from './pages/ReportDishonesty';
import { Rules } from './pages/Rules';
import { Search } from './pages/Search';
import { SignIn } from './pages/SignIn';
import { VerifyReport } from './pages/VerifyReport';
import { routeOf, ROUTES, type RoutePath } from './routes';
import { SessionContext } from './session';

const LANGUAGE_KEY = 'portal.language';

function useRoute(): RoutePath {
  const [route, setRoute] = useState(() => routeOf(window.location.hash));
  useEffect(() => {
    const changed = () => setRoute(routeOf(window.location.hash));
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return route;
}

export function App() {
  const [language, setLanguage] = useState<Language>(() => initialLanguage(localStorage.getItem(LANGUAGE_KEY)));
  const route = useRoute();
  const [session, setSessionState] = useState<Session | null>(() => currentSession());
  const setSession = (next: Session | null) => {
    saveSession(next);
    setSessionState(next);
  };
  // Back from the identity service: the code becomes the tab's session.
  const [signInError, setSignInError] = useState<unknown>(null);
  useEffect(() => {
    if (!isOidcReturn()) return;
    portalConfig()
      .then((c) => {
        if (!c.oidc) throw new Error('the portal has no identity service configured');
        return completeOidcSignIn(c.oidc);
      })
      .then(
        (signedIn) => {
          setSession(signedIn);
          window.location.hash = '#/me';
        },
        (err: unknown) => {
          window.history.replaceState(null, '', window.location.pathname);
          window.location.hash = '#/sign-in';
          setSignInError(err);
        },
      );
  }, []);
  useEffect(() => {
    const ended = () => setSessionState(null);
    window.addEventListener(SESSION_ENDED, ended);
    return () => window.removeEventListener(SESSION_ENDED, ended);
  }, []);
  const heading = useRef<HTMLHeadingElement>(null);
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  const title = t(ROUTES.find((r) => r.path === route)!.title);

  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    localStorage.setItem(LANGUAGE_KEY, language);
  }, [language]);
  // A screen reader hears the new page: the title changes and focus moves to its heading.
  const first = useRef(true);
  useEffect(() => {
    document.title = `${title} - ${t('siteName')}`;
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [route, title]);

  return (
    <LanguageContext.Provider value={language}>
      <SessionContext.Provider value={{ session, setSession }}>
        <a className="skip-link" href="#main" onClick={(e) => (e.preventDefault(), heading.current?.focus())}>
          {t('skipToContent')}
        </a>
        <header className="site-header">
          <div className="brand">
            <span className="site-name">{t('siteName')}</span>
            <span className="site-tagline">{t('siteTagline')}</span>
          </div>
          <div className="header-account">
            {session && (
              <>
                <span className="signed-in">
                  {translate(language, 'signedInAs', { id: `${session.subject.slice(0, 6)}********${session.subject.slice(-4)}` })}
                </span>
                <button
                  type="button"
                  className="language-switch"
                  onClick={() => {
                    setSession(null);
                    window.location.hash = '#/search';
                  }}
                >
                  {t('signOut')}
                </button>
              </>
            )}
            <button
              type="button"
              className="language-switch"
              lang={language === 'zh' ? 'en' : 'zh-CN'}
              aria-label={t('switchLanguageLabel')}
              onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}
            >
              {t('switchLanguage')}
            </button>
          </div>
        </header>
        <nav aria-label={t('mainNavigation')} className="site-nav">
          <ul>
            {ROUTES.filter((r) => r.shown === 'always' || (r.shown === 'signedIn') === (session !== null)).map((r) => (
              <li key={r.path}>
                <a href={`#${r.path}`} aria-current={r.path === route ? 'page' : undefined}>
                  {t(r.title)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main">
          <h1 ref={heading} tabIndex={-1}>
            {title}
          </h1>
          {signInError !== null && <ErrorMessage error={signInError} />}
          {route === '/search' && <Search />}
          {route === '/penalties' && <Feed kind="PENALTY" />}
          {route === '/licences' && <Feed kind="LICENCE" />}
          {route === '/honour-roll' && <HonourRoll />}
          {route === '/cases' && <Cases />}
          {route === '/rules' && <Rules />}
          {route === '/verify' && <VerifyReport />}
          {route === '/report' && <ReportDishonesty />}
          {route === '/sign-in' && <SignIn />}
          {route === '/me' && <MyReport />}
        </main>
      </SessionContext.Provider>
    </LanguageContext.Provider>
  );
}
