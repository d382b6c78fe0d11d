import { creditCatalogue, sourceOfBureau, type CreditPolicy } from '@credit/shared';

/**
 * docs/key-fields.md: the 26 key fields of the plan (二(二)三) by their
 * Chinese names, the credit categories of each and the departments that
 * record them, from the policy (`npm run docs`, checked for freshness).
 */
export function keyFieldsMarkdown(p: CreditPolicy): string {
  const catalogue = creditCatalogue(p);
  const byCode = new Map(catalogue.categories.map((c) => [c.code, c]));
  const department = (bureau: string) => sourceOfBureau(bureau)?.label ?? bureau;
  const rows = catalogue.keyFields.map((k, i) => {
    const categories = k.categories.map((code) => `\`${code}\` ${byCode.get(code)!.labelZh}`);
    const also = k.alsoRecordedAs.map(
      (a) => `${a.recordKind.toLowerCase().replaceAll('_', ' ')}${a.profession ? ` (${p.keyProfessions[a.profession]!.name})` : ''}`,
    );
    const recorded = [...categories, ...also].join('; ') || '—';
    const departments = k.departments.map(department).join(', ') || 'none yet';
    return `| ${i + 1} | ${k.name} | ${k.nameEn} | ${recorded} | ${departments} |`;
  });
  const outside = catalogue.categories.filter((c) => c.keyField === null);
  const covered = catalogue.keyFields.filter((k) => k.departments.length > 0).length;
  return `# Key fields (重点领域)

Generated from \`shared/policy/credit-policy.json\` (policy ${p.version}) by \`npm run docs\`; do not edit.

The plan (二(二)三) names ${catalogue.keyFields.length} key fields whose personal credit records are to be gathered.
${covered} of them are recorded today. A category's key field is its \`keyField\` in the policy; clients read the
same catalogue from the \`creditCatalogue\` query.

| # | key field | in English | recorded as (category or record) | departments |
| ---: | --- | --- | --- | --- |
${rows.join('\n')}

Categories outside the ${catalogue.keyFields.length} key fields: ${outside.map((c) => `\`${c.code}\` ${c.labelZh}`).join('; ') || 'none'}.

## Key professions (重点职业人群)

The plan (二(二)三) names ${catalogue.keyProfessions.length} key professions. Each is regulated and recorded by the department named here:
its practitioners' licences are that department's administrative licences (双公示) of the certificate named, and their
misconduct its penalties.

| code | profession | in English | regulated and recorded by | licence |
| --- | --- | --- | --- | --- |
${catalogue.keyProfessions.map((k) => `| \`${k.code}\` | ${k.name} | ${k.nameEn} | ${k.regulator ? department(k.regulator) : 'none of the sources yet'} | ${k.licence ?? '—'} |`).join('\n')}
`;
}
