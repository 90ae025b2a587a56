// Participant operations: the organisations that can own activities; one still owning activities is never removed silently.
import * as Y from 'yjs';
import { commit, commitCell, plainCellWrite } from './commit.ts';
import type { CellWrite } from './commit.ts';
import type { LogRecord } from './log.ts';
import { orderKeyFor } from './order.ts';
import type { Placement } from './order.ts';
import type { LocalOrigin } from './origins.ts';
import { nameKey } from './names.ts';
import { newId } from './plan.ts';
import { fail, ok } from './result.ts';
import type { Result } from './result.ts';
import type { ParticipantId, ParticipantKind } from './schema.ts';
import { activitiesOf, newRow, participantsOf, setMembers, str } from './shared.ts';
import type { Row, SetMap } from './shared.ts';
import { parseName, parseParticipantKind } from './validate.ts';

/** What happens to the activities a removed participant owns. */
export type OwnedActivities = { readonly reassignTo: ParticipantId } | 'unassign';

/** Adds an organisation, last in the list; names are unique (case-insensitive) so owners stay unambiguous. */
export function addParticipant(
  doc: Y.Doc,
  origin: LocalOrigin,
  input: { readonly name: string; readonly kind: ParticipantKind | string },
): Result<ParticipantId> {
  const name = parseName(input.name, undefined, 'name');
  if (!name.ok) return name;
  const kind = parseParticipantKind(input.kind);
  if (!kind.ok) return kind;
  if (nameTaken(doc, name.value)) return fail('duplicate_name', `participant ${name.value} exists`, 'name');
  const id = newId<ParticipantId>();
  const order = orderKeyFor(ordered(doc));
  commit(doc, origin, () => {
    participantsOf(doc).set(id, newRow({ name: name.value, kind: kind.value, order }));
    return [{ target: 'participant', action: 'add', id, to: name.value }];
  });
  return ok(id);
}

export function renameParticipant(
  doc: Y.Doc,
  origin: LocalOrigin,
  id: ParticipantId,
  name: string,
): Result<void> {
  return commitCell(doc, origin, prepareParticipantName(doc, id, name));
}

/** Validates a new name (unique, case-insensitive) and returns the write, not yet run. */
export function prepareParticipantName(doc: Y.Doc, id: ParticipantId, name: unknown): Result<CellWrite> {
  const row = participantsOf(doc).get(id);
  if (!(row instanceof Y.Map)) return fail('unknown_participant', `no participant ${id}`);
  const parsed = parseName(name, undefined, 'name');
  if (!parsed.ok) return parsed;
  if (str(row, 'name') !== parsed.value && nameTaken(doc, parsed.value, id))
    return fail('duplicate_name', `participant ${parsed.value} exists`, 'name');
  return ok(plainCellWrite(row, { target: 'participant', id, field: 'name' }, parsed.value));
}

export function moveParticipant(
  doc: Y.Doc,
  origin: LocalOrigin,
  id: ParticipantId,
  placement: Placement,
): Result<void> {
  const row = participantsOf(doc).get(id);
  if (!(row instanceof Y.Map)) return fail('unknown_participant', `no participant ${id}`);
  const from = str(row, 'order');
  const order = orderKeyFor(
    ordered(doc).filter((item) => item.id !== id),
    placement,
  );
  commit(doc, origin, () => {
    row.set('order', order);
    return [{ target: 'participant', action: 'move', id, field: 'order', from, to: order }];
  });
  return ok(undefined);
}

/**
 * Removes an organisation. If it owns activities, the caller must say what happens to them
 * (`reassignTo` another participant, or `'unassign'`); without that choice the removal is refused.
 */
export function removeParticipant(
  doc: Y.Doc,
  origin: LocalOrigin,
  id: ParticipantId,
  owned?: OwnedActivities,
): Result<void> {
  const row = participantsOf(doc).get(id);
  if (!(row instanceof Y.Map)) return fail('unknown_participant', `no participant ${id}`);
  const owning = [...activitiesOf(doc)].filter(([, activity]) => setMembers(activity, 'owners').includes(id));
  if (owning.length > 0 && owned === undefined) {
    return fail('participant_in_use', `${owning.length} activities are owned by ${id}`);
  }
  const heir = typeof owned === 'object' ? owned.reassignTo : undefined;
  if (heir !== undefined && (heir === id || !(participantsOf(doc).get(heir) instanceof Y.Map))) {
    return fail('unknown_participant', `cannot reassign to ${heir}`, 'reassignTo');
  }
  commit(doc, origin, () => {
    const records: LogRecord[] = [];
    for (const [activityId, activity] of owning) {
      const owners = activity.get('owners') as SetMap;
      const from = [...owners.keys()];
      owners.delete(id);
      if (heir !== undefined) owners.set(heir, true);
      records.push({
        target: 'activity',
        action: 'set',
        id: activityId,
        field: 'owners',
        from,
        to: [...owners.keys()],
      });
    }
    participantsOf(doc).delete(id);
    records.push({
      target: 'participant',
      action: 'delete',
      id,
      from: str(row, 'name'),
      snapshot: { name: str(row, 'name'), kind: str(row, 'kind'), order: str(row, 'order') },
    });
    return records;
  });
  return ok(undefined);
}

const ordered = (doc: Y.Doc): { id: string; order: string }[] =>
  [...participantsOf(doc)].map(([id, row]: [string, Row]) => ({ id, order: str(row, 'order') }));

function nameTaken(doc: Y.Doc, name: string, except?: string): boolean {
  const wanted = nameKey(name);
  return [...participantsOf(doc)].some(([id, row]) => id !== except && nameKey(str(row, 'name')) === wanted);
}
