import { useContext, useId, useState, type FormEvent } from 'react';

import { request } from '../api';
import { ErrorMessage } from '../ErrorMessage';
import { departmentName, formatDate, formatDateTime } from '../format';
import { graphql } from '../generated/gql';
import type { ReportDishonestyMutation, ReportStatusFieldsFragment } from '../generated/gql/graphql';
import { LanguageContext, useT, type MessageKey } from '../i18n';
import { isCitizenIdShape } from '../search-input';
import { useCatalogue } from '../useCatalogue';

// What the reporter sees of a report, on receipt and when following it.
graphql(`
  fragment ReportStatusFields on DishonestyReportStatus {
    state
    bureau
    receivedAt
    dueOn
    decidedAt
  }
`);

const REPORT_DISHONESTY = graphql(`
  mutation ReportDishonesty($report: DishonestyReportInput!) {
    reportDishonesty(report: $report) {
      receipt
      status {
        ...ReportStatusFields
      }
    }
  }
`);

const DISHONESTY_REPORT_STATUS = graphql(`
  query DishonestyReportStatus($receipt: String!) {
    dishonestyReportStatus(receipt: $receipt) {
      ...ReportStatusFields
    }
  }
`);

type Status = ReportStatusFieldsFragment;
type Receipt = ReportDishonestyMutation['reportDishonesty'];

/** Where a report stands, in the portal's language: no one's data, only the department and the dates. */
function StatusText({ status }: { status: Status }) {
  const t = useT();
  const language = useContext(LanguageContext);
  return (
    <dl className="report-status">
      <dt>{t('reportStateLabel')}</dt>
      <dd>{t(`reportState${status.state}` as MessageKey)}</dd>
      <dt>{t('reportDepartmentLabel')}</dt>
      <dd>{departmentName(status.bureau, language)}</dd>
      <dt>{t('reportReceivedLabel')}</dt>
      <dd>{formatDateTime(status.receivedAt, language)}</dd>
      <dt>{t('reportDueLabel')}</dt>
      <dd>{formatDate(status.dueOn, language)}</dd>
      {status.decidedAt && (
        <>
          <dt>{t('reportDecidedLabel')}</dt>
          <dd>{formatDateTime(status.decidedAt, language)}</dd>
        </>
      )}
    </dl>
  );
}

/**
 * 举报 (seed 二(五)三), for anyone, signed in or not: report a person's
 * dishonest behaviour to the department that records its category, and
 * follow the report by the receipt code shown once. The API limits how
 * many a caller may send a day and says so.
 */
export function ReportDishonesty() {
  const t = useT();
  const language = useContext(LanguageContext);
  const catalogue = useCatalogue();
  const id = useId();
  const [personId, setPersonId] = useState('');
  const [category, setCategory] = useState('');
  const [occurredOn, setOccurredOn] = useState('');
  const [account, setAccount] = useState('');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [error, setError] = useState<unknown>(null);

  const [followCode, setFollowCode] = useState('');
  const [followed, setFollowed] = useState<Status | null | undefined>(undefined);
  const [followError, setFollowError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setReceipt(null);
    setError(null);
    const id = personId.trim().toUpperCase();
    const missing = !id || !category || !occurredOn || !account.trim();
    setProblem(missing ? 'reportFieldsRequired' : !isCitizenIdShape(id) ? 'reportBadId' : null);
    if (missing || !isCitizenIdShape(id)) return;
    setBusy(true);
    try {
      setReceipt((await request(REPORT_DISHONESTY, { report: { personId: id, category, occurredOn, account: account.trim() } })).reportDishonesty);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function follow(event: FormEvent) {
    event.preventDefault();
    setFollowed(undefined);
    setFollowError(null);
    if (!followCode.trim()) return;
    try {
      setFollowed((await request(DISHONESTY_REPORT_STATUS, { receipt: followCode.trim() })).dishonestyReportStatus ?? null);
    } catch (err) {
      setFollowError(err);
    }
  }

  return (
    <>
      <p>{t('reportPageIntro')}</p>
      <form className="search-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-person`}>{t('reportPersonLabel')}</label>
          <input
            id={`${id}-person`}
            value={personId}
            onChange={(e) => setPersonId(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problem === 'reportBadId' || undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-category`}>{t('reportCategoryLabel')}</label>
          <select id={`${id}-category`} value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('reportCategoryChoose')}</option>
            {(catalogue?.categories ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {language === 'zh' ? c.labelZh : c.labelEn} · {departmentName(c.bureau, language)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('reportOccurredLabel')}</label>
          <input id={`${id}-date`} type="date" value={occurredOn} onChange={(e) => setOccurredOn(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-account`}>{t('reportAccountLabel')}</label>
          <textarea id={`${id}-account`} value={account} onChange={(e) => setAccount(e.target.value)} rows={5} />
        </div>
        <button type="submit" disabled={busy}>
          {t('reportSubmit')}
        </button>
      </form>
      <section aria-live="polite" aria-busy={busy} className="results">
        {problem && <p className="problem">{t(problem)}</p>}
        {receipt && (
          <div className="receipt">
            <p>{t('reportReceived')}</p>
            <p>
              {t('reportReceiptLabel')} <code className="receipt-code">{receipt.receipt}</code>
            </p>
            <StatusText status={receipt.status} />
          </div>
        )}
        {error !== null && <ErrorMessage error={error} />}
      </section>

      <h2>{t('reportFollowTitle')}</h2>
      <form className="search-form" onSubmit={follow} noValidate>
        <div className="field">
          <label htmlFor={`${id}-receipt`}>{t('reportReceiptLabel')}</label>
          <input id={`${id}-receipt`} value={followCode} onChange={(e) => setFollowCode(e.target.value)} autoComplete="off" spellCheck={false} />
        </div>
        <button type="submit">{t('reportFollowButton')}</button>
      </form>
      <section aria-live="polite" className="results">
        {followed === null && <p>{t('reportUnknownReceipt')}</p>}
        {followed && <StatusText status={followed} />}
        {followError !== null && <ErrorMessage error={followError} />}
      </section>
    </>
  );
}
