import { useEffect, useId, useState, type FormEvent } from 'react';

import { developmentSignIn, portalConfig } from '../api';
import { ErrorMessage } from '../ErrorMessage';
import { useT } from '../i18n';
import { useSession } from '../session';

/**
 * Signing in. On a development portal, by citizen ID alone; a deployed
 * portal signs in through the city's identity service (OpenID Connect),
 * whose tokens the gateway verifies, and offers no such form.
 */
export function SignIn() {
  const t = useT();
  const id = useId();
  const { setSession } = useSession();
  const [mode, setMode] = useState<'development' | 'none' | null>(null);
  const [citizenId, setCitizenId] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    portalConfig().then(
      (c) => setMode(c.signIn),
      (err: unknown) => setError(err),
    );
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      setSession(await developmentSignIn(citizenId));
      window.location.hash = '#/me';
    } catch (err) {
      setError(err);
    }
  }

  return (
    <>
      <p>{t('signInIntro')}</p>
      {mode === 'none' && <p>{t('signInUnavailable')}</p>}
      {mode === 'development' && (
        <form className="search-form" onSubmit={submit}>
          <h2>{t('devSignInTitle')}</h2>
          <p className="meta">{t('devSignInText')}</p>
          <div className="field">
            <label htmlFor={`${id}-citizenId`}>{t('citizenIdLabel')}</label>
            <input id={`${id}-citizenId`} value={citizenId} onChange={(e) => setCitizenId(e.target.value)} maxLength={18} autoComplete="off" />
          </div>
          <button type="submit">{t('signInButton')}</button>
        </form>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </>
  );
}
