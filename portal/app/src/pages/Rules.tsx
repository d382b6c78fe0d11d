import { useContext } from 'react';

import { departmentName } from '../format';
import { LanguageContext, useT, type MessageKey } from '../i18n';
import { measureLabel, useCatalogue } from '../useCatalogue';

/** How long each category is published, and how to object or apply for repair: the policy's figures, read from the API. */
export function Rules() {
  const t = useT();
  const language = useContext(LanguageContext);
  const catalogue = useCatalogue();
  const negative = catalogue?.categories.filter((c) => c.displayMonths.max > 0) ?? [];
  return (
    <>
      <p>{t('rulesIntro')}</p>
      <h2>{t('displayPeriodsTitle')}</h2>
      {catalogue ? (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('category')}</th>
                <th scope="col">{t('department')}</th>
                <th scope="col">{t('grade')}</th>
                <th scope="col">{t('displayMonths')}</th>
                <th scope="col">{t('jointPunishment')}</th>
              </tr>
            </thead>
            <tbody>
              {negative.map((c) => (
                <tr key={c.code}>
                  <th scope="row">{language === 'zh' ? c.labelZh : c.labelEn}</th>
                  <td>{departmentName(c.bureau, language)}</td>
                  <td>{t(`grade${c.grade}` as MessageKey)}</td>
                  <td>{t('monthsRange', { min: c.displayMonths.min, max: c.displayMonths.max, default: c.displayMonths.default })}</td>
                  <td>{c.jointPunishment ? t('yes') : t('no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="meta">{t('policyVersion', { version: catalogue.policyVersion })}</p>
        </>
      ) : (
        <p>{t('loading')}</p>
      )}
      <h2>{t('objectionTitle')}</h2>
      <p>{t('objectionText')}</p>
      {catalogue && (
        <p>
          {t('objectionDeadline', {
            days: catalogue.deadlines.objectionDecisionWorkingDays,
            max: catalogue.deadlines.objectionDecisionMaxWorkingDays,
          })}
        </p>
      )}
      <h2>{t('repairTitle')}</h2>
      <p>{t('repairText')}</p>
      {catalogue && <p>{t('repairDeadline', { days: catalogue.deadlines.repairDecisionWorkingDays })}</p>}
      <h2>{t('measuresTitle')}</h2>
      <p>{t('measuresText')}</p>
      {catalogue && (
        <ul>
          {catalogue.measures.map((m) => (
            <li key={m.code}>{measureLabel(catalogue, m.code, language)}</li>
          ))}
        </ul>
      )}
    </>
  );
}
