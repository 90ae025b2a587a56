// Deleted activities: bring one back from its delete entry, or keep it deleted when someone edited it meanwhile.
import type * as Y from 'yjs';
import { activityCells } from './activities.ts';
import { rowExists } from './cells.ts';
import { commit } from './commit.ts';
import { openConflicts } from './conflicts.ts';
import { findEntry, rowHeads } from './heads.ts';
import type { LocalOrigin } from './origins.ts';
import { activityRowOf } from './plan.ts';
import { fail, ok } from './result.ts';
import type { Result } from './result.ts';
import type { ActivityId, LogEntry, LogValue } from './schema.ts';
import { activitiesOf, validationContextOf } from './shared.ts';
import { parseActivityValues } from './validate.ts';

/**
 * Re-creates the activity the delete entry `deleteKey` removed, under its old id and place, with the cells
 * the entry kept and any edit made meanwhile by someone who did not see the delete. A forward edit: logged
 * as an `add` carrying the cells it wrote, undoable. Owners no longer in the plan are left out; a focus
 * area no longer in the plan is refused (restore the focus area first).
 */
export function restoreDeletedActivity(
  doc: Y.Doc,
  origin: LocalOrigin,
  deleteKey: string,
): Result<ActivityId> {
  const deletion = findDeletion(doc, deleteKey);
  if (!deletion.ok) return deletion;
  const id = deletion.value.id as ActivityId;
  if (rowExists(doc, 'activity', id)) return fail('activity_exists', `activity ${id} is in the plan`);
  const cells = cellsToRestore(doc, deletion.value);
  const context = validationContextOf(doc);
  const owners = Array.isArray(cells.owners) ? cells.owners.map(String) : [];
  const values = parseActivityValues(
    { ...cells, owners: owners.filter((owner) => context.participantIds.has(owner)) },
    context,
  );
  if (!values.ok) return values;
  const order = typeof cells.order === 'string' ? cells.order : 'a0';
  const activity = { ...values.value, order };
  commit(doc, origin, () => {
    activitiesOf(doc).set(id, activityRowOf(activity));
    return [{ target: 'activity', action: 'add', id, to: activity.text, snapshot: activityCells(activity) }];
  });
  return ok(id);
}

/**
 * Keeps a deleted activity deleted although someone edited it meanwhile: logs the deletion again, having seen
 * those edits (and keeping them in its snapshot, so a later restore still has them). The conflict closes on
 * every replica; undo reopens it.
 */
export function dismissDeletedConflict(doc: Y.Doc, origin: LocalOrigin, deleteKey: string): Result<void> {
  const open = openConflicts(doc).some(
    (conflict) => conflict.kind === 'editedDeleted' && conflict.deleteKey === deleteKey,
  );
  const deletion = findDeletion(doc, deleteKey);
  if (!deletion.ok) return deletion;
  if (!open) return fail('conflict_closed', `no open conflict for ${deleteKey}`);
  const cells = cellsToRestore(doc, deletion.value);
  const { id } = deletion.value;
  commit(doc, origin, () => [
    { target: 'activity', action: 'delete', id, from: deletion.value.from ?? null, snapshot: cells },
  ]);
  return ok(undefined);
}

function findDeletion(doc: Y.Doc, deleteKey: string): Result<LogEntry> {
  const entry = findEntry(doc, deleteKey);
  return entry?.target === 'activity' && entry.action === 'delete' && entry.snapshot !== undefined
    ? ok(entry)
    : fail('unknown_change', `no activity deletion ${deleteKey} in the log`);
}

/**
 * The deleted activity's cells, with the edits nobody's delete has seen laid over them, oldest first: those
 * were made by someone who still had the activity and must not be lost.
 */
function cellsToRestore(doc: Y.Doc, deletion: LogEntry): Record<string, LogValue> {
  const cells: Record<string, LogValue> = { ...deletion.snapshot };
  for (const head of rowHeads(doc, 'activity', deletion.id)) {
    if (head.field !== undefined && Object.hasOwn(cells, head.field)) cells[head.field] = head.to ?? null;
  }
  return cells;
}
