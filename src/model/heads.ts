// Queries on the log index: a cell's and a row's heads (the entries nobody has seen superseded), entries by key.
import type * as Y from 'yjs';
import { cellsWrittenBy, rowKeyOf } from './logEntry.ts';
import { indexOf, seenIn } from './logIndex.ts';
import type { CellRef, LogEntry, LogTarget } from './schema.ts';

/** The cell's heads, oldest first: entries that set it and that no later entry of the cell or its row saw. */
export function cellHeads(doc: Y.Doc, cell: CellRef): LogEntry[] {
  const index = indexOf(doc);
  const heads: LogEntry[] = [];
  for (const entry of index.heads.get(rowKeyOf(cell.target, cell.id)) ?? []) {
    const key = entry.key as string;
    if (cellsWrittenBy(entry).includes(cell.field) && !seenIn(index, key, cell.field)) heads.push(entry);
  }
  return sortByTime(heads);
}

/**
 * The row's heads, oldest first: row entries (add, delete) no later row entry saw, and entries still a head
 * of one of their cells. What a delete or a restore lists in `prev`, so it supersedes every edit its writer had.
 */
export const rowHeads = (doc: Y.Doc, target: LogTarget, id: string): LogEntry[] =>
  sortByTime([...(indexOf(doc).heads.get(rowKeyOf(target, id)) ?? [])]);

/** Every row that has heads, with them; for finding conflicts. */
export function* rowsWithHeads(doc: Y.Doc): Generator<{ target: LogTarget; id: string; heads: LogEntry[] }> {
  for (const heads of indexOf(doc).heads.values()) {
    const [first] = heads;
    if (first !== undefined) yield { target: first.target, id: first.id, heads: sortByTime([...heads]) };
  }
}

export const findEntry = (doc: Y.Doc, key: string): LogEntry | undefined => indexOf(doc).byKey.get(key);

/**
 * The log's valid entries, oldest first. Log order respects cause: an entry comes after every entry its
 * writer had, because Yjs keeps each replica's appends after what that replica held.
 */
export const indexedLog = (doc: Y.Doc): readonly LogEntry[] =>
  derived(doc, 'log', () => indexOf(doc).entries.filter((entry): entry is LogEntry => entry !== null));

/** `compute()`, remembered until the document next changes. */
export function derived<T>(doc: Y.Doc, name: string, compute: () => T): T {
  const cache = indexOf(doc).derived;
  if (cache.has(name)) return cache.get(name) as T;
  const value = compute();
  cache.set(name, value);
  return value;
}

/** Oldest first by the writers' clocks, then by key: the same order on every replica. */
const sortByTime = (entries: LogEntry[]): LogEntry[] =>
  entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : (a.key ?? '') < (b.key ?? '') ? -1 : 1));
