import { callSubgraph, GATEWAY_SERVICE_PRINCIPAL, policy } from '@credit/shared';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

import {
  AppendQueryLogDocument,
  ConsentCheckDocument,
  PublicListedDocument,
  type ConsentCheckQuery,
  type ConsentPurpose,
  type QueryLogInput as GeneratedQueryLogInput,
} from './generated/platform-operations';

/**
 * The gateway's own calls to the platform subgraph: the consent check and
 * the public-list check before planning, the query-log append after
 * execution. They go to the
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

  /**
   * Which of these people are on a public list, whose identity the public
   * may see masked: one call, answered by the platform from its joint-punishment
   * statuses, red list and published-records index.
   */
  async publicListed(ids: string[], requestId: string): Promise<string[]> {
    return (await this.call(PublicListedDocument, { ids }, requestId)).publicListed;
  }

  async consentCheck(institutionId: string, purpose: ConsentPurpose, subjectIds: string[], requestId: string): Promise<ConsentCheckResult> {
    const data = await this.call(ConsentCheckDocument, { institutionId, purpose, subjectIds }, requestId);
    return data.consentCheck;
  }

  /**
   * Writes a request's query-log entries; resolves once the platform has
   * them, rejects if it does not. Group commit, as the platform's own
   * writer does: while one append call is in flight, the entries of every
   * other request wait and then go together in the next call, so the
   * platform and its database see one call per batch of requests instead of
   * one per request. No request is answered before its own entries are
   * written (fail closed), and a failed call fails every request in it. A
   * request waits at most for the call in flight and its own, each bounded
   * by `timeouts.queryLogAppendMs`.
   */
  appendQueryLog(entries: QueryLogInput[], requestId: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.logQueue.push({ entries, requestId, resolve, reject });
      this.sendQueuedLog();
    });
  }

  private logQueue: PendingLogAppend[] = [];
  private logCallsInFlight = 0;

  private sendQueuedLog(): void {
    while (this.logCallsInFlight < LOG_CALLS_IN_FLIGHT && this.logQueue.length > 0) {
      // Whole requests, up to LOG_CHUNK entries per call (a request above it goes alone, in chunks).
      let taken = 1;
      let size = this.logQueue[0]!.entries.length;
      while (taken < this.logQueue.length && size + this.logQueue[taken]!.entries.length <= LOG_CHUNK) size += this.logQueue[taken++]!.entries.length;
      const batch = this.logQueue.splice(0, taken);
      this.logCallsInFlight++;
      this.sendLog(batch)
        .then(
          () => batch.forEach((pending) => pending.resolve()),
          (err: unknown) => batch.forEach((pending) => pending.reject(err)),
        )
        .finally(() => {
          this.logCallsInFlight--;
          this.sendQueuedLog();
        });
    }
  }

  private async sendLog(batch: PendingLogAppend[]): Promise<void> {
    const entries = batch.flatMap((pending) => pending.entries);
    // Chunks keep each call well under the subgraphs' body limit; the platform's writer commits concurrent chunks together.
    const chunks: QueryLogInput[][] = [];
    for (let i = 0; i < entries.length; i += LOG_CHUNK) chunks.push(entries.slice(i, i + LOG_CHUNK));
    // The platform's log lines name the first request of the batch.
    const requestId = batch[0]!.requestId;
    await Promise.all(
      // Bounded: with the log unwritable the answer is withheld within this time, not after a minute.
      chunks.map((chunk) => this.call(AppendQueryLogDocument, { entries: chunk }, requestId, policy().timeouts.queryLogAppendMs)),
    );
  }
}

interface PendingLogAppend {
  entries: QueryLogInput[];
  requestId: string;
  resolve: () => void;
  reject: (err: unknown) => void;
}

const LOG_CHUNK = 1000;
// One call at a time gathers the most requests per call; the platform's writer serialises appends anyway.
const LOG_CALLS_IN_FLIGHT = 1;
