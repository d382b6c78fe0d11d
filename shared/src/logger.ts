import { logLevelSetting } from './config';

/**
 * Structured JSON logs, one object per line on stdout, so a log shipper can
 * parse them without configuration. Level from LOG_LEVEL (default info).
 */
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 } as const;
export type LogLevel = keyof typeof LEVELS;

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

// Errors from another realm (jest's sandbox, worker threads) fail
// `instanceof Error`, so recognise them by shape.
function isErrorLike(v: unknown): v is Error & { cause?: unknown; code?: unknown } {
  return typeof v === 'object' && v !== null && typeof (v as Error).message === 'string' && typeof (v as Error).stack === 'string';
}

function serializeError(err: Error & { cause?: unknown; code?: unknown }): Record<string, unknown> {
  return {
    name: err.name,
    message: err.message,
    ...(err.code !== undefined ? { code: err.code } : {}),
    stack: err.stack,
    ...(err.cause !== undefined ? { cause: isErrorLike(err.cause) ? serializeError(err.cause) : err.cause } : {}),
  };
}

function levelFromEnv(): LogLevel {
  return logLevelSetting();
}

/** Creates a logger whose every line carries `base` (service name, request id). */
export function createLogger(base: Record<string, unknown>, level: LogLevel = levelFromEnv()): Logger {
  const threshold = LEVELS[level];
  const write = (lvl: Exclude<LogLevel, 'silent'>, msg: string, fields?: Record<string, unknown>) => {
    if (LEVELS[lvl] < threshold) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...base, ...fields }, (_k, v: unknown) =>
      isErrorLike(v) ? serializeError(v) : v,
    );
    process.stdout.write(line + '\n');
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger({ ...base, ...fields }, level),
  };
}
