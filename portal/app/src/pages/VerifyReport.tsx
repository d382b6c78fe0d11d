import { useContext, useId, useState, type FormEvent } from 'react';

import { request } from '../api';
import { ErrorMessage } from '../ErrorMessage';
import { formatDateTime } from '../format';
import { graphql } from '../generated/gql';
import type { VerifyCreditReportQuery } from '../generated/gql/graphql';
import { LanguageContext, useT } from '../i18n';
import { sha256Hex } from '../report-file';

const VERIFY_CREDIT_REPORT = graphql(`
  query VerifyCreditReport($number: String!, $verificationCode: String!, $sha256: String!) {
    verifyCreditReport(number: $number, verificationCode: $verificationCode, sha256: $sha256) {
      verdict
      number
      issuedAt
    }
  }
`);

type Verification = VerifyCreditReportQuery['verifyCreditReport'];

/**
 * Verifying a credit report, for anyone who holds one: the number and code
 * printed on it and the file, hashed here; the platform says whether it
 * issued that report and whether the file is the one it issued.
 */
export function VerifyReport() {
  const t = useT();
  const language = useContext(LanguageContext);
  const id = useId();
  const [number, setNumber] = useState('');
  const [code, setCode] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Verification | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    setError(null);
    setMissing(!number.trim() || !code.trim() || !file);
    if (!number.trim() || !code.trim() || !file) return;
    setBusy(true);
    try {
      const sha256 = await sha256Hex(await file.arrayBuffer());
      setResult((await request(VERIFY_CREDIT_REPORT, { number: number.trim(), verificationCode: code.trim(), sha256 })).verifyCreditReport);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p>{t('verifyIntro')}</p>
      <form className="search-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-number`}>{t('reportNumberLabel')}</label>
          <input id={`${id}-number`} value={number} onChange={(e) => setNumber(e.target.value)} autoComplete="off" spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('verificationCodeLabel')}</label>
          <input id={`${id}-code`} value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('reportFileLabel')}</label>
          <input id={`${id}-file`} type="file" accept="application/pdf,.pdf" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <button type="submit" disabled={busy}>
          {t('verifyButton')}
        </button>
      </form>
      <section aria-live="polite" aria-busy={busy} className="results">
        {busy && <p>{t('verifying')}</p>}
        {missing && <p className="problem">{t('verifyFieldsRequired')}</p>}
        {result && (
          <p className={`verdict verdict-${result.verdict.toLowerCase()}`}>
            {result.verdict === 'GENUINE'
              ? t('verdictGENUINE', { issuedAt: result.issuedAt ? formatDateTime(result.issuedAt, language) : '' })
              : t(result.verdict === 'ALTERED' ? 'verdictALTERED' : 'verdictUNKNOWN')}
          </p>
        )}
        {error !== null && <ErrorMessage error={error} />}
      </section>
    </>
  );
}
