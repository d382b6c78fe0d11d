import { createServer } from 'node:http';

import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';

/**
 * Hive Gateway's runtime over our supergraph, with its default settings,
 * served by Node's HTTP server: one of the peers `npm run bench:peers`
 * measures ours against (see apollo.ts for what the peers do not do).
 *
 *   node bench/dist/peers/hive.js <supergraph file> <port>
 */
function main(): void {
  const [supergraphFile, port] = process.argv.slice(2);
  const gateway = createGatewayRuntime({ supergraph: supergraphFile!, logging: 'error' });
  const server = createServer(gateway);
  server.listen(Number(port), '127.0.0.1', () => console.log(`listening http://127.0.0.1:${port}/graphql`));
}

main();
