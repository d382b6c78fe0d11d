import { createLogger, GATEWAY_DEFAULT_PORT, runServiceProcess } from '@credit/shared';

import { startGateway } from './server';

runServiceProcess('gateway', createLogger({ service: 'gateway' }), GATEWAY_DEFAULT_PORT, (port) =>
  startGateway({ port, host: process.env.HOST ?? '127.0.0.1', sampleId: process.env.SAMPLE_CITIZEN_ID }),
);
