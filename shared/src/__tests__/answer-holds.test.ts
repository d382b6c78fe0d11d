import { ApolloServer } from '@apollo/server';

import { AnswerHolds, answerHoldsPlugin } from '../answer-holds';
import { codedError } from '../errors';

interface Context {
  answerHolds: AnswerHolds;
}

/** A write the test settles when it wants, to see what the answer does meanwhile. */
function pendingWrite() {
  let settle!: { resolve: () => void; reject: (err: Error) => void };
  const promise = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  return { promise, ...settle };
}

function serverHolding(write: () => Promise<void>) {
  return new ApolloServer<Context>({
    typeDefs: 'type Query { check: String! }',
    resolvers: {
      Query: {
        check: (_parent: unknown, _args: unknown, ctx: Context) => {
          ctx.answerHolds.until(write(), () => codedError('QUERY_LOG_UNAVAILABLE', 'not recorded'));
          return 'answer';
        },
      },
    },
    plugins: [answerHoldsPlugin<Context>()],
  });
}

async function ask(server: ApolloServer<Context>) {
  const response = await server.executeOperation({ query: '{ check }' }, { contextValue: { answerHolds: new AnswerHolds() } });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult;
}

describe('answers held until their writes are done', () => {
  it('sends the answer only once the write it waits for is stored', async () => {
    const write = pendingWrite();
    const server = serverHolding(() => write.promise);
    let answered = false;
    const answer = ask(server).then((result) => {
      answered = true;
      return result;
    });
    // The resolver has long returned; the answer still waits for the write.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    write.resolve();
    expect(await answer).toEqual({ data: { check: 'answer' } });
  });

  it('answers only the refusal, and no data, when the write fails', async () => {
    const server = serverHolding(() => Promise.reject(new Error('database gone')));
    const result = await ask(server);
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([expect.objectContaining({ message: 'not recorded', extensions: { code: 'QUERY_LOG_UNAVAILABLE' } })]);
  });

  it('answers only the refusal when the write fails after the answer was made', async () => {
    const write = pendingWrite();
    const server = serverHolding(() => write.promise);
    const answer = ask(server);
    await new Promise((resolve) => setTimeout(resolve, 20));
    write.reject(new Error('database gone'));
    const result = await answer;
    expect(result.data).toBeNull();
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_LOG_UNAVAILABLE']);
  });
});
