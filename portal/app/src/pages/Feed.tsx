import { useContext, useId, useState, type FormEvent } from 'react';

import { request } from '../api';
import { departmentName, formatDate } from '../format';
import { DEPARTMENTS } from '../generated/departments';
import { graphql } from '../generated/gql';
import type { Bureau, PublishedLicencesQuery, PublishedPenaltiesQuery } from '../generated/gql/graphql';
import { LanguageContext, useT } from '../i18n';
import { PagedSection } from '../PagedSection';
import { usePaged } from '../usePaged';

const PENALTIES = graphql(`
  query PublishedPenalties($filter: PublicationFilter, $after: String) {
    publishedPenalties(filter: $filter, first: 20, after: $after) {
      nodes {
        id
        department
        authority
        decisionNumber
        decisionDate
        publishedUntil
        violationType
        penaltyContent
        counterpartName
        counterpartId
        areaName
        underObjection
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const LICENCES = graphql(`
  query PublishedLicences($filter: PublicationFilter, $after: String) {
    publishedLicences(filter: $filter, first: 20, after: $after) {
      nodes {
        id
        department
        authority
        documentNumber
        certificateName
        content
        decisionDate
        publishedUntil
        counterpartName
        counterpartId
        areaName
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

type Penalty = PublishedPenaltiesQuery['publishedPenalties']['nodes'][number];
type Licence = PublishedLicencesQuery['publishedLicences']['nodes'][number];
type Item = ({ kind: 'PENALTY' } & Penalty) | ({ kind: 'LICENCE' } & Licence);

interface Filter {
  department: string;
  decidedFrom: string;
  decidedTo: string;
}

async function fetchPage(kind: 'PENALTY' | 'LICENCE', filter: Filter, after: string | null) {
  const variables = {
    filter: {
      ...(filter.department ? { departments: [filter.department as Bureau] } : {}),
      ...(filter.decidedFrom ? { decidedFrom: filter.decidedFrom } : {}),
      ...(filter.decidedTo ? { decidedTo: filter.decidedTo } : {}),
    },
    after,
  };
  if (kind === 'PENALTY') {
    const page = (await request(PENALTIES, variables)).publishedPenalties;
    return { nodes: page.nodes.map((n): Item => ({ kind, ...n })), pageInfo: page.pageInfo };
  }
  const page = (await request(LICENCES, variables)).publishedLicences;
  return { nodes: page.nodes.map((n): Item => ({ kind, ...n })), pageInfo: page.pageInfo };
}

/** The 双公示 feed of one kind: newest decision first, by department and date range, twenty at a time. */
export function Feed({ kind }: { kind: 'PENALTY' | 'LICENCE' }) {
  const t = useT();
  const language = useContext(LanguageContext);
  const id = useId();
  const [draft, setDraft] = useState<Filter>({ department: '', decidedFrom: '', decidedTo: '' });
  const [filter, setFilter] = useState<Filter>(draft);
  const { nodes: items, status, hasMore, more } = usePaged((after) => fetchPage(kind, filter, after), JSON.stringify([kind, filter]));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter(draft);
  };

  return (
    <>
      <p>{t('feedIntro')}</p>
      <form className="filter-form" onSubmit={apply}>
        <div className="field">
          <label htmlFor={`${id}-department`}>{t('departmentFilter')}</label>
          <select id={`${id}-department`} value={draft.department} onChange={(e) => setDraft({ ...draft, department: e.target.value })}>
            <option value="">{t('allDepartments')}</option>
            {DEPARTMENTS.map((d) => (
              <option key={d.code} value={d.code}>
                {d[language]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('decidedFrom')}</label>
          <input id={`${id}-from`} type="date" value={draft.decidedFrom} onChange={(e) => setDraft({ ...draft, decidedFrom: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('decidedTo')}</label>
          <input id={`${id}-to`} type="date" value={draft.decidedTo} onChange={(e) => setDraft({ ...draft, decidedTo: e.target.value })} />
        </div>
        <button type="submit">{t('applyFilter')}</button>
      </form>
      <PagedSection status={status} empty={items.length === 0} hasMore={hasMore} more={more}>
        <ul className="cards">
          {items.map((item) => (
            <li key={item.id} className="card">
              <h2 className="card-title">
                {item.kind === 'PENALTY' ? item.violationType : item.certificateName}
                {item.kind === 'PENALTY' && item.underObjection && <span className="badge">{t('underObjection')}</span>}
              </h2>
              <dl>
                <dt>{t('counterpart')}</dt>
                <dd>
                  {item.counterpartName} {item.counterpartId}
                  {item.areaName ? ` · ${item.areaName}` : ''}
                </dd>
                <dt>{t('department')}</dt>
                <dd>{departmentName(item.department, language)}</dd>
                <dt>{t('authority')}</dt>
                <dd>{item.authority}</dd>
                <dt>{item.kind === 'PENALTY' ? t('decisionNumber') : t('documentNumber')}</dt>
                <dd>{item.kind === 'PENALTY' ? item.decisionNumber : item.documentNumber}</dd>
                <dt>{item.kind === 'PENALTY' ? t('penaltyContent') : t('licenceContent')}</dt>
                <dd>{item.kind === 'PENALTY' ? item.penaltyContent : item.content}</dd>
                <dt>{t('decisionDate')}</dt>
                <dd>{formatDate(item.decisionDate, language)}</dd>
                {item.publishedUntil && (
                  <>
                    <dt>{t('publishedUntil')}</dt>
                    <dd>{formatDate(item.publishedUntil, language)}</dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ul>
      </PagedSection>
    </>
  );
}
