import { callSubgraph, GATEWAY_SERVICE_PRINCIPAL, policy } from '@credit/shared';

/**
 * The gateway's own calls to the platform subgraph: the consent check
 * before planning and the query-log append after execution. They go to the
 * subgraph directly, as the gateway's service principal, because these
 * operations are not part of the public API (`@inaccessible`).
 */
export interface ConsentCheckResult {
  institutionBlacklisted: boolean;
  grants: { subjectId: string; consentId: string; purpose: string; scopes: string[] }[];
}

export interface QueryLogInput {
  /** The person read; null for a batch entry. */
  personId: string | null;
  /** The people of a batch read (a blacklist check): one entry for the call. */
  subjects?: string[];
  actorRole: string;
  actorId: string | null;
  institutionId: string | null;
  purpose: string | null;
  consentId: string | null;
  /** Field groups served. */
  fieldGroups: string[];
  /** Field groups asked for and refused. */
  deniedFieldGroups: string[];
  outcome: 'SERVED' | 'PARTLY_DENIED' | 'DENIED';
}

export class PlatformClient {
  constructor(
    private readonly url: () => string,
    private readonly secret: Uint8Array,
  ) {}

  private call<T>(query: string, variables: Record<string, unknown>, requestId: string, timeoutMs = policy().timeouts.subgraphFetchMs): Promise<T> {
    return callSubgraph<T>({
      subgraph: 'platform',
      url: this.url(),
      principal: GATEWAY_SERVICE_PRINCIPAL,
      secret: this.secret,
      query,
      variables,
      requestId,
      timeoutMs,
    });
  }

  async consentCheck(institutionId: string, purpose: string, subjectIds: string[], requestId: string): Promise<ConsentCheckResult> {
    const data = await this.call<{ consentCheck: ConsentCheckResult }>(
      /* GraphQL */ `
        query ConsentCheck($institutionId: String!, $purpose: ConsentPurpose!, $subjectIds: [CitizenId!]!) {
          consentCheck(institutionId: $institutionId, purpose: $purpose, subjectIds: $subjectIds) {
            institutionBlacklisted
            grants {
              subjectId
              consentId
              purpose
              scopes
            }
          }
        }
      `,
      { institutionId, purpose, subjectIds },
      requestId,
    );
    return data.consentCheck;
  }

  async appendQueryLog(entries: QueryLogInput[], requestId: string): Promise<string> {
    // Chunks keep each call well under the subgraphs' body limit (a
    // 10,000-ID blacklist check is 10,000 entries); the platform's writer
    // commits concurrent chunks together.
    const chunks: QueryLogInput[][] = [];
    for (let i = 0; i < entries.length; i += LOG_CHUNK) chunks.push(entries.slice(i, i + LOG_CHUNK));
    const sequences = await Promise.all(
      chunks.map(async (chunk) => {
        const data = await this.call<{ appendQueryLog: string }>(
          /* GraphQL */ `
            mutation AppendQueryLog($entries: [QueryLogInput!]!) {
              appendQueryLog(entries: $entries)
            }
          `,
          { entries: chunk },
          requestId,
          // Bounded: with the log unwritable the answer is withheld within this time, not after a minute.
          policy().timeouts.queryLogAppendMs,
        );
        return data.appendQueryLog;
      }),
    );
    return sequences[sequences.length - 1]!;
  }
}

const LOG_CHUNK = 1000;
