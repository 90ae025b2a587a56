// Typed access to the document's top-level shared types and row maps; internal to src/model.
import * as Y from 'yjs';
import { TOP } from './schema.ts';
import type { LogEntry } from './schema.ts';
import type { ValidationContext } from './validate.ts';

/** A row (activity, focus area, participant): one Y.Map, one key per cell. */
export type Row = Y.Map<unknown>;
/** A set stored as a map of member → true, so concurrent additions merge. */
export type SetMap = Y.Map<true>;

export const metaOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(TOP.meta);
export const participantsOf = (doc: Y.Doc): Y.Map<Row> => doc.getMap<Row>(TOP.participants);
export const focusAreasOf = (doc: Y.Doc): Y.Map<Row> => doc.getMap<Row>(TOP.focusAreas);
export const activitiesOf = (doc: Y.Doc): Y.Map<Row> => doc.getMap<Row>(TOP.activities);
export const logOf = (doc: Y.Doc): Y.Array<LogEntry> => doc.getArray<LogEntry>(TOP.log);

/** Reads a string cell; anything else (a remote client's bad write) reads as `fallback`. */
export const str = (row: Y.Map<unknown>, key: string, fallback = ''): string => {
  const value = row.get(key);
  return typeof value === 'string' ? value : fallback;
};

export const num = (row: Y.Map<unknown>, key: string, fallback: number): number => {
  const value = row.get(key);
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
};

/** The members of a set cell, or none when the cell is missing or not a map. */
export const setMembers = (row: Y.Map<unknown>, key: string): string[] => {
  const value = row.get(key);
  return value instanceof Y.Map ? [...value.keys()] : [];
};

/** A new Y.Map holding the given members, for a row being created. */
export const newSet = (members: readonly (string | number)[]): SetMap => {
  const set = new Y.Map<true>();
  for (const member of members) set.set(String(member), true);
  return set;
};

/** Makes the set cell `key` hold exactly `members`, touching only the keys that change (so concurrent adds merge). */
export function writeSet(row: Row, key: string, members: readonly (string | number)[]): void {
  let set = row.get(key);
  if (!(set instanceof Y.Map)) {
    set = newSet([]);
    row.set(key, set);
  }
  const target = set as SetMap;
  const wanted = new Set(members.map(String));
  for (const member of [...target.keys()]) if (!wanted.has(member)) target.delete(member);
  for (const member of wanted) if (!target.has(member)) target.set(member, true);
}

/** A new row map filled with `cells`. */
export function newRow(cells: Record<string, unknown>): Row {
  const row = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(cells)) row.set(key, value);
  return row;
}

/** The ids the plan holds right now, for validating a value against it. */
export const validationContextOf = (doc: Y.Doc): ValidationContext => ({
  focusAreaIds: new Set(focusAreasOf(doc).keys()),
  participantIds: new Set(participantsOf(doc).keys()),
});
