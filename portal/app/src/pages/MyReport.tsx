import { useCallback, useContext, useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';

import { request } from '../api';
import { ErrorMessage } from '../ErrorMessage';
import { departmentName, formatDate, formatDateTime } from '../format';
import { graphql } from '../generated/gql';
import type { Bureau, MyReportQuery } from '../generated/gql/graphql';
import { LanguageContext, useT, type MessageKey } from '../i18n';
import { useSession } from '../session';
import { measureLabel, useCatalogue } from '../useCatalogue';
import { ConsentGrant } from './ConsentGrant';
import { ReportDownload } from './ReportDownload';

const MY_REPORT = graphql(`
  query MyReport($id: CitizenId!) {
    person(id: $id) {
      id
      identity {
        name
        registeredResidence {
          areaName
        }
        populationStatus
        residencePermit {
          validUntil
          valid
          residence {
            areaName
          }
        }
      }
      jointPunishment {
        listed
        categories
        measures
        since
        until
      }
      redList {
        onRedList
        entries {
          id
          title
          awardingBody
          awardedOn
          validUntil
          inForce
        }
      }
      creditEvaluation {
        grade
        score
        evaluatedAt
        factors {
          factor
          effect
          explanation
        }
      }
      administrativePenalties(first: 50) {
        nodes {
          id
          department
          category
          decisionNumber
          decisionDate
          violationType
          penaltyContent
          authority
          underObjection
          displayWindow {
            from
            until
            shown
            endedBy
          }
        }
      }
      dishonestDebtorListings(first: 50) {
        nodes {
          id
          decisionNumber
          decisionDate
          court
          obligation
          underObjection
          displayWindow {
            from
            until
            shown
            endedBy
          }
        }
      }
      objections(first: 20) {
        nodes {
          id
          bureau
          recordId
          reason
          status
          filedAt
          dueOn
          decisionReason
        }
      }
      repairs(first: 20) {
        nodes {
          id
          bureau
          recordId
          correction
          statement
          status
          appliedAt
          dueOn
          decisionReason
        }
      }
      postponements(first: 20) {
        nodes {
          id
          bureau
          requestedUntil
          grantedUntil
          status
          dueOn
          decisionReason
        }
      }
      creditCommitments(first: 20) {
        nodes {
          id
          kind
          receiverName
          content
          signedOn
          until
          status
          brokenOn
        }
      }
      notifications(first: 20) {
        nodes {
          id
          kind
          message
          createdAt
        }
      }
      consents(first: 20) {
        nodes {
          id
          granteeInstitution {
            name
          }
          purpose
          scopes
          validFrom
          validUntil
          status
        }
      }
      creditReports(first: 10) {
        nodes {
          number
          issuedAt
        }
      }
      queryLog(first: 20) {
        nodes {
          id
          sequence
          actorRole
          institution {
            id
            name
          }
          purpose
          outcome
          at
        }
      }
    }
  }
`);

const FILE_COMPLAINT = graphql(`
  mutation FileComplaint($institutionId: String!, $ground: InstitutionMisconductGround!, $reason: String!, $queryLogSequence: String) {
    fileComplaint(institutionId: $institutionId, ground: $ground, reason: $reason, queryLogSequence: $queryLogSequence) {
      id
      status
    }
  }
`);

const MISCONDUCT_GROUNDS = ['QUERY_WITHOUT_CONSENT', 'PURPOSE_MISUSE', 'DATA_LEAK', 'DATA_RESALE', 'FALSE_IDENTITY'] as const;

const APPLY_FOR_REPAIR = graphql(`
  mutation ApplyForRepair($bureau: Bureau!, $recordId: String!, $correction: RepairCorrection!, $statement: String!, $evidenceRefs: [String!]!) {
    applyForRepair(bureau: $bureau, recordId: $recordId, correction: $correction, statement: $statement, evidenceRefs: $evidenceRefs) {
      id
      status
      dueOn
    }
  }
`);

const REVOKE_CONSENT = graphql(`
  mutation RevokeConsent($id: ID!) {
    revokeConsent(id: $id) {
      id
      status
    }
  }
`);

const FILE_OBJECTION = graphql(`
  mutation FileObjection($bureau: Bureau!, $recordId: String!, $reason: String!) {
    fileObjection(bureau: $bureau, recordId: $recordId, reason: $reason) {
      id
      status
      dueOn
    }
  }
`);

type Person = NonNullable<MyReportQuery['person']>;
type Window = NonNullable<Person['administrativePenalties']>['nodes'][number]['displayWindow'];

/** The signed-in person's own report: every record with its display window, their standing, evaluation, objections and who queried them. */
export function MyReport() {
  const t = useT();
  const language = useContext(LanguageContext);
  const catalogue = useCatalogue();
  const { session } = useSession();
  const [person, setPerson] = useState<Person | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    if (!session) return;
    try {
      setPerson((await request(MY_REPORT, { id: session.subject })).person ?? null);
    } catch (err) {
      setError(err);
    }
  }, [session]);
  useEffect(() => {
    void load();
  }, [load]);

  if (error || !session)
    return (
      <>
        {error !== null && <ErrorMessage error={error} />}
        {!session && (
          <p>
            <a href="#/sign-in">{t('navSignIn')}</a>
          </p>
        )}
      </>
    );
  if (!person) return <p>{t('loading')}</p>;
  const window_ = (w: Window) =>
    `${formatDate(w.from, language)} – ${formatDate(w.until, language)} · ${w.shown ? t('shownNow') : `${t('notShown')}${w.endedBy ? `（${t(`ended${w.endedBy}` as MessageKey)}）` : ''}`}`;

  return (
    <>
      <p>{t('reportIntro')}</p>
      <ReportDownload issuedBefore={person.creditReports?.nodes ?? []} onIssued={() => void load()} />
      <section aria-labelledby="identity">
        <h2 id="identity">{t('identityTitle')}</h2>
        <p>
          <span className="person-name">{person.identity?.name}</span> <span className="person-id">{person.id}</span>
          {person.identity?.registeredResidence.areaName && ` · ${person.identity.registeredResidence.areaName}`}
        </p>
        {person.identity?.populationStatus && (
          <p>
            {t(`population${person.identity.populationStatus}` as MessageKey)}
            {person.identity.residencePermit &&
              ` · ${t(person.identity.residencePermit.valid ? 'permitValidUntil' : 'permitLapsed', {
                area: person.identity.residencePermit.residence.areaName ?? '',
                until: formatDate(person.identity.residencePermit.validUntil, language),
              })}`}
          </p>
        )}
      </section>
      <section aria-labelledby="standing">
        <h2 id="standing">{t('standingTitle')}</h2>
        {person.jointPunishment?.listed ? (
          <p className="listed">
            {t('listedSince', { since: person.jointPunishment.since ? formatDate(person.jointPunishment.since, language) : '' })}：
            {person.jointPunishment.measures.map((m) => measureLabel(catalogue, m, language)).join('；')}
          </p>
        ) : (
          <p>{t('notListed')}</p>
        )}
        {person.redList?.onRedList ? (
          <p>
            {t('onRedList')}：
            {person.redList.entries
              .filter((e) => e.inForce)
              .map((e) => `${e.title}（${e.awardingBody}）`)
              .join('、')}
          </p>
        ) : (
          <p>{t('notOnRedList')}</p>
        )}
      </section>
      <section aria-labelledby="evaluation">
        <h2 id="evaluation">{t('evaluationTitle')}</h2>
        {person.creditEvaluation ? (
          <>
            <p>{t('evaluationGrade', { grade: person.creditEvaluation.grade, score: person.creditEvaluation.score })}</p>
            <ul>
              {person.creditEvaluation.factors.map((f, k) => (
                <li key={k}>
                  {f.effect > 0 ? `+${f.effect}` : f.effect} · {f.explanation}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('noEvaluation')}</p>
        )}
      </section>
      <section aria-labelledby="records">
        <h2 id="records">{t('recordsTitle')}</h2>
        <h3>{t('penaltiesTitle')}</h3>
        {person.administrativePenalties?.nodes.length ? (
          <ul className="cards">
            {person.administrativePenalties.nodes.map((p) => (
              <li key={`${p.department}/${p.id}`} className="card record">
                <h4>
                  {p.violationType}
                  {p.underObjection && <span className="badge">{t('underObjection')}</span>}
                </h4>
                <dl>
                  <dt>{t('department')}</dt>
                  <dd>{departmentName(p.department, language)}</dd>
                  <dt>{t('decisionNumber')}</dt>
                  <dd>{p.decisionNumber}</dd>
                  <dt>{t('penaltyContent')}</dt>
                  <dd>{p.penaltyContent}</dd>
                  <dt>{t('displayWindow')}</dt>
                  <dd>{window_(p.displayWindow)}</dd>
                </dl>
                <RecordActions bureau={p.department} recordId={p.id} underObjection={p.underObjection} onFiled={load} />
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('noRecords')}</p>
        )}
        <h3>{t('debtorListingsTitle')}</h3>
        {person.dishonestDebtorListings?.nodes.length ? (
          <ul className="cards">
            {person.dishonestDebtorListings.nodes.map((l) => (
              <li key={l.id} className="card record">
                <h4>
                  {l.decisionNumber}
                  {l.underObjection && <span className="badge">{t('underObjection')}</span>}
                </h4>
                <dl>
                  <dt>{t('authority')}</dt>
                  <dd>{l.court}</dd>
                  <dt>{t('penaltyContent')}</dt>
                  <dd>{l.obligation}</dd>
                  <dt>{t('displayWindow')}</dt>
                  <dd>{window_(l.displayWindow)}</dd>
                </dl>
                <RecordActions bureau="COURTS" recordId={l.id} underObjection={l.underObjection} onFiled={load} />
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('noRecords')}</p>
        )}
      </section>
      <ReportTable
        id="objections"
        title="objectionsTitle"
        columns={['department', 'objectionReason', 'dueOn', 'status']}
        items={person.objections?.nodes}
        row={(o) => (
          <>
            <td>{departmentName(o.bureau, language)}</td>
            <td>{o.reason}</td>
            <td>{formatDate(o.dueOn, language)}</td>
            <td>
              {t(`objectionStatus${o.status}` as MessageKey)}
              {o.decisionReason && `：${o.decisionReason}`}
            </td>
          </>
        )}
      />
      <ReportTable
        id="repairs"
        title="repairsTitle"
        columns={['department', 'repairCorrection', 'dueOn', 'status']}
        items={person.repairs?.nodes}
        row={(r) => (
          <>
            <td>{departmentName(r.bureau, language)}</td>
            <td>
              {t(`correction${r.correction}` as MessageKey)}：{r.statement}
            </td>
            <td>{formatDate(r.dueOn, language)}</td>
            <td>
              {t(`repairStatus${r.status}` as MessageKey)}
              {r.decisionReason && `：${r.decisionReason}`}
            </td>
          </>
        )}
      />
      <ReportTable
        id="postponements"
        title="postponementsTitle"
        columns={['department', 'postponementUntil', 'dueOn', 'status']}
        items={person.postponements?.nodes}
        row={(p) => (
          <>
            <td>{departmentName(p.bureau, language)}</td>
            <td>{formatDate(p.requestedUntil, language)}</td>
            <td>{formatDate(p.dueOn, language)}</td>
            <td>
              {t(`postponementStatus${p.status}` as MessageKey, { until: p.grantedUntil ? formatDate(p.grantedUntil, language) : '' })}
              {p.decisionReason && `：${p.decisionReason}`}
            </td>
          </>
        )}
      />
      <ReportTable
        id="commitments"
        title="commitmentsTitle"
        columns={['commitmentReceiver', 'commitmentContent', 'validity', 'status']}
        items={person.creditCommitments?.nodes}
        row={(c) => (
          <>
            <td>{c.receiverName}</td>
            <td>
              {t(`commitmentKind${c.kind}` as MessageKey)}：{c.content}
            </td>
            <td>
              {formatDate(c.signedOn, language)} – {formatDate(c.until, language)}
            </td>
            <td>{t(`commitmentStatus${c.status}` as MessageKey, { on: c.brokenOn ? formatDate(c.brokenOn, language) : '' })}</td>
          </>
        )}
      />
      <section aria-labelledby="notifications">
        <h2 id="notifications">{t('notificationsTitle')}</h2>
        {person.notifications?.nodes.length ? (
          <ul>
            {person.notifications.nodes.map((n) => (
              <li key={n.id}>
                {formatDateTime(n.createdAt, language)} · {n.message}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('noRecords')}</p>
        )}
      </section>
      <ReportTable
        id="consents"
        title="consentsTitle"
        columns={['institution', 'purpose', 'validity', 'status']}
        items={person.consents?.nodes}
        row={(c) => (
          <>
            <td>{c.granteeInstitution.name}</td>
            <td>{t(`purpose${c.purpose}` as MessageKey)}</td>
            <td>
              {formatDate(c.validFrom, language)} – {formatDate(c.validUntil, language)}
            </td>
            <td>
              {t(`consentStatus${c.status}` as MessageKey)}{' '}
              {(c.status === 'ACTIVE' || c.status === 'NOT_YET_VALID') && (
                <button type="button" className="secondary" onClick={() => void request(REVOKE_CONSENT, { id: c.id }).then(load, setError)}>
                  {t('revokeConsent')}
                </button>
              )}
            </td>
          </>
        )}
      />
      <ConsentGrant onGranted={() => void load()} />
      <ReportTable
        id="query-log"
        title="queryLogTitle"
        columns={['queriedAt', 'queriedBy', 'purpose']}
        items={person.queryLog?.nodes}
        row={(q) => (
          <>
            <td>{formatDateTime(q.at, language)}</td>
            <td>
              {q.institution?.name ?? t(`actor${q.actorRole}` as MessageKey)}
              {q.institution && <ComplaintAction institutionId={q.institution.id} sequence={q.sequence} onFiled={load} />}
            </td>
            <td>{q.purpose ? t(`purpose${q.purpose}` as MessageKey) : '—'}</td>
          </>
        )}
      />
    </>
  );
}

/** One section of the report: its heading, and its items as a table, or a line saying there are none. */
function ReportTable<T extends { id: string }>({
  id,
  title,
  columns,
  items,
  row,
}: {
  id: string;
  title: MessageKey;
  columns: MessageKey[];
  items: readonly T[] | undefined;
  row: (item: T) => ReactNode;
}) {
  const t = useT();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t(title)}</h2>
      {items?.length ? (
        <table>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {t(column)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>{row(item)}</tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('noRecords')}</p>
      )}
    </section>
  );
}

/**
 * A complaint about an institution's read of the person (seed 二(三)一),
 * from the read itself in their query log: the misconduct and what
 * happened; a platform reviewer decides, and upheld complaints count
 * towards the institution's blacklisting.
 */
function ComplaintAction({ institutionId, sequence, onFiled }: { institutionId: string; sequence: string; onFiled: () => Promise<void> }) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [ground, setGround] = useState<(typeof MISCONDUCT_GROUNDS)[number]>('QUERY_WITHOUT_CONSENT');
  const [reason, setReason] = useState('');
  const [filed, setFiled] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await request(FILE_COMPLAINT, { institutionId, ground, reason, queryLogSequence: sequence });
      setOpen(false);
      setFiled(true);
      await onFiled();
    } catch (err) {
      setError(err);
    }
  }
  if (filed) return <p className="record-actions">{t('complaintFiled')}</p>;
  if (!open)
    return (
      <div className="record-actions">
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          {t('complainButton')}
        </button>
      </div>
    );
  return (
    <form onSubmit={submit} className="record-form">
      <div className="field">
        <label htmlFor={`${id}-ground`}>{t('complaintGround')}</label>
        <select id={`${id}-ground`} value={ground} onChange={(e) => setGround(e.target.value as (typeof MISCONDUCT_GROUNDS)[number])}>
          {MISCONDUCT_GROUNDS.map((g) => (
            <option key={g} value={g}>
              {t(`ground${g}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('complaintReason')}</label>
        <textarea id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} required autoFocus />
      </div>
      <button type="submit">{t('submitComplaint')}</button>{' '}
      <button type="button" className="secondary" onClick={() => setOpen(false)}>
        {t('cancel')}
      </button>
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
}

const CORRECTIONS = ['OBLIGATION_PERFORMED', 'VOLUNTEER_SERVICE', 'CHARITY'] as const;

/**
 * What a person can do about one of their records: object to it, or apply
 * for its repair, each sent to the department that owns it; the report is
 * read again after, so the record shows its new state.
 */
function RecordActions({
  bureau,
  recordId,
  underObjection,
  onFiled,
}: {
  bureau: Bureau;
  recordId: string;
  underObjection: boolean;
  onFiled: () => Promise<void>;
}) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState<'objection' | 'repair' | null>(null);
  const [text, setText] = useState('');
  const [correction, setCorrection] = useState<(typeof CORRECTIONS)[number]>('OBLIGATION_PERFORMED');
  const [evidence, setEvidence] = useState('');
  const [error, setError] = useState<unknown>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      if (open === 'objection') await request(FILE_OBJECTION, { bureau, recordId, reason: text });
      else
        await request(APPLY_FOR_REPAIR, {
          bureau,
          recordId,
          correction,
          statement: text,
          evidenceRefs: evidence
            .split(/[,，\s]+/)
            .map((e) => e.trim())
            .filter(Boolean),
        });
      setOpen(null);
      setText('');
      await onFiled();
    } catch (err) {
      setError(err);
    }
  }
  if (!open)
    return (
      <div className="record-actions">
        {!underObjection && (
          <button type="button" className="secondary" onClick={() => setOpen('objection')}>
            {t('objectButton')}
          </button>
        )}
        <button type="button" className="secondary" onClick={() => setOpen('repair')}>
          {t('repairButton')}
        </button>
      </div>
    );
  return (
    <form onSubmit={submit} className="record-form">
      {open === 'repair' && (
        <div className="field">
          <label htmlFor={`${id}-correction`}>{t('repairCorrection')}</label>
          <select id={`${id}-correction`} value={correction} onChange={(e) => setCorrection(e.target.value as (typeof CORRECTIONS)[number])}>
            {CORRECTIONS.map((c) => (
              <option key={c} value={c}>
                {t(`correction${c}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-text`}>{open === 'objection' ? t('objectionReason') : t('repairStatement')}</label>
        <textarea id={`${id}-text`} value={text} onChange={(e) => setText(e.target.value)} rows={3} required autoFocus />
      </div>
      {open === 'repair' && (
        <div className="field">
          <label htmlFor={`${id}-evidence`}>{t('repairEvidence')}</label>
          <input id={`${id}-evidence`} value={evidence} onChange={(e) => setEvidence(e.target.value)} />
        </div>
      )}
      <button type="submit">{open === 'objection' ? t('submitObjection') : t('submitRepair')}</button>{' '}
      <button type="button" className="secondary" onClick={() => setOpen(null)}>
        {t('cancel')}
      </button>
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
}
