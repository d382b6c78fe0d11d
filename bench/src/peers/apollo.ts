import { readFileSync } from 'node:fs';

import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

/**
 * A stock `@apollo/gateway` over our supergraph, with its default settings:
 * one of the peers `npm run bench:peers` measures ours against. It serves
 * no authorisation, masking or query log; the subgraphs answer its unsigned
 * calls as the public only in their benchmark mode
 * (`BENCH_UNSIGNED_PUBLIC_READS=true`).
 *
 *   node bench/dist/peers/apollo.js <supergraph file> <port>
 */
async function main(): Promise<void> {
  const [supergraphFile, port] = process.argv.slice(2);
  const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: readFileSync(supergraphFile!, 'utf8') }) });
  const { url } = await startStandaloneServer(server, { listen: { port: Number(port), host: '127.0.0.1' } });
  console.log(`listening ${url}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
