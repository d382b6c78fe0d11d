import { useContext } from 'react';

import { request } from '../api';
import { formatDate } from '../format';
import { graphql } from '../generated/gql';
import { LanguageContext, useT } from '../i18n';
import { PagedSection } from '../PagedSection';
import { usePaged } from '../usePaged';

const HONOUR_ROLL = graphql(`
  query HonourRoll($after: String) {
    honourRoll(first: 20, after: $after) {
      nodes {
        id
        title
        awardingBody
        awardedOn
        validUntil
        name
        maskedId
        areaName
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The red list's honours in force (诚信红榜), masked as for the public. */
export function HonourRoll() {
  const t = useT();
  const language = useContext(LanguageContext);
  const { nodes, status, hasMore, more } = usePaged(async (after) => (await request(HONOUR_ROLL, { after })).honourRoll, 'honour-roll');
  return (
    <>
      <p>{t('honourIntro')}</p>
      <PagedSection status={status} empty={nodes.length === 0} hasMore={hasMore} more={more}>
        {nodes.length > 0 && (
          <table>
            <caption className="visually-hidden">{t('honourTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('nameLabel')}</th>
                <th scope="col">{t('honour')}</th>
                <th scope="col">{t('awardingBody')}</th>
                <th scope="col">{t('awardedOn')}</th>
                <th scope="col">{t('validUntil')}</th>
              </tr>
            </thead>
            <tbody>
              {nodes.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row">
                    {entry.name} <span className="person-id">{entry.maskedId}</span>
                    {entry.areaName && <span className="area"> · {entry.areaName}</span>}
                  </th>
                  <td>{entry.title}</td>
                  <td>{entry.awardingBody}</td>
                  <td>{formatDate(entry.awardedOn, language)}</td>
                  <td>{entry.validUntil ? formatDate(entry.validUntil, language) : t('noExpiry')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedSection>
    </>
  );
}
