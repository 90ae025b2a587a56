// What one log entry says about the plan's cells: its shape check, its row, and the cells it wrote. Pure data, no Yjs.
import type { LogEntry, LogTarget, LogValue } from './schema.ts';

/** Every cell a row-level entry (`add`, `delete`) covers, in the bookkeeping of who saw what. */
export const WHOLE_ROW = '*';

/** The cell whose value an `add` entry records in `to`: what the row is called. */
const NAME_FIELD: Readonly<Record<LogTarget, string | undefined>> = {
  activity: 'text',
  focusArea: 'name',
  participant: 'name',
  meta: undefined,
};

/** One string per row, for grouping entries: target and id. */
export const rowKeyOf = (target: LogTarget, id: string): string => `${target}\u0000${id}`;

/** True for `add` and `delete`, which concern the whole row rather than one cell. */
export const isRowEntry = (entry: Pick<LogEntry, 'field'>): boolean => entry.field === undefined;

/**
 * The cells whose value the entry sets, for finding a cell's newest entries: its own field, or for a
 * re-created row (an `add` with a snapshot) every cell of the snapshot. A plain `add` or a `delete` sets none.
 */
export function cellsWrittenBy(entry: LogEntry): readonly string[] {
  if (entry.field !== undefined) return [entry.field];
  if (entry.action === 'add' && entry.snapshot !== undefined) return Object.keys(entry.snapshot);
  return [];
}

/**
 * The value the entry gave `field`, or undefined when it did not touch that cell. A plain `add` counts for
 * the row's name cell (an activity's text), so a cell's history starts where the row began.
 */
export function cellValueOf(entry: LogEntry, field: string): LogValue | undefined {
  if (entry.field !== undefined) return entry.field === field ? (entry.to ?? null) : undefined;
  if (entry.action !== 'add') return undefined;
  if (entry.snapshot !== undefined)
    return Object.hasOwn(entry.snapshot, field) ? entry.snapshot[field] : undefined;
  return NAME_FIELD[entry.target] === field ? (entry.to ?? null) : undefined;
}

/** Equal log values; sets (owners, reform parts) compare as sets. */
export function sameLogValue(a: LogValue | undefined, b: LogValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return (
      a.length === b.length &&
      [...a].map(String).sort().join('\u0000') === [...b].map(String).sort().join('\u0000')
    );
  }
  return a === b;
}

// Entries come from other replicas: check their shape before the app relies on it.
export function isLogEntry(value: unknown): value is LogEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<LogEntry>;
  return (
    typeof entry.at === 'string' &&
    typeof entry.id === 'string' &&
    typeof entry.target === 'string' &&
    typeof entry.action === 'string' &&
    typeof entry.by === 'object' &&
    entry.by !== null &&
    typeof entry.by.name === 'string' &&
    (entry.field === undefined || typeof entry.field === 'string') &&
    (entry.key === undefined || typeof entry.key === 'string') &&
    (entry.prev === undefined ||
      (Array.isArray(entry.prev) && entry.prev.every((k) => typeof k === 'string'))) &&
    (entry.snapshot === undefined ||
      (typeof entry.snapshot === 'object' && entry.snapshot !== null && !Array.isArray(entry.snapshot)))
  );
}
