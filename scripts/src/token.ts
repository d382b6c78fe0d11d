import { parseArgs } from 'node:util';

import { isValidCitizenId, policy, ROLES, signDevToken, type Role } from '@credit/shared';

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
  const ttl = /^(\d+)([smhd])$/.exec(values.ttl!);
  if (!ttl) throw new Error('--ttl must look like 30m, 1h or 12h');
  const seconds = Number(ttl[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[ttl[2] as 's' | 'm' | 'h' | 'd'];
  const maxHours = policy().security.maxCallerTokenLifetimeHours;
  if (seconds > maxHours * 3600)
    throw new Error(`--ttl ${values.ttl} is longer than the ${maxHours} h the gateway accepts (policy security.maxCallerTokenLifetimeHours)`);
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
