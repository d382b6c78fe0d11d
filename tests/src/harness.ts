import { randomBytes } from 'node:crypto';

import { startStack, type Stack } from '@credit/scripts/dist/stack';
import { signDevToken } from '@credit/shared';

/**
 * Starts the real system for one test file: six subgraphs and the gateway on
 * free ports, against the database the jest global setup started (or
 * MONGODB_URI), in databases of their own (unique prefix) that are dropped
 * afterwards.
 */
export async function startTestStack(): Promise<Stack> {
  const mongoUri = process.env.MONGODB_URI;
  if (!mongoUri) throw new Error('MONGODB_URI is not set: the jest global setup should have started the embedded database');
  const dbPrefix = `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  // Expected failures (an outage test) would otherwise fill the output; LOG_LEVEL=info shows them.
  process.env.LOG_LEVEL ??= 'silent';
  return startStack({ mongoUri, dbPrefix });
}

/** Parses Prometheus text and returns `credit_mongodb_commands_total` by `collection/command`. */
export async function mongoCommandCounts(metricsUrl: string): Promise<Map<string, number>> {
  const text = await (await fetch(metricsUrl)).text();
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^credit_mongodb_commands_total\{([^}]*)\} (\d+(?:\.\d+)?)$/.exec(line);
    if (!m) continue;
    const labels = Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    counts.set(`${labels.collection}/${labels.command}`, Number(m[2]));
  }
  return counts;
}

/** Commands sent between two readings of {@link mongoCommandCounts}. */
export function commandDelta(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const delta = new Map<string, number>();
  for (const [key, value] of after) {
    const d = value - (before.get(key) ?? 0);
    if (d > 0) delta.set(key, d);
  }
  return delta;
}

/** An Authorization header for a development token of the given claims. */
export async function authHeader(claims: Parameters<typeof signDevToken>[0], ttl = '10m'): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await signDevToken(claims, ttl)}` };
}

/** An auditor's header: auditors read everything (including records past their display period). */
export function auditorHeader(): Promise<Record<string, string>> {
  return authHeader({ role: 'auditor', org: 'mianyang-credit-audit-office' });
}
