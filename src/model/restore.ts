// The plan as it was on a date: read from the relay's bytes, and written back as a forward edit, never by replacing the document.
import * as Y from 'yjs';
import { activityCells, deleteRecord } from './activities.ts';
import { commit } from './commit.ts';
import { parseUpdate } from './docs.ts';
import type { LogRecord } from './log.ts';
import { sameLogValue } from './logEntry.ts';
import { prepareMetaCell } from './meta.ts';
import type { LocalOrigin } from './origins.ts';
import { activityRowOf, isPlanSeeded, readActivity, readPlan } from './plan.ts';
import { fail, ok } from './result.ts';
import type { Result } from './result.ts';
import type { Activity, ActivityId, LogTarget, LogValue, PlanSnapshot } from './schema.ts';
import { activitiesOf, focusAreasOf, newRow, num, participantsOf, str, writeSet } from './shared.ts';
import type { Row } from './shared.ts';
import { parseActivityValues, parseName, parseParticipantKind, parsePriority } from './validate.ts';
import type { ValidationContext } from './validate.ts';

/**
 * Reads the plan held by `update` (the relay's encoding of a past state) in a temporary document, destroyed
 * afterwards. Refused: bytes that are not a complete Yjs update, or that hold no plan.
 */
export function planFromUpdate(update: Uint8Array): Result<PlanSnapshot> {
  const parsed = parseUpdate(update);
  if (!parsed.ok) return parsed;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, update);
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null)
      return fail('bad_update', 'the update depends on changes it does not hold');
    if (!isPlanSeeded(doc)) return fail('bad_update', 'the update holds no plan');
    return ok(readPlan(doc));
  } catch (error) {
    return fail('bad_update', `not a plan: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    doc.destroy();
  }
}

/** A row as restorePlan writes it: its id and its cells, already validated. */
interface PastRow {
  readonly id: string;
  readonly cells: Readonly<Record<string, LogValue>>;
}

interface PastPlan {
  readonly participants: readonly PastRow[];
  readonly focusAreas: readonly PastRow[];
  readonly activities: readonly PastRow[];
}

/**
 * Makes the plan what `past` was, as one forward edit: cells that differ are written anew, rows missing now
 * are re-created under their ids, rows `past` did not have are deleted, and the title and county are set.
 * Every change is logged like a normal edit, in one transaction with `origin`, so it reaches everyone and can
 * be undone; offline copies merge into it rather than bringing old content back. `changed` counts the changes.
 */
export function restorePlan(
  doc: Y.Doc,
  origin: LocalOrigin,
  past: PlanSnapshot,
): Result<{ changed: number }> {
  const checked = checkPast(past);
  if (!checked.ok) return checked;
  const title = prepareMetaCell(doc, 'title', past.meta.title);
  if (!title.ok) return title;
  const county = prepareMetaCell(doc, 'county', past.meta.county);
  if (!county.ok) return county;
  let changed = 0;
  commit(doc, origin, () => {
    const records: LogRecord[] = [
      ...(title.value.unchanged ? [] : title.value.write()),
      ...(county.value.unchanged ? [] : county.value.write()),
      ...restoreRows(doc, 'participant', checked.value.participants),
      ...restoreRows(doc, 'focusArea', checked.value.focusAreas),
      ...restoreRows(doc, 'activity', checked.value.activities),
    ];
    changed = records.length;
    return records;
  });
  return ok({ changed });
}

/** Validates every row of `past` as its normal edit would, against the ids `past` itself holds. */
function checkPast(past: PlanSnapshot): Result<PastPlan> {
  const participants: PastRow[] = [];
  for (const participant of past.participants) {
    const name = parseName(participant.name, undefined, 'name');
    if (!name.ok) return name;
    const kind = parseParticipantKind(participant.kind);
    if (!kind.ok) return kind;
    participants.push({
      id: participant.id,
      cells: { name: name.value, kind: kind.value, order: participant.order },
    });
  }
  const focusAreas: PastRow[] = [];
  for (const area of past.focusAreas) {
    const name = parseName(area.name, undefined, 'name');
    if (!name.ok) return name;
    const priority = parsePriority(area.priority);
    if (!priority.ok) return priority;
    focusAreas.push({
      id: area.id,
      cells: { name: name.value, priority: priority.value, order: area.order },
    });
  }
  const context: ValidationContext = {
    focusAreaIds: new Set(past.focusAreas.map((area) => area.id)),
    participantIds: new Set(past.participants.map((participant) => participant.id)),
  };
  const activities: PastRow[] = [];
  for (const activity of past.activities) {
    const values = parseActivityValues({ ...activity }, context);
    if (!values.ok) return values;
    activities.push({ id: activity.id, cells: activityCells({ ...values.value, order: activity.order }) });
  }
  return ok({ participants, focusAreas, activities });
}

/** How to read, build and describe one kind of row. */
interface RowKind {
  readonly map: Y.Map<Row>;
  /** The row's cells as the plan shows them, in the same shape as a PastRow's. */
  readonly read: (id: string, row: Row) => Record<string, LogValue>;
  readonly build: (cells: Readonly<Record<string, LogValue>>) => Row;
  /** The log record of deleting the row. */
  readonly deletion: (id: string, row: Row) => LogRecord;
  readonly nameField: string;
}

function rowKind(doc: Y.Doc, target: LogTarget): RowKind {
  if (target === 'activity') {
    const read = (id: string): Record<string, LogValue> => {
      const activity = readActivity(doc, id as ActivityId);
      return activity === undefined ? {} : activityCells(activity);
    };
    return {
      map: activitiesOf(doc),
      read,
      // Validated by checkPast: the cells are an activity's.
      build: (cells) => activityRowOf(cells as unknown as Omit<Activity, 'id'>),
      deletion: (id) => {
        const activity = readActivity(doc, id as ActivityId);
        return activity === undefined ? { target, action: 'delete', id } : deleteRecord(activity);
      },
      nameField: 'text',
    };
  }
  const map = target === 'participant' ? participantsOf(doc) : focusAreasOf(doc);
  const second = target === 'participant' ? 'kind' : 'priority';
  const read = (_id: string, row: Row): Record<string, LogValue> => ({
    name: str(row, 'name'),
    [second]: second === 'kind' ? str(row, 'kind', 'other') : num(row, 'priority', 1),
    order: str(row, 'order'),
  });
  return {
    map,
    read,
    build: (cells) => newRow({ ...cells }),
    deletion: (id, row) => ({
      target,
      action: 'delete',
      id,
      from: str(row, 'name'),
      snapshot: read(id, row),
    }),
    nameField: 'name',
  };
}

/** Deletes the rows `past` lacks, re-creates the ones missing now and rewrites the cells that differ. */
function restoreRows(doc: Y.Doc, target: LogTarget, past: readonly PastRow[]): LogRecord[] {
  const kind = rowKind(doc, target);
  const wanted = new Set(past.map((row) => row.id));
  const records: LogRecord[] = [];
  for (const [id, row] of [...kind.map]) {
    if (wanted.has(id)) continue;
    records.push(kind.deletion(id, row));
    kind.map.delete(id);
  }
  for (const { id, cells } of past) {
    const row = kind.map.get(id);
    if (!(row instanceof Y.Map)) {
      kind.map.set(id, kind.build(cells));
      records.push({ target, action: 'add', id, to: cells[kind.nameField] ?? null, snapshot: cells });
      continue;
    }
    const now = kind.read(id, row);
    for (const [field, to] of Object.entries(cells)) {
      const from = now[field] ?? null;
      if (sameLogValue(from, to)) continue;
      if (Array.isArray(to)) writeSet(row, field, to);
      else row.set(field, to);
      records.push({ target, action: field === 'order' ? 'move' : 'set', id, field, from, to });
    }
  }
  return records;
}
