import { useContext, useEffect, useState } from 'react';

import { request } from '../api';
import { ErrorMessage } from '../ErrorMessage';
import { formatDateTime } from '../format';
import { graphql } from '../generated/gql';
import type { IssueCreditReportMutation } from '../generated/gql/graphql';
import { LanguageContext, useT } from '../i18n';
import { base64Bytes } from '../report-file';

const ISSUE_CREDIT_REPORT = graphql(`
  mutation IssueCreditReport {
    issueCreditReport {
      number
      issuedAt
      verificationCode
      pdfBase64
      fileName
    }
  }
`);

type Issued = IssueCreditReportMutation['issueCreditReport'];

/** Saves bytes as a file through a link the browser downloads. */
function save(url: string, fileName: string) {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * Downloading the signed-in person's credit report: the platform issues a
 * numbered, signed PDF, saved at once; its number and verification code are
 * shown, since whoever receives the report needs the code to verify it.
 * The reports issued before are listed (the log of their issue).
 */
export function ReportDownload({ issuedBefore, onIssued }: { issuedBefore: readonly { number: string; issuedAt: string }[]; onIssued: () => void }) {
  const t = useT();
  const language = useContext(LanguageContext);
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<{ report: Omit<Issued, 'pdfBase64'>; url: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => () => void (issued && URL.revokeObjectURL(issued.url)), [issued]);

  async function issue() {
    setBusy(true);
    setError(null);
    try {
      const { pdfBase64, ...report } = (await request(ISSUE_CREDIT_REPORT, {})).issueCreditReport;
      const url = URL.createObjectURL(new Blob([base64Bytes(pdfBase64)], { type: 'application/pdf' }));
      setIssued({ report, url });
      save(url, report.fileName);
      onIssued();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="download">
      <h2 id="download">{t('downloadTitle')}</h2>
      <p>{t('downloadIntro')}</p>
      <button type="button" onClick={() => void issue()} disabled={busy}>
        {t('downloadButton')}
      </button>
      <div aria-live="polite" aria-busy={busy}>
        {busy && <p>{t('issuing')}</p>}
        {issued && (
          <p className="issued-report">
            {t('issuedReport', {
              number: issued.report.number,
              issuedAt: formatDateTime(issued.report.issuedAt, language),
              code: issued.report.verificationCode,
            })}{' '}
            <a href={issued.url} download={issued.report.fileName}>
              {t('saveAgain')}
            </a>
          </p>
        )}
        {error !== null && <ErrorMessage error={error} />}
      </div>
      {issuedBefore.length > 0 && (
        <>
          <h3>{t('issuedReportsTitle')}</h3>
          <ul>
            {issuedBefore.map((r) => (
              <li key={r.number}>
                {r.number} · {formatDateTime(r.issuedAt, language)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
