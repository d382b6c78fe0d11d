import { parseArgs } from 'node:util';

import { isValidCitizenId, ROLES, signDevToken, type Role } from '@credit/shared';

// npm run token -- --role R [--subject ID] [--org ORG] [--scopes a,b] [--ttl 1h]
// Prints a caller token signed with the development key (.run/dev-keys),
// which the gateway accepts outside production.
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      subject: { type: 'string' },
      org: { type: 'string' },
      scopes: { type: 'string', default: '' },
      ttl: { type: 'string', default: '1h' },
    },
  });
  const role = values.role as Role | undefined;
  if (!role || !ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  if (role === 'subject' && !isValidCitizenId(values.subject)) throw new Error('--subject must be a valid citizen ID for role subject');
  if (['partner', 'bureau', 'internal', 'reviewer', 'auditor'].includes(role) && !values.org) throw new Error(`--org is required for role ${role}`);
  if (!/^\d+[smhd]$/.test(values.ttl!)) throw new Error('--ttl must look like 30m, 1h or 7d');
  const token = await signDevToken(
    {
      role,
      ...(values.subject ? { sub: values.subject.toUpperCase() } : {}),
      ...(values.org ? { org: values.org } : {}),
      scopes: values.scopes!.split(',').filter(Boolean),
    },
    values.ttl,
  );
  console.log(token);
}

main().catch((err: unknown) => {
  console.error(`token: ${(err as Error).message}`);
  process.exit(1);
});
