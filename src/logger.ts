import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Times to the second: a millisecond log time beside a donation would date it far more finely
 * than the day the database keeps.
 */
export function secondsTimestamp(now = new Date()): string {
  return `,"time":"${now.toISOString().slice(0, 19)}Z"`;
}

/** The process's logger. Call sites log events and counts, never donors' data or secrets. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    timestamp: () => secondsTimestamp(),
    redact: { paths: ['req.headers', 'authorization', 'receipt', 'token', 'body'], remove: true },
  };
  return destination ? pino(options, destination) : pino(options);
}
