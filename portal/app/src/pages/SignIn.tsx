import { useEffect, useId, useState, type FormEvent } from 'react';

import { developmentSignIn, portalConfig, type PortalConfig } from '../api';
import { ErrorMessage } from '../ErrorMessage';
import { useT } from '../i18n';
import { startOidcSignIn } from '../oidc';
import { useSession } from '../session';

/**
 * Signing in: at the city's identity service (OpenID Connect), whose
 * tokens the gateway verifies; on a development portal without one, by
 * citizen ID alone.
 */
export function SignIn() {
  const t = useT();
  const id = useId();
  const { setSession } = useSession();
  const [config, setConfig] = useState<PortalConfig | null>(null);
  const mode = config?.signIn ?? null;
  const [citizenId, setCitizenId] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    portalConfig().then(
      (c) => setConfig(c),
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
      {mode === 'oidc' && config?.oidc && (
        <p>
          <button type="button" onClick={() => void startOidcSignIn(config.oidc!).catch(setError)}>
            {t('oidcSignInButton')}
          </button>
        </p>
      )}
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
