import { accessRule, ROLES, type AccessRule, type CreditPolicy } from '@credit/shared';

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
  own_grants: 'only consents granted to the caller',
  service: 'platform services only',
};

export function accessMatrixMarkdown(p: CreditPolicy): string {
  const groups = Object.keys(p.fieldGroups);
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
    ...groups.map((g) => `- \`${g}\` (${p.fieldGroups[g]!.owner}${p.fieldGroups[g]!.public ? ', publishable' : ''}): ${p.fieldGroups[g]!.description}`),
    '',
  ];
  return lines.join('\n');
}
