// Focus area operations: add, rename, re-prioritise, reorder and remove.
import * as Y from 'yjs';
import { commit } from './commit.ts';
import type { LogRecord } from './log.ts';
import { orderKeyFor } from './order.ts';
import type { Placement } from './order.ts';
import type { LocalOrigin } from './origins.ts';
import { newId } from './plan.ts';
import { fail, ok } from './result.ts';
import type { Result } from './result.ts';
import type { FocusAreaId } from './schema.ts';
import { activitiesOf, focusAreasOf, newRow, str } from './shared.ts';
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
  const parsed = parseName(name, undefined, 'name');
  return parsed.ok ? setAreaCell(doc, origin, id, 'name', parsed.value) : parsed;
}

/** Sets the priority (1 = start first); several areas may share one. */
export function setFocusAreaPriority(
  doc: Y.Doc,
  origin: LocalOrigin,
  id: FocusAreaId,
  priority: number | string,
): Result<void> {
  const parsed = parsePriority(priority);
  return parsed.ok ? setAreaCell(doc, origin, id, 'priority', parsed.value) : parsed;
}

/** Moves a focus area among the others (order is used within the same priority). */
export function moveFocusArea(
  doc: Y.Doc,
  origin: LocalOrigin,
  id: FocusAreaId,
  placement: Placement,
): Result<void> {
  if (!(focusAreasOf(doc).get(id) instanceof Y.Map)) return fail('unknown_focus_area', `no focus area ${id}`);
  const order = orderKeyFor(
    orderedAreas(doc).filter((area) => area.id !== id),
    placement,
  );
  return setAreaCell(doc, origin, id, 'order', order);
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
    const records: LogRecord[] = owned.map(([activityId, row]) => ({
      target: 'activity',
      action: 'delete',
      id: activityId,
      from: str(row, 'text'),
    }));
    for (const [activityId] of owned) activitiesOf(doc).delete(activityId);
    records.push({ target: 'focusArea', action: 'delete', id, from: str(area, 'name') });
    focusAreasOf(doc).delete(id);
    return records;
  });
  return ok(undefined);
}

function setAreaCell(
  doc: Y.Doc,
  origin: LocalOrigin,
  id: FocusAreaId,
  field: string,
  value: string | number,
): Result<void> {
  const row: Row | undefined = focusAreasOf(doc).get(id);
  if (!(row instanceof Y.Map)) return fail('unknown_focus_area', `no focus area ${id}`);
  const from = row.get(field) as string | number | undefined;
  if (from === value) return ok(undefined);
  commit(doc, origin, () => {
    row.set(field, value);
    return [{ target: 'focusArea', action: 'set', id, field, from: from ?? null, to: value }];
  });
  return ok(undefined);
}

const orderedAreas = (doc: Y.Doc): { id: string; order: string }[] =>
  [...focusAreasOf(doc)].map(([id, row]) => ({ id, order: str(row, 'order') }));
