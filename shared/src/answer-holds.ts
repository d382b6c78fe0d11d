import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';

/**
 * Writes an answer must wait for, without waiting for them to compute it.
 * A subgraph that logs a read where it answers it (the platform's blacklist
 * check) starts the query-log append, computes and completes the answer
 * meanwhile, and sends it only once the entry is stored: every read is
 * still logged before its answer leaves (MISSION rule 4), and the entry's
 * round trip to the database no longer comes on top of the answer's work.
 */
export class AnswerHolds {
  private readonly holds: Promise<GraphQLError | null>[] = [];

  /** The answer leaves once `write` is done; if it fails, `refusal` is all that is answered. */
  until(write: Promise<unknown>, refusal: (err: unknown) => GraphQLError): void {
    // Handled at once, so that a write failing before the answer is ready is not an unhandled rejection.
    this.holds.push(write.then(() => null, refusal));
  }

  /** Once every write is done: the first refusal, or null when all were stored. */
  async settled(): Promise<GraphQLError | null> {
    for (const refusal of await Promise.all(this.holds)) if (refusal) return refusal;
    return null;
  }
}

/**
 * Holds each answer until the writes its context's `answerHolds` names are
 * done. If one failed, no data leaves: the whole answer becomes that
 * refusal alone (fail closed), as a resolver throwing it before computing
 * anything would have left it (`data: null`, HTTP status unchanged), so the
 * gateway treats it as it always did (it withholds the request, 503).
 */
export function answerHoldsPlugin<TContext extends { answerHolds: AnswerHolds }>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const refusal = await contextValue.answerHolds.settled();
          if (refusal) response.body = { kind: 'single', singleResult: { data: null, errors: [refusal.toJSON()] } };
        },
      };
    },
  };
}
