import { createLogger, GATEWAY_DEFAULT_PORT } from '@credit/shared';

import { startGateway } from './server';

const log = createLogger({ service: 'gateway' });
const port = Number(process.env.PORT ?? GATEWAY_DEFAULT_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  log.error(`PORT must be a TCP port number, got "${process.env.PORT}"`);
  process.exit(2);
}

startGateway({ port, host: process.env.HOST ?? '127.0.0.1', sampleId: process.env.SAMPLE_CITIZEN_ID })
  .then((running) => {
    const shutdown = (signal: string) => {
      log.info('shutting down', { signal });
      running.stop().then(
        () => process.exit(0),
        (err: unknown) => {
          log.error('shutdown failed', { err });
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  })
  .catch((err: unknown) => {
    log.error('gateway failed to start', { err });
    process.exit(1);
  });
