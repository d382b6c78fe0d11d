import { isValidCitizenId, parseCli, policy, ROLES, runCli, signDevToken, UsageError, type Role } from '@credit/shared';

const CLI = {
  command: 'npm run token --',
  summary: 'Prints a caller token signed with the development key (.run/dev-keys), which the gateway accepts outside production.',
  options: {
    role: { type: 'string', value: 'ROLE', description: `the caller's role: ${ROLES.join(', ')}` },
    subject: { type: 'string', value: 'ID', description: 'the citizen ID of a data subject (role subject)' },
    staff: {
      type: 'string',
      value: 'STAFF',
      description: 'the staff id of the official acting (reviewer, auditor, bureau; a reviewer needs one for typical cases)',
    },
    org: { type: 'string', value: 'ORG', description: 'institution code (partner), bureau code (bureau), or system name (internal, reviewer, auditor)' },
    scopes: {
      type: 'string',
      default: '',
      value: 'A,B',
      description: 'scopes, comma-separated (blacklist:check for an internal system, blacklist:travel for a carrier or travel agency)',
    },
    ttl: { type: 'string', default: '1h', value: 'TTL', description: 'lifetime: 30m, 1h, 12h' },
  },
  notes: ['Example: npm run token -- --role partner --org 91510700MA6A0B1C2X'],
} as const;

async function main(): Promise<void> {
  const { values } = parseCli(CLI);
  const role = values.role as Role | undefined;
  if (!role || !ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  if (role === 'subject' && !isValidCitizenId(values.subject)) throw new UsageError('--subject must be a valid citizen ID for role subject');
  if (['partner', 'bureau', 'internal', 'reviewer', 'auditor'].includes(role) && !values.org) throw new UsageError(`--org is required for role ${role}`);
  const ttl = /^(\d+)([smhd])$/.exec(values.ttl);
  if (!ttl) throw new UsageError('--ttl must look like 30m, 1h or 12h');
  const seconds = Number(ttl[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[ttl[2] as 's' | 'm' | 'h' | 'd'];
  const maxHours = policy().security.maxCallerTokenLifetimeHours;
  if (seconds > maxHours * 3600)
    throw new UsageError(`--ttl ${values.ttl} is longer than the ${maxHours} h the gateway accepts (policy security.maxCallerTokenLifetimeHours)`);
  const token = await signDevToken(
    {
      role,
      ...(values.subject ? { sub: values.subject.toUpperCase() } : values.staff ? { sub: values.staff } : {}),
      ...(values.org ? { org: values.org } : {}),
      scopes: values.scopes.split(',').filter(Boolean),
    },
    values.ttl,
  );
  console.log(token);
}

runCli(CLI, main);
