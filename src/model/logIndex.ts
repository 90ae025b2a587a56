// A per-document index of the change log, kept in step with the log array: entries by key, which entries later
// ones saw, and each row's heads, so finding a cell's newest entries costs a few lookups instead of a log scan.
import type * as Y from 'yjs';
import { WHOLE_ROW, cellsWrittenBy, isLogEntry, isRowEntry, rowKeyOf } from './logEntry.ts';
import type { LogEntry } from './schema.ts';
import { logOf } from './shared.ts';

export interface LogIndex {
  /** The log array, entry for entry; null where a replica wrote something that is not an entry. */
  entries: (LogEntry | null)[];
  /** Per row (`rowKeyOf`), its keyed entries that are still heads: the only ones a query needs to look at. */
  readonly heads: Map<string, Set<LogEntry>>;
  readonly byKey: Map<string, LogEntry>;
  /** key → (cell, or WHOLE_ROW) → how many entries list the key in `prev` with that scope. */
  readonly seen: Map<string, Map<string, number>>;
  /** The transaction whose own appends and trims are already in the index (so its change event is skipped). */
  selfApplied: Y.Transaction | null;
  /** The transaction the index was built in, if any: its changes may already be in the built index. */
  builtIn: Y.Transaction | null;
  /** Results derived from the log and the plan (open conflicts), dropped after every transaction. */
  readonly derived: Map<string, unknown>;
}

const indexes = new WeakMap<Y.Doc, LogIndex>();

/** The doc's index, built from the log on first use and kept current from then on. */
export function indexOf(doc: Y.Doc): LogIndex {
  let index = indexes.get(doc);
  if (index === undefined) {
    index = openIndex(doc);
    indexes.set(doc, index);
  }
  return index;
}

function openIndex(doc: Y.Doc): LogIndex {
  const log = logOf(doc);
  const index: LogIndex = {
    entries: [],
    heads: new Map(),
    byKey: new Map(),
    seen: new Map(),
    selfApplied: null,
    builtIn: doc._transaction,
    derived: new Map(),
  };
  rebuild(index, log.toArray());
  log.observe((event, transaction) => {
    // Computing a change event walks the whole array, so this replica's own appends skip it when they are
    // all that changed (the usual edit). Anything else — a sync, an undo, a mixed transaction — is read from
    // the event or, where the index may already hold part of it, rebuilt.
    if (transaction === index.selfApplied && matchesLog(index, log)) return;
    if (transaction === index.selfApplied || transaction === index.builtIn) rebuild(index, log.toArray());
    else applyDelta(index, event.changes.delta);
  });
  // Observers run before this, so a log change is indexed by now; the plan itself may have changed too.
  doc.on('afterTransaction', () => {
    index.selfApplied = null;
    index.builtIn = null;
    index.derived.clear();
  });
  return index;
}

/** A cheap check that the index's copy ends where the log does, entry for entry. */
const matchesLog = (index: LogIndex, log: Y.Array<LogEntry>): boolean =>
  index.entries.length === log.length &&
  (log.length === 0 || index.entries.at(-1) === log.get(log.length - 1));

/** Indexes an entry `appendLog` is pushing in the running transaction, so the rest of its batch sees it. */
export function noteAppended(doc: Y.Doc, entry: LogEntry): void {
  const index = indexOf(doc);
  index.selfApplied = doc._transaction;
  index.entries.push(entry);
  add(index, entry);
}

/** Drops the oldest `count` entries from the index, as `appendLog` trims them from the log. */
export function noteTrimmed(doc: Y.Doc, count: number): void {
  const index = indexOf(doc);
  index.selfApplied = doc._transaction;
  for (const entry of index.entries.splice(0, count)) if (entry !== null) remove(index, entry);
}

function rebuild(index: LogIndex, values: readonly unknown[]): void {
  index.heads.clear();
  index.byKey.clear();
  index.seen.clear();
  index.entries = values.map(asEntry);
  for (const entry of index.entries) if (entry !== null) add(index, entry);
}

function applyDelta(
  index: LogIndex,
  delta: readonly { insert?: unknown; delete?: number; retain?: number }[],
): void {
  let at = 0;
  for (const op of delta) {
    if (op.retain !== undefined) at += op.retain;
    else if (op.delete !== undefined) {
      for (const entry of index.entries.splice(at, op.delete)) if (entry !== null) remove(index, entry);
    } else if (Array.isArray(op.insert)) {
      const inserted = op.insert.map(asEntry);
      index.entries = [...index.entries.slice(0, at), ...inserted, ...index.entries.slice(at)];
      for (const entry of inserted) if (entry !== null) add(index, entry);
      at += inserted.length;
    }
  }
}

const asEntry = (value: unknown): LogEntry | null => (isLogEntry(value) ? value : null);

function add(index: LogIndex, entry: LogEntry): void {
  if (entry.key === undefined) return;
  index.byKey.set(entry.key, entry);
  const scope = scopeOf(entry);
  for (const key of entry.prev ?? []) {
    let scopes = index.seen.get(key);
    if (scopes === undefined) index.seen.set(key, (scopes = new Map()));
    scopes.set(scope, (scopes.get(scope) ?? 0) + 1);
  }
  refresh(index, entry);
  for (const key of entry.prev ?? []) refresh(index, index.byKey.get(key));
}

function remove(index: LogIndex, entry: LogEntry): void {
  if (entry.key === undefined) return;
  if (index.byKey.get(entry.key) === entry) index.byKey.delete(entry.key);
  const scope = scopeOf(entry);
  for (const key of entry.prev ?? []) {
    const scopes = index.seen.get(key);
    const count = (scopes?.get(scope) ?? 0) - 1;
    if (count > 0) scopes?.set(scope, count);
    else scopes?.delete(scope);
    if (scopes?.size === 0) index.seen.delete(key);
  }
  refresh(index, entry);
  // What this entry superseded may be a head again (an undo, or the log trimmed past it).
  for (const key of entry.prev ?? []) refresh(index, index.byKey.get(key));
}

/** An entry in `prev` supersedes its target for one cell, or (from an add or delete) for the whole row. */
const scopeOf = (entry: LogEntry): string => (isRowEntry(entry) ? WHOLE_ROW : (entry.field ?? WHOLE_ROW));

/** True when a later entry listed `key` for `field` (or for its whole row). */
export function seenIn(index: LogIndex, key: string, field: string): boolean {
  const scopes = index.seen.get(key);
  return scopes !== undefined && (scopes.has(WHOLE_ROW) || scopes.has(field));
}

/** A row entry no later row entry saw, or an entry still a head of one of the cells it wrote. */
function isRowHead(index: LogIndex, entry: LogEntry): boolean {
  const key = entry.key as string;
  const cells = cellsWrittenBy(entry);
  if (cells.length === 0) return !seenIn(index, key, WHOLE_ROW);
  return cells.some((field) => !seenIn(index, key, field));
}

/** Puts the entry among its row's heads, or takes it out, as it now stands. */
function refresh(index: LogIndex, entry: LogEntry | undefined): void {
  if (entry?.key === undefined) return;
  const row = rowKeyOf(entry.target, entry.id);
  let heads = index.heads.get(row);
  if (index.byKey.get(entry.key) === entry && isRowHead(index, entry)) {
    if (heads === undefined) index.heads.set(row, (heads = new Set()));
    heads.add(entry);
  } else if (heads !== undefined) {
    heads.delete(entry);
    if (heads.size === 0) index.heads.delete(row);
  }
}
