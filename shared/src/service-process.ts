import type { Logger } from './logger';

/**
 * Runs a service as a process: reads PORT (exits 2 naming the setting when
 * it is not a port), starts the service, stops it cleanly on SIGTERM/SIGINT,
 * and exits non-zero when start-up or shutdown fails.
 */
export function runServiceProcess(name: string, log: Logger, defaultPort: number, start: (port: number) => Promise<{ stop(): Promise<void> }>): void {
  const port = Number(process.env.PORT ?? defaultPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    log.error(`PORT must be a TCP port number, got "${process.env.PORT}"`);
    process.exit(2);
  }
  start(port)
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
      log.error(`${name} failed to start`, { err });
      process.exit(1);
    });
}
