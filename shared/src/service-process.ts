import type { ChildProcess } from 'node:child_process';

import { config } from './config';
import type { Logger } from './logger';

/**
 * Runs a service as a process: reads PORT (exits 2 naming the setting when
 * it is not a port), starts the service, stops it cleanly on SIGTERM/SIGINT,
 * and exits non-zero when start-up or shutdown fails.
 */
export function runServiceProcess(name: string, log: Logger, defaultPort: number, start: (port: number) => Promise<{ stop(): Promise<void> }>): void {
  let port: number;
  try {
    port = config().PORT ?? defaultPort;
  } catch (err) {
    // Every malformed setting, PORT among them, named at once.
    log.error((err as Error).message);
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

/**
 * Stops a child process: SIGTERM, then SIGKILL if it is still there after
 * `killAfterMs` (a process that ignores SIGTERM, or hangs in its shutdown).
 * Resolves when it has exited; at once for one that already had.
 */
export function stopChildProcess(child: ChildProcess, killAfterMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), killAfterMs).unref();
  });
}
