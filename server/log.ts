// Structured JSON logs (pino); callers pass only safe fields (never tokens, plan content or URLs with queries),
// and the logger also redacts token-like fields and strips query strings, as a second line of defence.
import { pino } from 'pino';

export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Where the server writes what happens; `silentLogger` for tests. */
export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** Field names whose values are replaced by `[redacted]` wherever a caller passes them. */
export const REDACTED_FIELDS: readonly string[] = [
  'token',
  'editToken',
  'viewToken',
  'adminToken',
  'metricsToken',
  'authorization',
  'cookie',
  'password',
  'secret',
  'headers.authorization',
  'headers.cookie',
];

/** A URL or path without its query string and fragment (they may carry a token). */
const withoutQuery = (value: unknown): unknown =>
  typeof value === 'string' ? value.replace(/[?#].*$/s, '') : value;

// One stdout stream for every logger in the process (tests start many servers; each stream hooks process exit).
let stdout: ReturnType<typeof pino.destination> | undefined;
const stdoutDestination = (): ReturnType<typeof pino.destination> =>
  (stdout ??= pino.destination({ dest: 1, sync: true }));

/**
 * Writes one JSON object per line, `{"level":"info","time":"<ISO>","pid":…,"msg":…,...fields}`, to `write`
 * (stdout by default, written synchronously so the last lines before a crash are not lost).
 */
export function createLogger(write?: (line: string) => void): Logger {
  const destination = write === undefined ? stdoutDestination() : { write };
  const logger = pino(
    {
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...REDACTED_FIELDS], censor: '[redacted]' },
      serializers: { path: withoutQuery, url: withoutQuery, origin: withoutQuery },
    },
    destination,
  );
  return {
    info: (msg, fields) => logger.info(fields ?? {}, msg),
    warn: (msg, fields) => logger.warn(fields ?? {}, msg),
    error: (msg, fields) => logger.error(fields ?? {}, msg),
  };
}

/** A logger that drops everything. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** A loggable description of an unknown thrown value (its message only; stacks can carry data). */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
