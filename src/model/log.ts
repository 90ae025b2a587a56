// The bounded change log, written inside the same transaction as the change it records.
import type * as Y from 'yjs';
import { logOf } from './shared.ts';
import { LOG_LIMIT } from './schema.ts';
import type { Actor, LogEntry } from './schema.ts';

/** The entry's fields other than who and when, which `appendLog` fills in. */
export type LogRecord = Omit<LogEntry, 'at' | 'by'>;

/**
 * Appends entries by `actor` and drops the oldest past LOG_LIMIT. Must run inside the caller's transaction,
 * so a change and its entry reach every replica together.
 */
export function appendLog(doc: Y.Doc, actor: Actor, records: readonly LogRecord[], at = new Date()): void {
  if (records.length === 0) return;
  const log = logOf(doc);
  const stamp = at.toISOString();
  log.push(records.map((record) => stripUndefined({ ...record, at: stamp, by: { ...actor } })));
  const excess = log.length - LOG_LIMIT;
  if (excess > 0) log.delete(0, excess);
}

/** Every entry the document holds, oldest first. */
export const readLog = (doc: Y.Doc): LogEntry[] => logOf(doc).toArray().filter(isLogEntry);

// Yjs refuses `undefined` values inside JSON content.
function stripUndefined(entry: LogEntry): LogEntry {
  return Object.fromEntries(
    Object.entries(entry).filter(([, value]) => value !== undefined),
  ) as unknown as LogEntry;
}

// Entries come from other replicas: check their shape before the app relies on it.
function isLogEntry(value: unknown): value is LogEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<LogEntry>;
  return (
    typeof entry.at === 'string' &&
    typeof entry.id === 'string' &&
    typeof entry.target === 'string' &&
    typeof entry.action === 'string' &&
    typeof entry.by === 'object' &&
    entry.by !== null &&
    typeof entry.by.name === 'string'
  );
}
