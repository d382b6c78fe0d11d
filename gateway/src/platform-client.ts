import { callSubgraph, GATEWAY_SERVICE_PRINCIPAL, policy } from '@credit/shared';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

import {
  AppendQueryLogDocument,
  ConsentCheckDocument,
  type ConsentCheckQuery,
  type ConsentPurpose,
  type QueryLogInput as GeneratedQueryLogInput,
} from './generated/platform-operations';

/**
 * The gateway's own calls to the platform subgraph: the consent check
 * before planning and the query-log append after execution. They go to the
 * subgraph directly, as the gateway's service principal, because these
 * operations are not part of the public API (`@inaccessible`).
 */
/** The valid consents of the people asked for, and whether the institution is blacklisted. */
export type ConsentCheckResult = ConsentCheckQuery['consentCheck'];

/** One read for the query log (the platform's `QueryLogInput`). */
export type QueryLogInput = GeneratedQueryLogInput;

export class PlatformClient {
  constructor(
    private readonly url: () => string,
    private readonly secret: Uint8Array,
  ) {}

  private call<TResult, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
    requestId: string,
    timeoutMs = policy().timeouts.subgraphFetchMs,
  ): Promise<TResult> {
    return callSubgraph({
      subgraph: 'platform',
      url: this.url(),
      principal: GATEWAY_SERVICE_PRINCIPAL,
      secret: this.secret,
      document,
      variables,
      requestId,
      timeoutMs,
    });
  }

  async consentCheck(institutionId: string, purpose: ConsentPurpose, subjectIds: string[], requestId: string): Promise<ConsentCheckResult> {
    const data = await this.call(ConsentCheckDocument, { institutionId, purpose, subjectIds }, requestId);
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
        // Bounded: with the log unwritable the answer is withheld within this time, not after a minute.
        const data = await this.call(AppendQueryLogDocument, { entries: chunk }, requestId, policy().timeouts.queryLogAppendMs);
        return data.appendQueryLog;
      }),
    );
    return sequences[sequences.length - 1]!;
  }
}

const LOG_CHUNK = 1000;
