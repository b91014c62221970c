import pino, { type Logger } from 'pino';

/** The process's logger. Call sites log events and counts, never donors' data or secrets. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: { paths: ['req.headers', 'authorization', 'receipt', 'token', 'body'], remove: true },
  });
}
