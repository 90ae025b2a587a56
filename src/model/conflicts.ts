// Open conflicts: cells two people changed without seeing each other's change, and activities edited while deleted.
import type * as Y from 'yjs';
import { CONFLICT_FIELDS, readCell, rowExists } from './cells.ts';
import { cellHeads, derived, rowsWithHeads } from './heads.ts';
import { toCellChange } from './history.ts';
import type { CellChange } from './history.ts';
import { cellValueOf, cellsWrittenBy, sameLogValue } from './logEntry.ts';
import { readPlan } from './plan.ts';
import type { ActivityId, Actor, CellRef, LogEntry, LogTarget, LogValue } from './schema.ts';

/** One of the values a conflicting cell was given. */
export interface ConflictCandidate {
  /** The log entry that wrote it: pass it to `resolveConflict` to keep this value. */
  readonly key: string;
  readonly value: LogValue;
  readonly at: string;
  readonly by: Actor;
}

/** A cell changed concurrently to different values; the plan shows one (`current`), the others are not lost. */
export interface ValuesConflict {
  readonly kind: 'values';
  readonly cell: CellRef;
  readonly current: LogValue;
  /** Oldest first. */
  readonly candidates: readonly ConflictCandidate[];
}

/** An activity deleted by one person while another, not seeing the delete, edited it. */
export interface EditedDeletedConflict {
  readonly kind: 'editedDeleted';
  readonly activityId: ActivityId;
  /** Pass to `restoreDeletedActivity` (brings it back with the edits) or `dismissDeletedConflict`. */
  readonly deleteKey: string;
  readonly deletedBy: Actor;
  readonly deletedAt: string;
  /** The activity's text as it was deleted, for showing which one it is. */
  readonly text: string;
  /** The edits the deleting person did not see, oldest first. */
  readonly edits: readonly CellChange[];
}

export type Conflict = ValuesConflict | EditedDeletedConflict;

/**
 * Every open conflict, in plan order: plan settings, participants, focus areas, then activities (a deleted
 * one where it stood). Every replica holding the same document reports the same list.
 */
export const openConflicts = (doc: Y.Doc): readonly Conflict[] =>
  derived(doc, 'conflicts', () => findConflicts(doc));

/** The cells in conflict, by row id (an activity's, focus area's or participant's; a plan setting's field). */
export const conflictCells = (doc: Y.Doc): ReadonlyMap<string, ReadonlySet<string>> =>
  derived(doc, 'conflictCells', () => {
    const cells = new Map<string, Set<string>>();
    for (const conflict of openConflicts(doc)) {
      if (conflict.kind !== 'values') continue;
      let fields = cells.get(conflict.cell.id);
      if (fields === undefined) cells.set(conflict.cell.id, (fields = new Set()));
      fields.add(conflict.cell.field);
    }
    return cells;
  });

/**
 * Calls `cb` with the open conflicts whenever a transaction (local or remote) changes them, including one that
 * only writes the log (keeping the value shown, dismissing a deleted activity's edits), which `onPlanChange`
 * skips. Returns the unsubscribe function.
 */
export function onConflictsChange(doc: Y.Doc, cb: (conflicts: readonly Conflict[]) => void): () => void {
  let last = JSON.stringify(openConflicts(doc));
  const check = (): void => {
    const conflicts = openConflicts(doc);
    const now = JSON.stringify(conflicts);
    if (now === last) return;
    last = now;
    cb(conflicts);
  };
  doc.on('afterTransaction', check);
  return () => doc.off('afterTransaction', check);
}

/** A conflict, with where a deleted activity stood (its delete entry's snapshot) for sorting. */
interface Found {
  readonly conflict: Conflict;
  readonly place?: Readonly<Record<string, LogValue>> | undefined;
}

function findConflicts(doc: Y.Doc): Conflict[] {
  const found: Found[] = [];
  for (const row of rowsWithHeads(doc)) {
    // Either kind needs two entries nobody has seen together.
    if (row.heads.length < 2) continue;
    if (rowExists(doc, row.target, row.id)) {
      for (const conflict of valueConflicts(doc, row.target, row.id, row.heads)) found.push({ conflict });
    } else if (row.target === 'activity') {
      const conflict = editedWhileDeleted(row.id as ActivityId, row.heads);
      if (conflict !== undefined) found.push(conflict);
    }
  }
  return found.length === 0 ? [] : sortInPlanOrder(doc, found);
}

function valueConflicts(
  doc: Y.Doc,
  target: LogTarget,
  id: string,
  heads: readonly LogEntry[],
): ValuesConflict[] {
  const touched = new Set(heads.flatMap(cellsWrittenBy));
  const conflicts: ValuesConflict[] = [];
  for (const field of CONFLICT_FIELDS[target]) {
    if (!touched.has(field)) continue;
    const cell: CellRef = { target, id, field };
    const candidates = cellHeads(doc, cell).map((head) => ({
      key: head.key as string,
      value: cellValueOf(head, field) ?? null,
      at: head.at,
      by: head.by,
    }));
    const [first] = candidates;
    if (first === undefined || candidates.every((other) => sameLogValue(other.value, first.value))) continue;
    conflicts.push({ kind: 'values', cell, current: readCell(doc, cell) ?? null, candidates });
  }
  return conflicts;
}

function editedWhileDeleted(activityId: ActivityId, heads: readonly LogEntry[]): Found | undefined {
  const deletion = heads.filter((head) => head.action === 'delete').at(-1);
  // A move within its step is no typed content; an edit of a cell is.
  const edits = heads
    .filter((head) => head.field !== undefined && head.field !== 'order')
    .flatMap((head) => toCellChange(head, head.field as string) ?? []);
  if (deletion === undefined || edits.length === 0) return undefined;
  const text = deletion.snapshot?.text ?? deletion.from;
  const conflict: EditedDeletedConflict = {
    kind: 'editedDeleted',
    activityId,
    deleteKey: deletion.key as string,
    deletedBy: deletion.by,
    deletedAt: deletion.at,
    text: typeof text === 'string' ? text : '',
    edits,
  };
  return { conflict, place: deletion.snapshot };
}

type SortKey = readonly [number, number, number, string, string, number];

const GROUP: Readonly<Record<LogTarget, number>> = { meta: 0, participant: 1, focusArea: 2, activity: 3 };

/** Plan order, the way `readPlan` lists rows; a deleted activity sorts where its snapshot says it stood. */
function sortInPlanOrder(doc: Y.Doc, found: readonly Found[]): Conflict[] {
  const plan = readPlan(doc);
  const rank = new Map<string, number>();
  plan.participants.forEach((participant, i) => rank.set(participant.id, i));
  plan.focusAreas.forEach((area, i) => rank.set(area.id, i));
  const activities = new Map<string, Readonly<Record<string, LogValue>>>(
    plan.activities.map((activity) => [activity.id, activity as unknown as Record<string, LogValue>]),
  );
  const keyOf = ({ conflict, place }: Found): SortKey => {
    const { target, id, field } =
      conflict.kind === 'values'
        ? conflict.cell
        : { target: 'activity' as const, id: conflict.activityId, field: '' };
    const fieldRank = CONFLICT_FIELDS[target].indexOf(field);
    if (target !== 'activity') return [GROUP[target], rank.get(id) ?? 0, 0, '', id, fieldRank];
    const stood = place ?? activities.get(id) ?? {};
    const area = rank.get(String(stood.focusAreaId)) ?? Number.MAX_SAFE_INTEGER;
    return [GROUP.activity, area, Number(stood.step) || 0, String(stood.order ?? ''), id, fieldRank];
  };
  return found
    .map((item) => ({ conflict: item.conflict, key: keyOf(item) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map(({ conflict }) => conflict);
}

function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number | string;
    const y = b[i] as number | string;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}
