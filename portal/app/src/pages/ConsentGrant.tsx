import { useContext, useEffect, useId, useState, type FormEvent } from 'react';

import { request } from '../api';
import { ErrorMessage } from '../ErrorMessage';
import { graphql } from '../generated/gql';
import type { ConsentPurpose } from '../generated/gql/graphql';
import { LanguageContext, useT, type MessageKey } from '../i18n';
import { useCatalogue } from '../useCatalogue';

const INSTITUTION = graphql(`
  query InstitutionByCode($id: String!) {
    institution(id: $id) {
      id
      name
    }
  }
`);

const GRANT_CONSENT = graphql(`
  mutation GrantConsent($input: GrantConsentInput!) {
    grantConsent(input: $input) {
      id
      status
    }
  }
`);

const PURPOSES: readonly ConsentPurpose[] = [
  'LOAN',
  'CREDIT_CARD',
  'EMPLOYMENT_SCREENING',
  'TENANCY',
  'LICENSING',
  'INSURANCE',
  'GUARANTEE',
  'SPECIAL_INDUSTRY_EMPLOYMENT',
  'COMPANY_OFFICE_APPOINTMENT',
  'OUTBOUND_TOUR',
];
const SOCIAL_CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** A date `days` after today in the city, as the API's Date. */
function daysFromToday(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Granting a consent to an institution (MISSION rule 3): which registered
 * institution (its name is looked up from the code before anything is
 * granted), for which purpose, which of the policy's field groups, until
 * when. A retried grant carries the same idempotency key, so a double click
 * cannot grant twice.
 */
export function ConsentGrant({ onGranted }: { onGranted: () => void }) {
  const t = useT();
  const language = useContext(LanguageContext);
  const id = useId();
  const catalogue = useCatalogue();
  const [code, setCode] = useState('');
  const [institution, setInstitution] = useState<{ code: string; name: string | null } | null>(null);
  const [purpose, setPurpose] = useState<ConsentPurpose>('LOAN');
  const [scopes, setScopes] = useState<string[]>([]);
  const [validUntil, setValidUntil] = useState(daysFromToday(90));
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [granted, setGranted] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const normalised = code.trim().toUpperCase();
  useEffect(() => {
    if (!SOCIAL_CREDIT_CODE.test(normalised)) return;
    let current = true;
    request(INSTITUTION, { id: normalised }).then(
      (data) => current && setInstitution({ code: normalised, name: data.institution?.name ?? null }),
      (err: unknown) => current && setError(err),
    );
    return () => void (current = false);
  }, [normalised]);
  const known = institution?.code === normalised ? institution : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setGranted(false);
    setError(null);
    const problemFound: MessageKey | null = !SOCIAL_CREDIT_CODE.test(normalised)
      ? 'institutionCodeFormat'
      : known && known.name === null
        ? 'institutionNotRegistered'
        : scopes.length === 0
          ? 'scopesRequired'
          : null;
    setProblem(problemFound);
    if (problemFound) return;
    try {
      await request(GRANT_CONSENT, { input: { granteeInstitutionId: normalised, purpose, scopes, validUntil, idempotencyKey } });
      setGranted(true);
      setIdempotencyKey(crypto.randomUUID());
      setScopes([]);
      onGranted();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('grantConsentTitle')}</h2>
      <p>{t('grantConsentIntro')}</p>
      <form className="search-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-institution`}>{t('institutionCodeLabel')}</label>
          <input
            id={`${id}-institution`}
            value={code}
            maxLength={18}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setCode(e.target.value)}
            aria-describedby={`${id}-institution-name`}
          />
          <p id={`${id}-institution-name`} className="meta" aria-live="polite">
            {known && (known.name ?? t('institutionNotRegistered'))}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-purpose`}>{t('purpose')}</label>
          <select id={`${id}-purpose`} value={purpose} onChange={(e) => setPurpose(e.target.value as ConsentPurpose)}>
            {PURPOSES.map((p) => (
              <option key={p} value={p}>
                {t(`purpose${p}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field scopes">
          <legend>{t('scopesLabel')}</legend>
          {catalogue?.consentScopes.map((s) => (
            <label key={s.group} className="scope">
              <input
                type="checkbox"
                checked={scopes.includes(s.group)}
                onChange={(e) => setScopes(e.target.checked ? [...scopes, s.group] : scopes.filter((g) => g !== s.group))}
              />
              {language === 'zh' ? s.labelZh : s.labelEn}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-until`}>{t('validUntilLabel')}</label>
          <input id={`${id}-until`} type="date" value={validUntil} min={daysFromToday(0)} onChange={(e) => setValidUntil(e.target.value)} />
        </div>
        <button type="submit">{t('grantConsentButton')}</button>
        <div aria-live="polite">
          {problem && <p className="problem">{t(problem)}</p>}
          {granted && <p>{t('consentGranted')}</p>}
          {error !== null && <ErrorMessage error={error} />}
        </div>
      </form>
    </section>
  );
}
