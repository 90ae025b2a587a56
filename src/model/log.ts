// The bounded change log, written inside the same transaction as the change it records.
import type * as Y from 'yjs';
import { nanoid } from 'nanoid';
import { cellHeads, rowHeads } from './heads.ts';
import { isLogEntry } from './logEntry.ts';
import { noteAppended, noteTrimmed } from './logIndex.ts';
import { logOf } from './shared.ts';
import { LOG_LIMIT } from './schema.ts';
import type { Actor, LogEntry } from './schema.ts';

/** The entry's fields other than who, when and its place among the others, which `appendLog` fills in. */
export type LogRecord = Omit<LogEntry, 'at' | 'by' | 'key' | 'prev'>;

/**
 * Appends entries by `actor` and drops the oldest past LOG_LIMIT. Must run inside the caller's transaction,
 * so a change and its entry reach every replica together. Each entry gets a key and, in `prev`, the keys of
 * the entries it supersedes: the cell's heads (for `add` and `delete`, the row's), as this replica sees them.
 */
export function appendLog(doc: Y.Doc, actor: Actor, records: readonly LogRecord[], at = new Date()): void {
  if (records.length === 0) return;
  const log = logOf(doc);
  const stamp = at.toISOString();
  // Joins the caller's transaction; the index relies on its appends and trims happening inside one.
  doc.transact(() => {
    const entries = records.map((record) => {
      const heads =
        record.field === undefined
          ? rowHeads(doc, record.target, record.id)
          : cellHeads(doc, { target: record.target, id: record.id, field: record.field });
      const entry = stripUndefined({
        ...record,
        key: newLogKey(),
        prev: heads.map((head) => head.key as string),
        at: stamp,
        by: { ...actor },
      });
      // The next record of this batch (say, a second write of the same cell) must see this one.
      noteAppended(doc, entry);
      return entry;
    });
    log.push(entries);
    const excess = log.length - LOG_LIMIT;
    if (excess > 0) {
      noteTrimmed(doc, excess);
      log.delete(0, excess);
    }
  });
}

/** Every entry the document holds, oldest first. */
export const readLog = (doc: Y.Doc): LogEntry[] => logOf(doc).toArray().filter(isLogEntry);

// 16 url-safe characters (96 bits): unique among one plan's entries without costing much room in each.
const newLogKey = (): string => nanoid(16);

// Yjs refuses `undefined` values inside JSON content.
function stripUndefined(entry: LogEntry): LogEntry {
  return Object.fromEntries(
    Object.entries(entry).filter(([, value]) => value !== undefined),
  ) as unknown as LogEntry;
}
