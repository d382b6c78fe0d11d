import { checkStartupConfiguration, createLogger, GATEWAY_DEFAULT_PORT, runServiceProcess } from '@credit/shared';

import { startGateway } from './server';

runServiceProcess('gateway', createLogger({ service: 'gateway' }), GATEWAY_DEFAULT_PORT, (port) => {
  const { HOST, SAMPLE_CITIZEN_ID } = checkStartupConfiguration('gateway');
  return startGateway({ port, host: HOST, sampleId: SAMPLE_CITIZEN_ID });
});
