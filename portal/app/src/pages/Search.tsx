import { useContext, useId, useState, type FormEvent } from 'react';

import { request } from '../api';
import { ErrorMessage } from '../ErrorMessage';
import { departmentName, formatDate } from '../format';
import { graphql } from '../generated/gql';
import type { PublicListSearchQuery } from '../generated/gql/graphql';
import { LanguageContext, useT, type MessageKey } from '../i18n';
import { searchQueryOf, type SearchForm, type SearchMode } from '../search-input';
import { measureLabel, useCatalogue } from '../useCatalogue';

const SEARCH = graphql(`
  query PublicListSearch($query: PublicListQuery!) {
    publicListSearch(query: $query) {
      hits {
        name
        citizenId
        areaName
        lists
        measures
        honours
        penalties {
          id
          department
          decisionNumber
          decisionDate
          violationType
          penaltyContent
          underObjection
        }
      }
    }
  }
`);

type Hit = PublicListSearchQuery['publicListSearch']['hits'][number];

const MODES: { mode: SearchMode; label: MessageKey }[] = [
  { mode: 'name', label: 'searchByName' },
  { mode: 'citizenId', label: 'searchById' },
  { mode: 'idEnds', label: 'searchByIdEnds' },
];

export function Search() {
  const t = useT();
  const id = useId();
  const [form, setForm] = useState<SearchForm>({ mode: 'name', name: '', citizenId: '', idFirst6: '', idLast4: '' });
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [state, setState] = useState<{ status: 'idle' | 'busy' } | { status: 'done'; hits: Hit[] } | { status: 'failed'; error: unknown }>({ status: 'idle' });
  const field = (name: keyof SearchForm) => ({
    id: `${id}-${name}`,
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': problem ? `${id}-problem` : undefined,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = searchQueryOf(form);
    if ('problem' in checked) {
      setProblem(checked.problem);
      return;
    }
    setProblem(null);
    setState({ status: 'busy' });
    try {
      const data = await request(SEARCH, { query: checked.query });
      setState({ status: 'done', hits: data.publicListSearch.hits });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  }

  return (
    <>
      <p>{t('searchIntro')}</p>
      <form className="search-form" onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('searchMode')}</legend>
          {MODES.map(({ mode, label }) => (
            <label key={mode} className="radio">
              <input type="radio" name="mode" value={mode} checked={form.mode === mode} onChange={() => (setForm({ ...form, mode }), setProblem(null))} />
              {t(label)}
            </label>
          ))}
        </fieldset>
        {form.mode === 'name' && (
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('nameLabel')}</label>
            <input {...field('name')} autoComplete="off" />
          </div>
        )}
        {form.mode === 'citizenId' && (
          <div className="field">
            <label htmlFor={`${id}-citizenId`}>{t('citizenIdLabel')}</label>
            <input {...field('citizenId')} inputMode="text" maxLength={18} autoComplete="off" />
          </div>
        )}
        {form.mode === 'idEnds' && (
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-idFirst6`}>{t('idFirst6Label')}</label>
              <input {...field('idFirst6')} inputMode="numeric" maxLength={6} autoComplete="off" />
            </div>
            <div className="field">
              <label htmlFor={`${id}-idLast4`}>{t('idLast4Label')}</label>
              <input {...field('idLast4')} maxLength={4} autoComplete="off" />
            </div>
          </div>
        )}
        {problem && (
          <p id={`${id}-problem`} className="problem" role="alert">
            {t(problem)}
          </p>
        )}
        <button type="submit" disabled={state.status === 'busy'}>
          {state.status === 'busy' ? t('searching') : t('searchButton')}
        </button>
      </form>
      <section aria-live="polite" className="results">
        {state.status === 'failed' && <ErrorMessage error={state.error} />}
        {state.status === 'done' && <SearchResults hits={state.hits} />}
      </section>
    </>
  );
}

function SearchResults({ hits }: { hits: Hit[] }) {
  const t = useT();
  const language = useContext(LanguageContext);
  const catalogue = useCatalogue();
  if (hits.length === 0) return <p className="no-hits">{t('noHits')}</p>;
  return (
    <>
      <h2>{t('hitsCount', { count: hits.length })}</h2>
      <ul className="cards">
        {hits.map((hit) => (
          <li key={hit.citizenId} className="card hit">
            <h3>
              <span className="person-name">{hit.name}</span> <span className="person-id">{hit.citizenId}</span>
            </h3>
            <dl>
              {hit.areaName && (
                <>
                  <dt>{t('areaLabel')}</dt>
                  <dd>{hit.areaName}</dd>
                </>
              )}
              <dt>{t('listsLabel')}</dt>
              <dd>{hit.lists.map((list) => t(`list${list}` as MessageKey)).join('、')}</dd>
              {hit.measures.length > 0 && (
                <>
                  <dt>{t('measuresLabel')}</dt>
                  <dd>{hit.measures.map((m) => measureLabel(catalogue, m, language)).join('；')}</dd>
                </>
              )}
              {hit.honours.length > 0 && (
                <>
                  <dt>{t('honoursLabel')}</dt>
                  <dd>{hit.honours.join('、')}</dd>
                </>
              )}
            </dl>
            {hit.penalties.length > 0 && (
              <>
                <h4>{t('penaltiesLabel')}</h4>
                <ul>
                  {hit.penalties.map((p) => (
                    <li key={p.id}>
                      {formatDate(p.decisionDate, language)} · {departmentName(p.department, language)} · {p.decisionNumber} · {p.violationType}：
                      {p.penaltyContent}
                      {p.underObjection && <span className="badge">{t('underObjection')}</span>}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
