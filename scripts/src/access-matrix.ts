import { accessRule, apiPersonFields, ROLES, type AccessRule, type CreditPolicy } from '@credit/shared';

/**
 * The access matrix (role x field group) rendered from the policy, written to
 * docs/access-matrix.md by `npm run docs` and checked for staleness before
 * the tests, so the document can never drift from what is enforced.
 */
const RULE_TEXT: Record<AccessRule, string> = {
  allow: 'allowed',
  deny: 'denied (FORBIDDEN)',
  own: 'own record only',
  own_else_public: 'own record; of others what the public sees',
  consent: 'consent scope (else CONSENT_REQUIRED)',
  consent_or_masked: 'consent; masked unless in scope',
  public_list_masked: 'masked, people on a public list only',
  own_bureau: 'own bureau only',
  own_bureau_records: "own bureau's records only",
  own_grants: 'only consents granted to the caller',
  service: 'platform services only',
};

/** The exceptions' names as the page shows them. */
const EXCEPTION_TITLES: Record<keyof CreditPolicy['access']['exceptions'], string> = {
  pastDisplayWindow: 'Records past their display window',
  queryLogInternals: 'Query-log callers and hashes',
  queryLogSubjectsMasked: 'Query-log subjects, masked',
  greenChannelEligibility: 'Green-channel eligibility',
  ownGrants: 'Own grants only',
  recordDecisions: 'Who decides an objection',
  minorsRecords: 'Records of minors',
  publicLists: 'Public lists',
};

/**
 * The page, from the policy and the composed schema's Person fields (by
 * group): one place that answers "who may see field X".
 */
export function accessMatrixMarkdown(p: CreditPolicy, fields: readonly { name: string; group: string }[] = apiPersonFields()): string {
  const groups = Object.keys(p.fieldGroups);
  const fieldsOf = (group: string) => fields.filter((f) => f.group === group).map((f) => `\`${f.name}\``);
  const exceptions = Object.entries(p.access.exceptions).map(([name, e]) => {
    const who = [
      e.roles?.length ? `roles: ${e.roles.join(', ')}` : '',
      e.fields?.length ? `fields: ${e.fields.map((f: string) => `\`${f}\``).join(', ')}` : '',
    ].filter(Boolean);
    return `- **${EXCEPTION_TITLES[name as keyof typeof EXCEPTION_TITLES] ?? name}** (\`${name}\`${who.length ? `; ${who.join('; ')}` : ''}): ${e.description}`;
  });
  const lines = [
    '# Access matrix',
    '',
    `Generated from \`shared/policy/credit-policy.json\` (policy ${p.version}) by \`npm run docs\`; do not edit.`,
    'Each cell is the rule for a role reading a field group; `tests/src/__tests__/access-matrix.test.ts` checks every cell through the gateway.',
    '',
    `| field group (owner) | ${ROLES.join(' | ')} |`,
    `| --- | ${ROLES.map(() => '---').join(' | ')} |`,
    ...groups.map((g) => `| \`${g}\` (${p.fieldGroups[g]!.owner}) | ${ROLES.map((r) => RULE_TEXT[accessRule(r, g, p)]).join(' | ')} |`),
    '',
    '## Rules',
    '',
    ...Object.entries(RULE_TEXT).map(([rule, text]) => `- \`${rule}\`: ${text}.`),
    '',
    p.access.notes ?? '',
    '',
    '## Field groups',
    '',
    ...groups.map((g) => {
      const f = fieldsOf(g);
      return `- \`${g}\` (${p.fieldGroups[g]!.owner}${p.fieldGroups[g]!.public ? ', publishable' : ''}): ${p.fieldGroups[g]!.description} Fields: ${f.length ? f.join(', ') : 'none in the API (internal)'}.`;
    }),
    '',
    '## Exceptions',
    '',
    'Beyond the per-group rules, these are decided in `shared/src/access.ts` from the policy (`access.exceptions`):',
    '',
    ...exceptions,
    '',
  ];
  return lines.join('\n');
}
