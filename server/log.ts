// Structured JSON logs, one object per line; callers pass only safe fields (never tokens, plan content or URLs with
// queries), and the logger also redacts token-like fields and strips query strings, as a second line of defence.
// A few lines of our own rather than pino: the relay's fields are flat, and pino cost ~2.5 MB of resident memory.
import { writeSync } from 'node:fs';

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
];
const REDACTED = new Set(REDACTED_FIELDS);

/** Fields that may hold a URL or path: their query string and fragment go (they may carry a token). */
const URL_FIELDS = new Set(['path', 'url', 'origin']);
const withoutQuery = (value: string): string => value.replace(/[?#].*$/s, '');

/** Set by the logger itself; a caller's field of the same name is dropped. */
const OWN_FIELDS = new Set(['level', 'time', 'pid', 'msg']);

/**
 * Writes one JSON object per line, `{"level":"info","time":"<ISO>","pid":…,…fields,"msg":…}`, to `write`
 * (stdout by default, written synchronously so the last lines before a crash are not lost).
 */
export function createLogger(write: (line: string) => void = writeStdout): Logger {
  const log =
    (level: 'info' | 'warn' | 'error') =>
    (msg: string, fields: LogFields = {}): void => {
      const entry: Record<string, unknown> = { level, time: new Date().toISOString(), pid: process.pid };
      for (const [name, value] of Object.entries(fields)) {
        if (value === undefined || OWN_FIELDS.has(name)) continue;
        entry[name] = REDACTED.has(name)
          ? '[redacted]'
          : URL_FIELDS.has(name) && typeof value === 'string'
            ? withoutQuery(value)
            : value;
      }
      entry.msg = msg;
      write(`${JSON.stringify(entry)}\n`);
    };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

/** How long a full stdout pipe may hold up the server before a line is dropped: logging must never stop it. */
const STDOUT_PATIENCE_MS = 100;

function writeStdout(line: string): void {
  let bytes = Buffer.from(line);
  const waitUntil = performance.now() + STDOUT_PATIENCE_MS;
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(1, bytes));
    } catch (error) {
      // A non-blocking pipe that is full: wait a moment for the reader, as pino's synchronous stream did.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN' || performance.now() > waitUntil) return;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}
const pause = new Int32Array(new SharedArrayBuffer(4));

/** A logger that drops everything. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** A loggable description of an unknown thrown value (its message only; stacks can carry data). */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
