// A tiny one-line-JSON logger; callers pass only safe fields (never tokens, plan content or URLs with queries).

export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Where the server writes what happens; `silentLogger` for tests. */
export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

type Level = 'info' | 'warn' | 'error';

/** Writes `{"time","level","msg",...fields}` as one line to `write` (stdout by default). */
export function createLogger(write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  const emit = (level: Level, msg: string, fields?: LogFields): void => {
    write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }) + '\n');
  };
  return {
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
  };
}

/** A logger that drops everything. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** A loggable description of an unknown thrown value (its message only; stacks can carry data). */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
