import { useContext, useId, useState } from 'react';

import { request } from '../api';
import { departmentName, formatDate } from '../format';
import { graphql } from '../generated/gql';
import { LanguageContext, useT } from '../i18n';
import { PagedSection } from '../PagedSection';
import { measureLabel, useCatalogue } from '../useCatalogue';
import { usePaged } from '../usePaged';

const CASES = graphql(`
  query TypicalCases($category: CategoryCode, $after: String) {
    typicalCases(category: $category, status: PUBLISHED, first: 10, after: $after) {
      nodes {
        id
        title
        summary
        category
        measures
        publishedAt
        citedPenalties {
          id
          department
          decisionNumber
          decisionDate
          violationType
          penaltyContent
          counterpartName
          counterpartId
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Typical cases (典型案例) the credit authority published, newest first, by category. */
export function Cases() {
  const t = useT();
  const language = useContext(LanguageContext);
  const id = useId();
  const catalogue = useCatalogue();
  const [category, setCategory] = useState('');
  const { nodes, status, hasMore, more } = usePaged(
    async (after) => (await request(CASES, { category: category || null, after })).typicalCases,
    `cases/${category}`,
  );
  const label = (code: string) => {
    const found = catalogue?.categories.find((c) => c.code === code);
    return found ? (language === 'zh' ? found.labelZh : found.labelEn) : code;
  };
  return (
    <>
      <p>{t('casesIntro')}</p>
      <div className="filter-form">
        <div className="field">
          <label htmlFor={`${id}-category`}>{t('categoryFilter')}</label>
          <select id={`${id}-category`} value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('allCategories')}</option>
            {catalogue?.categories.map((c) => (
              <option key={c.code} value={c.code}>
                {language === 'zh' ? c.labelZh : c.labelEn}
              </option>
            ))}
          </select>
        </div>
      </div>
      <PagedSection status={status} empty={nodes.length === 0} hasMore={hasMore} more={more}>
        {nodes.map((c) => (
          <article key={c.id} className="card case">
            <h2>{c.title}</h2>
            <p className="meta">
              {label(c.category)}
              {c.publishedAt && ` · ${t('publishedAt')} ${formatDate(c.publishedAt, language)}`}
            </p>
            <p>{c.summary}</p>
            {c.measures.length > 0 && (
              <p>
                <strong>{t('measuresLabel')}：</strong>
                {c.measures.map((m) => measureLabel(catalogue, m, language)).join('；')}
              </p>
            )}
            {c.citedPenalties.length > 0 && (
              <>
                <h3>{t('citedPenalties')}</h3>
                <ul>
                  {c.citedPenalties.map((p) => (
                    <li key={p.id}>
                      {p.counterpartName} {p.counterpartId} · {departmentName(p.department, language)} · {p.decisionNumber} ·{' '}
                      {formatDate(p.decisionDate, language)} · {p.violationType}：{p.penaltyContent}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </article>
        ))}
      </PagedSection>
    </>
  );
}
