// Activity operations: add, edit a cell, move and delete; each validated, then one transaction with its log entry.
import * as Y from 'yjs';
import { commit, commitCell } from './commit.ts';
import type { CellWrite } from './commit.ts';
import type { LogRecord } from './log.ts';
import { sameLogValue } from './logEntry.ts';
import { orderKeyFor } from './order.ts';
import type { Ordered, Placement } from './order.ts';
import type { LocalOrigin } from './origins.ts';
import { newActivityRow, newId, readActivity } from './plan.ts';
import { fail, ok } from './result.ts';
import type { Result } from './result.ts';
import { ACTIVITY_FIELDS, LIMITS } from './schema.ts';
import type { Activity, ActivityField, ActivityId, FocusAreaId, LogValue, Step } from './schema.ts';
import { activitiesOf, str, validationContextOf, writeSet } from './shared.ts';
import { parseActivityField, parseFocusAreaId, parseStep, parseText } from './validate.ts';

export interface NewActivity {
  readonly focusAreaId: FocusAreaId;
  readonly step: Step;
  readonly text: string;
  /** Place the new activity right after this one (same focus area and step); otherwise last. */
  readonly after?: ActivityId | undefined;
}

export interface ActivityTarget extends Placement {
  readonly focusAreaId: FocusAreaId;
  readonly step: Step;
}

/** Adds an activity under a focus area and step; returns its id. */
export function addActivity(doc: Y.Doc, origin: LocalOrigin, input: NewActivity): Result<ActivityId> {
  const context = validationContextOf(doc);
  const focusAreaId = parseFocusAreaId(input.focusAreaId, context);
  if (!focusAreaId.ok) return focusAreaId;
  const step = parseStep(input.step);
  if (!step.ok) return step;
  const text = parseText(input.text, LIMITS.text, true, 'text');
  if (!text.ok) return text;
  const id = newId<ActivityId>();
  const order = orderKeyFor(siblingsOf(doc, focusAreaId.value, step.value), { after: input.after });
  commit(doc, origin, () => {
    activitiesOf(doc).set(id, newActivityRow(focusAreaId.value, step.value, text.value, order));
    return [{ target: 'activity', action: 'add', id, to: text.value }];
  });
  return ok(id);
}

/**
 * Sets one cell. Sets (owners, reform parts) are written as a diff against the current members, so two
 * people adding different owners at once both win. Writing the value a cell already holds changes nothing.
 */
export function setActivityField(
  doc: Y.Doc,
  origin: LocalOrigin,
  id: ActivityId,
  field: ActivityField,
  value: unknown,
): Result<void> {
  return commitCell(doc, origin, prepareActivityField(doc, id, field, value));
}

/**
 * Validates a new value for one cell and returns the write, not yet run: the one path for normal edits,
 * resolving a conflict and restoring an old value. A new focus area or step also moves the activity last there.
 */
export function prepareActivityField(
  doc: Y.Doc,
  id: ActivityId,
  field: ActivityField,
  value: unknown,
): Result<CellWrite> {
  const row = activitiesOf(doc).get(id);
  const current = readActivity(doc, id);
  if (!(row instanceof Y.Map) || current === undefined) return fail('unknown_activity', `no activity ${id}`);
  const parsed = parseActivityField(field, value, validationContextOf(doc));
  if (!parsed.ok) return parsed;
  const from = current[field] as LogValue;
  const to = parsed.value as LogValue;
  const unchanged = sameLogValue(from, to);
  const regrouped = !unchanged && (field === 'focusAreaId' || field === 'step');
  // A new focus area or step puts the activity last there, rather than wherever its old key happens to sort.
  const order = regrouped
    ? orderKeyFor(
        siblingsOf(
          doc,
          (field === 'focusAreaId' ? to : current.focusAreaId) as FocusAreaId,
          (field === 'step' ? to : current.step) as Step,
        ),
      )
    : undefined;
  const write = (): LogRecord[] => {
    if (!unchanged) {
      if (Array.isArray(to)) writeSet(row, field, to);
      else row.set(field, to);
    }
    const records: LogRecord[] = [{ target: 'activity', action: 'set', id, field, from, to }];
    if (order !== undefined) {
      row.set('order', order);
      records.push({
        target: 'activity',
        action: 'move',
        id,
        field: 'order',
        from: current.order,
        to: order,
      });
    }
    return records;
  };
  return ok({ from, to, unchanged, write });
}

/** Moves an activity to a place in a focus area and step: rewrites its keys, never deletes and re-inserts it. */
export function moveActivity(
  doc: Y.Doc,
  origin: LocalOrigin,
  id: ActivityId,
  target: ActivityTarget,
): Result<void> {
  const row = activitiesOf(doc).get(id);
  const current = readActivity(doc, id);
  if (!(row instanceof Y.Map) || current === undefined) return fail('unknown_activity', `no activity ${id}`);
  const focusAreaId = parseFocusAreaId(target.focusAreaId, validationContextOf(doc));
  if (!focusAreaId.ok) return focusAreaId;
  const step = parseStep(target.step);
  if (!step.ok) return step;
  const siblings = siblingsOf(doc, focusAreaId.value, step.value).filter((item) => item.id !== id);
  const order = orderKeyFor(siblings, target);
  commit(doc, origin, () => {
    const records: LogRecord[] = [
      { target: 'activity', action: 'move', id, field: 'order', from: current.order, to: order },
    ];
    row.set('order', order);
    // Only the cells that change are written, so a move does not overwrite a racing edit of the others.
    if (current.focusAreaId !== focusAreaId.value) {
      row.set('focusAreaId', focusAreaId.value);
      records.push({
        target: 'activity',
        action: 'move',
        id,
        field: 'focusAreaId',
        from: current.focusAreaId,
        to: focusAreaId.value,
      });
    }
    if (current.step !== step.value) {
      row.set('step', step.value);
      records.push({
        target: 'activity',
        action: 'move',
        id,
        field: 'step',
        from: current.step,
        to: step.value,
      });
    }
    return records;
  });
  return ok(undefined);
}

/**
 * Deletes an activity. The log keeps its text and a snapshot of every cell, so the deletion can be seen and
 * the activity restored from history, and an edit made meanwhile elsewhere shows as a conflict.
 */
export function deleteActivity(doc: Y.Doc, origin: LocalOrigin, id: ActivityId): Result<void> {
  const current = readActivity(doc, id);
  if (current === undefined) return fail('unknown_activity', `no activity ${id}`);
  commit(doc, origin, () => {
    activitiesOf(doc).delete(id);
    return [deleteRecord(current)];
  });
  return ok(undefined);
}

/** The log record of an activity's deletion, with its cells as they were. */
export const deleteRecord = (activity: Activity): LogRecord => ({
  target: 'activity',
  action: 'delete',
  id: activity.id,
  from: activity.text,
  snapshot: activityCells(activity),
});

/** An activity's cells as log values: what a delete keeps and a restore writes back. */
export function activityCells(activity: Omit<Activity, 'id'>): Record<string, LogValue> {
  const cells: Record<string, LogValue> = { order: activity.order };
  for (const field of ACTIVITY_FIELDS) cells[field] = activity[field] as LogValue;
  return cells;
}

/** The activities in one focus area and step, as order keys (for placing a new or moved one). */
function siblingsOf(doc: Y.Doc, focusAreaId: FocusAreaId, step: Step): Ordered[] {
  const siblings: Ordered[] = [];
  activitiesOf(doc).forEach((row, id) => {
    if (str(row, 'focusAreaId') === focusAreaId && row.get('step') === step)
      siblings.push({ id, order: str(row, 'order') });
  });
  return siblings;
}
