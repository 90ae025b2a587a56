// Focus area operations: add, rename, re-prioritise, reorder and remove.
import * as Y from 'yjs';
import { deleteRecord } from './activities.ts';
import { commit, commitCell, plainCellWrite } from './commit.ts';
import type { CellWrite } from './commit.ts';
import type { LogRecord } from './log.ts';
import { orderKeyFor } from './order.ts';
import type { Placement } from './order.ts';
import type { LocalOrigin } from './origins.ts';
import { newId, readActivity } from './plan.ts';
import { fail, ok } from './result.ts';
import type { Result } from './result.ts';
import type { ActivityId, FocusAreaId } from './schema.ts';
import { activitiesOf, focusAreasOf, newRow, num, str } from './shared.ts';
import type { Row } from './shared.ts';
import { parseName, parsePriority } from './validate.ts';

/** Adds a focus area with a name and priority, placed last (or at `placement`); returns its id. */
export function addFocusArea(
  doc: Y.Doc,
  origin: LocalOrigin,
  input: { readonly name: string; readonly priority: number | string } & Placement,
): Result<FocusAreaId> {
  const name = parseName(input.name, undefined, 'name');
  if (!name.ok) return name;
  const priority = parsePriority(input.priority);
  if (!priority.ok) return priority;
  const id = newId<FocusAreaId>();
  const order = orderKeyFor(orderedAreas(doc), input);
  commit(doc, origin, () => {
    focusAreasOf(doc).set(id, newRow({ name: name.value, priority: priority.value, order }));
    return [{ target: 'focusArea', action: 'add', id, to: name.value }];
  });
  return ok(id);
}

export function renameFocusArea(
  doc: Y.Doc,
  origin: LocalOrigin,
  id: FocusAreaId,
  name: string,
): Result<void> {
  return commitCell(doc, origin, prepareFocusAreaCell(doc, id, 'name', name));
}

/** Sets the priority (1 = start first); several areas may share one. */
export function setFocusAreaPriority(
  doc: Y.Doc,
  origin: LocalOrigin,
  id: FocusAreaId,
  priority: number | string,
): Result<void> {
  return commitCell(doc, origin, prepareFocusAreaCell(doc, id, 'priority', priority));
}

/** Validates a new name or priority and returns the write, not yet run (edits, conflicts and restores share it). */
export function prepareFocusAreaCell(
  doc: Y.Doc,
  id: FocusAreaId,
  field: string,
  value: unknown,
): Result<CellWrite> {
  const parsed =
    field === 'name'
      ? parseName(value, undefined, 'name')
      : field === 'priority'
        ? parsePriority(value)
        : fail<string | number>('unknown_field', `no focus area field ${field}`, field);
  if (!parsed.ok) return parsed;
  const row: Row | undefined = focusAreasOf(doc).get(id);
  if (!(row instanceof Y.Map)) return fail('unknown_focus_area', `no focus area ${id}`);
  return ok(plainCellWrite(row, { target: 'focusArea', id, field }, parsed.value));
}

/** Moves a focus area among the others (order is used within the same priority). */
export function moveFocusArea(
  doc: Y.Doc,
  origin: LocalOrigin,
  id: FocusAreaId,
  placement: Placement,
): Result<void> {
  const row = focusAreasOf(doc).get(id);
  if (!(row instanceof Y.Map)) return fail('unknown_focus_area', `no focus area ${id}`);
  const order = orderKeyFor(
    orderedAreas(doc).filter((area) => area.id !== id),
    placement,
  );
  return commitCell(doc, origin, ok(plainCellWrite(row, { target: 'focusArea', id, field: 'order' }, order)));
}

/**
 * Removes a focus area. One that still has activities is refused unless `withActivities` confirms that
 * they go too; then all of it is one transaction.
 */
export function removeFocusArea(
  doc: Y.Doc,
  origin: LocalOrigin,
  id: FocusAreaId,
  options: { readonly withActivities: boolean },
): Result<void> {
  const area = focusAreasOf(doc).get(id);
  if (!(area instanceof Y.Map)) return fail('unknown_focus_area', `no focus area ${id}`);
  const owned = [...activitiesOf(doc)].filter(([, row]) => str(row, 'focusAreaId') === id);
  if (owned.length > 0 && !options.withActivities) {
    return fail('focus_area_in_use', `${owned.length} activities are in this focus area`);
  }
  commit(doc, origin, () => {
    const records: LogRecord[] = [];
    for (const [activityId] of owned) {
      const activity = readActivity(doc, activityId as ActivityId);
      if (activity !== undefined) records.push(deleteRecord(activity));
      activitiesOf(doc).delete(activityId);
    }
    records.push({
      target: 'focusArea',
      action: 'delete',
      id,
      from: str(area, 'name'),
      snapshot: { name: str(area, 'name'), priority: num(area, 'priority', 1), order: str(area, 'order') },
    });
    focusAreasOf(doc).delete(id);
    return records;
  });
  return ok(undefined);
}

const orderedAreas = (doc: Y.Doc): { id: string; order: string }[] =>
  [...focusAreasOf(doc)].map(([id, row]) => ({ id, order: str(row, 'order') }));
