// [conflict-*] Concurrent changes to one cell are shown, not hidden: every replica lists them, one action settles them.
import { afterEach, describe, expect, it } from 'vitest';
import {
  addActivity,
  deleteActivity,
  moveActivity,
  setActivityField,
} from '../../../src/model/activities.ts';
import { conflictCells, onConflictsChange, openConflicts } from '../../../src/model/conflicts.ts';
import type { Conflict, EditedDeletedConflict, ValuesConflict } from '../../../src/model/conflicts.ts';
import { dismissDeletedConflict, restoreDeletedActivity } from '../../../src/model/deleted.ts';
import { renameFocusArea } from '../../../src/model/focusAreas.ts';
import { readLog } from '../../../src/model/log.ts';
import { setPlanTitle } from '../../../src/model/meta.ts';
import { renameParticipant } from '../../../src/model/participants.ts';
import { readActivity, readPlan } from '../../../src/model/plan.ts';
import { resolveConflict } from '../../../src/model/resolve.ts';
import type { Activity, CellRef } from '../../../src/model/schema.ts';
import { first, openUndo, seededDoc, unwrap } from '../../helpers/plans.ts';
import { TestNetwork } from '../../helpers/syncedDocs.ts';

let network: TestNetwork;
afterEach(() => network.destroy());

/** Two (or more) replicas of the Jämtland Härjedalen plan, cut off from each other. */
function offline(count = 2): { activity: Activity } {
  network = new TestNetwork(count, seededDoc());
  for (let i = 0; i < count; i++) network.cut(i);
  return { activity: first(readPlan(network.doc(0)).activities) };
}

const statusOf = (activity: Activity): CellRef => ({ target: 'activity', id: activity.id, field: 'status' });

const valuesConflict = (conflict: Conflict | undefined): ValuesConflict => {
  if (conflict?.kind !== 'values')
    throw new Error(`expected a values conflict, got ${JSON.stringify(conflict)}`);
  return conflict;
};

const deletedConflict = (conflict: Conflict | undefined): EditedDeletedConflict => {
  if (conflict?.kind !== 'editedDeleted') throw new Error(`expected an editedDeleted conflict`);
  return conflict;
};

const isSibling = (a: Activity, b: Activity): boolean =>
  a.id !== b.id && a.focusAreaId === b.focusAreaId && a.step === b.step;

const allConflicts = (): string[] => network.replicas.map((r) => JSON.stringify(openConflicts(r.doc)));

describe('[conflict-values] the same cell changed on two replicas without seeing each other', () => {
  it('is reported on both replicas alike, with both values, who and when', () => {
    const { activity } = offline();
    setActivityField(network.doc(0), network.origin(0), activity.id, 'status', 'done');
    setActivityField(network.doc(1), network.origin(1), activity.id, 'status', 'blocked');
    expect(openConflicts(network.doc(0))).toEqual([]);
    network.healAll();

    const [zero, one] = allConflicts();
    expect(one).toEqual(zero);
    const conflict = valuesConflict(openConflicts(network.doc(0))[0]);
    expect(conflict.cell).toEqual(statusOf(activity));
    expect(conflict.candidates.map((c) => [c.value, c.by.name]).sort()).toEqual([
      ['blocked', 'Person 2'],
      ['done', 'Person 1'],
    ]);
    for (const candidate of conflict.candidates) expect(candidate.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(['done', 'blocked']).toContain(conflict.current);
    expect(conflict.current).toBe(readActivity(network.doc(1), activity.id)?.status);
    expect(conflictCells(network.doc(1))).toEqual(new Map([[activity.id, new Set(['status'])]]));
  });

  it('[conflict-resolve] keeping one value closes it on every replica and shows the value kept', () => {
    const { activity } = offline();
    setActivityField(network.doc(0), network.origin(0), activity.id, 'status', 'done');
    setActivityField(network.doc(1), network.origin(1), activity.id, 'status', 'blocked');
    network.healAll();
    const conflict = valuesConflict(openConflicts(network.doc(1))[0]);
    // Keep the value that did not win in Yjs, so the resolve has to write it.
    const loser = conflict.candidates.find((c) => c.value !== conflict.current);
    if (!loser) throw new Error('fixture');
    expect(resolveConflict(network.doc(1), network.origin(1), conflict.cell, loser.key)).toEqual({
      ok: true,
      value: undefined,
    });
    network.flush();
    for (const replica of network.replicas) {
      expect(openConflicts(replica.doc)).toEqual([]);
      expect(conflictCells(replica.doc).size).toBe(0);
      expect(readActivity(replica.doc, activity.id)?.status).toBe(loser.value);
    }
    expect(readLog(network.doc(0)).at(-1)).toMatchObject({
      field: 'status',
      to: loser.value,
      prev: expect.arrayContaining(conflict.candidates.map((c) => c.key)),
      by: { name: 'Person 2' },
    });
  });

  it('[conflict-resolve-same] keeping the value already shown still logs, so the conflict closes everywhere', () => {
    const { activity } = offline();
    setActivityField(network.doc(0), network.origin(0), activity.id, 'note', 'Från Alice');
    setActivityField(network.doc(1), network.origin(1), activity.id, 'note', 'Från Bertil');
    network.healAll();
    const conflict = valuesConflict(openConflicts(network.doc(0))[0]);
    const winner = conflict.candidates.find((c) => c.value === conflict.current);
    if (!winner) throw new Error('fixture');
    const entries = readLog(network.doc(0)).length;
    unwrap(resolveConflict(network.doc(0), network.origin(0), conflict.cell, winner.key));
    network.flush();
    expect(readLog(network.doc(1))).toHaveLength(entries + 1);
    expect(allConflicts()).toEqual(['[]', '[]']);
    expect(readActivity(network.doc(1), activity.id)?.note).toBe(winner.value);
  });

  it('[conflict-undo] undoing the resolve reopens the conflict on every replica', () => {
    const { activity } = offline();
    setActivityField(network.doc(0), network.origin(0), activity.id, 'status', 'done');
    setActivityField(network.doc(1), network.origin(1), activity.id, 'status', 'blocked');
    network.healAll();
    const before = valuesConflict(openConflicts(network.doc(0))[0]);
    const undo = openUndo(network.doc(0), network.origin(0));
    const loser = before.candidates.find((c) => c.value !== before.current);
    if (!loser) throw new Error('fixture');
    unwrap(resolveConflict(network.doc(0), network.origin(0), before.cell, loser.key));
    network.flush();
    expect(allConflicts()).toEqual(['[]', '[]']);

    undo.undo();
    network.flush();
    const [zero, one] = allConflicts();
    expect(one).toEqual(zero);
    expect(openConflicts(network.doc(1))).toEqual([before]);
    expect(readActivity(network.doc(1), activity.id)?.status).toBe(before.current);
    undo.redo();
    network.flush();
    expect(allConflicts()).toEqual(['[]', '[]']);
  });

  it('[conflict-events] tells each replica when its open conflicts change, a log-only resolve included', () => {
    const { activity } = offline();
    const seen: number[] = [];
    const stop = onConflictsChange(network.doc(1), (conflicts) => seen.push(conflicts.length));
    setActivityField(network.doc(0), network.origin(0), activity.id, 'note', 'A');
    setActivityField(network.doc(1), network.origin(1), activity.id, 'note', 'B');
    network.healAll();
    expect(seen).toEqual([1]);
    setActivityField(network.doc(1), network.origin(1), activity.id, 'status', 'done');
    expect(seen).toEqual([1]);
    const conflict = valuesConflict(openConflicts(network.doc(0))[0]);
    const shown = conflict.candidates.find((c) => c.value === conflict.current);
    unwrap(resolveConflict(network.doc(0), network.origin(0), conflict.cell, shown?.key ?? ''));
    network.flush();
    expect(seen).toEqual([1, 0]);
    stop();
  });

  it('[conflict-settled-by-edit] a normal edit by someone who sees both values settles it', () => {
    const { activity } = offline();
    setActivityField(network.doc(0), network.origin(0), activity.id, 'responsible', 'Karin');
    setActivityField(network.doc(1), network.origin(1), activity.id, 'responsible', 'Lars');
    network.healAll();
    expect(openConflicts(network.doc(0))).toHaveLength(1);
    unwrap(setActivityField(network.doc(1), network.origin(1), activity.id, 'responsible', 'Karin och Lars'));
    network.flush();
    expect(allConflicts()).toEqual(['[]', '[]']);
  });

  it('[conflict-seen] sequential edits, each seeing the one before, are never a conflict', () => {
    const { activity } = offline();
    network.healAll();
    setActivityField(network.doc(0), network.origin(0), activity.id, 'status', 'done');
    network.flush();
    setActivityField(network.doc(1), network.origin(1), activity.id, 'status', 'blocked');
    network.cut(0);
    setActivityField(network.doc(0), network.origin(0), activity.id, 'text', 'Ändrad offline');
    network.healAll();
    setActivityField(network.doc(0), network.origin(0), activity.id, 'status', 'paused');
    network.flush();
    expect(allConflicts()).toEqual(['[]', '[]']);
  });

  it('[conflict-same-value] the same value from both sides is no conflict, and neither are owners merged', () => {
    const { activity } = offline();
    const [region, berg] = readPlan(network.doc(0)).participants;
    if (!region || !berg) throw new Error('fixture');
    setActivityField(network.doc(0), network.origin(0), activity.id, 'status', 'done');
    setActivityField(network.doc(1), network.origin(1), activity.id, 'status', 'done');
    setActivityField(network.doc(0), network.origin(0), activity.id, 'owners', [region.id]);
    setActivityField(network.doc(1), network.origin(1), activity.id, 'owners', [berg.id]);
    setActivityField(network.doc(0), network.origin(0), activity.id, 'reformParts', [1]);
    setActivityField(network.doc(1), network.origin(1), activity.id, 'reformParts', [2]);
    network.healAll();
    expect(allConflicts()).toEqual(['[]', '[]']);
    expect(readActivity(network.doc(0), activity.id)).toMatchObject({
      owners: [region.id, berg.id],
      reformParts: [1, 2],
    });
  });

  it('[conflict-cells] focus area (also by a move), step, names and the title count; order does not', () => {
    const { activity } = offline();
    const plan = readPlan(network.doc(0));
    const [, areaB, areaC] = plan.focusAreas;
    const participant = first(plan.participants);
    if (!areaB || !areaC) throw new Error('fixture');
    const [a, b] = [network.doc(0), network.doc(1)];
    const [oa, ob] = [network.origin(0), network.origin(1)];
    moveActivity(a, oa, activity.id, { focusAreaId: areaB.id, step: 2 });
    setActivityField(b, ob, activity.id, 'focusAreaId', areaC.id);
    setActivityField(b, ob, activity.id, 'step', 3);
    renameFocusArea(a, oa, areaB.id, 'Namn A');
    renameFocusArea(b, ob, areaB.id, 'Namn B');
    renameParticipant(a, oa, participant.id, 'Region A');
    renameParticipant(b, ob, participant.id, 'Region B');
    setPlanTitle(a, oa, 'Titel A');
    setPlanTitle(b, ob, 'Titel B');
    network.healAll();
    const [zero, one] = allConflicts();
    expect(one).toEqual(zero);
    // Plan order: settings, participants, focus areas, activities; fields in column order.
    expect(
      openConflicts(a).map((c) => (c.kind === 'values' ? `${c.cell.target}.${c.cell.field}` : c.kind)),
    ).toEqual(['meta.title', 'participant.name', 'focusArea.name', 'activity.focusAreaId', 'activity.step']);
    expect(conflictCells(b).get(activity.id)).toEqual(new Set(['focusAreaId', 'step']));
    expect(conflictCells(b).get('title')).toEqual(new Set(['title']));
  });

  it('keeps activity conflicts in plan order and refuses to resolve a closed or non-conflicting cell', () => {
    offline();
    const [x, y] = readPlan(network.doc(0)).activities;
    if (!x || !y) throw new Error('fixture');
    for (const activity of [y, x]) {
      setActivityField(network.doc(0), network.origin(0), activity.id, 'note', 'A');
      setActivityField(network.doc(1), network.origin(1), activity.id, 'note', 'B');
    }
    network.healAll();
    const conflicts = openConflicts(network.doc(0)).map(valuesConflict);
    expect(conflicts.map((c) => c.cell.id)).toEqual([x.id, y.id]);
    const [firstConflict] = conflicts;
    const [keep, other] = firstConflict?.candidates ?? [];
    if (!firstConflict || !keep || !other) throw new Error('fixture');
    unwrap(resolveConflict(network.doc(0), network.origin(0), firstConflict.cell, keep.key));
    expect(resolveConflict(network.doc(0), network.origin(0), firstConflict.cell, other.key)).toMatchObject({
      ok: false,
      error: { code: 'conflict_closed' },
    });
    expect(
      resolveConflict(
        network.doc(0),
        network.origin(0),
        { ...firstConflict.cell, field: 'owners' },
        keep.key,
      ),
    ).toMatchObject({ ok: false, error: { code: 'unknown_field' } });
  });

  it('a third replica that saw only one side conflicts with the other, not with what it saw', () => {
    offline(3);
    const activity = first(readPlan(network.doc(0)).activities);
    setActivityField(network.doc(0), network.origin(0), activity.id, 'status', 'done');
    setActivityField(network.doc(1), network.origin(1), activity.id, 'status', 'blocked');
    network.partition([[0], [1, 2]]);
    setActivityField(network.doc(2), network.origin(2), activity.id, 'status', 'paused');
    network.healAll();
    const conflict = valuesConflict(openConflicts(network.doc(1))[0]);
    expect(conflict.candidates.map((c) => c.value).sort()).toEqual(['done', 'paused']);
    expect(['done', 'paused']).toContain(conflict.current);
  });
});

describe('[conflict-deleted] an activity edited while someone else deleted it', () => {
  function editedWhileDeleted() {
    const { activity } = offline();
    unwrap(deleteActivity(network.doc(0), network.origin(0), activity.id));
    unwrap(setActivityField(network.doc(1), network.origin(1), activity.id, 'text', 'Sent ändrad'));
    unwrap(setActivityField(network.doc(1), network.origin(1), activity.id, 'status', 'in_progress'));
    network.healAll();
    return activity;
  }

  it('is reported on every replica, with who deleted it and the edits made meanwhile', () => {
    const activity = editedWhileDeleted();
    const [zero, one] = allConflicts();
    expect(one).toEqual(zero);
    const conflict = deletedConflict(openConflicts(network.doc(1))[0]);
    expect(conflict).toMatchObject({
      activityId: activity.id,
      deletedBy: { name: 'Person 1' },
      text: activity.text,
    });
    expect(conflict.edits.map((e) => [e.to, e.by.name]).sort()).toEqual([
      ['Sent ändrad', 'Person 2'],
      ['in_progress', 'Person 2'],
    ]);
    expect(readActivity(network.doc(1), activity.id)).toBeUndefined();
  });

  it('[conflict-deleted-restore] restore brings it back, in its place, with the edits applied, everywhere', () => {
    const activity = editedWhileDeleted();
    const conflict = deletedConflict(openConflicts(network.doc(0))[0]);
    expect(restoreDeletedActivity(network.doc(0), network.origin(0), conflict.deleteKey)).toEqual({
      ok: true,
      value: activity.id,
    });
    network.flush();
    for (const replica of network.replicas) {
      expect(openConflicts(replica.doc)).toEqual([]);
      expect(readActivity(replica.doc, activity.id)).toEqual({
        ...activity,
        text: 'Sent ändrad',
        status: 'in_progress',
      });
    }
    expect(readPlan(network.doc(1)).activities[0]?.id).toBe(activity.id);
    expect(readLog(network.doc(1)).at(-1)).toMatchObject({
      action: 'add',
      id: activity.id,
      to: 'Sent ändrad',
    });
    expect(restoreDeletedActivity(network.doc(0), network.origin(0), conflict.deleteKey)).toMatchObject({
      ok: false,
      error: { code: 'activity_exists' },
    });
  });

  it('[conflict-deleted-dismiss] dismissing keeps it deleted and closes the conflict everywhere; undo reopens it', () => {
    const activity = editedWhileDeleted();
    const conflict = deletedConflict(openConflicts(network.doc(1))[0]);
    const undo = openUndo(network.doc(1), network.origin(1));
    unwrap(dismissDeletedConflict(network.doc(1), network.origin(1), conflict.deleteKey));
    network.flush();
    expect(allConflicts()).toEqual(['[]', '[]']);
    expect(readActivity(network.doc(0), activity.id)).toBeUndefined();
    expect(dismissDeletedConflict(network.doc(1), network.origin(1), conflict.deleteKey)).toMatchObject({
      ok: false,
      error: { code: 'conflict_closed' },
    });
    // The dismissal kept the edits: restoring from it later brings them back too.
    const dismissal = readLog(network.doc(0)).at(-1);
    expect(dismissal).toMatchObject({
      action: 'delete',
      snapshot: { text: 'Sent ändrad', status: 'in_progress' },
    });

    undo.undo();
    network.flush();
    expect(openConflicts(network.doc(0))).toEqual([conflict]);
  });

  it('[conflict-restore-race] an edit on a copy that saw neither the delete nor the restore shows against the restored value', () => {
    const { activity } = offline(3);
    deleteActivity(network.doc(0), network.origin(0), activity.id);
    setActivityField(network.doc(1), network.origin(1), activity.id, 'text', 'Från B');
    network.partition([[0, 1]]);
    const conflict = deletedConflict(openConflicts(network.doc(0))[0]);
    unwrap(restoreDeletedActivity(network.doc(0), network.origin(0), conflict.deleteKey));
    // Replica 2 was away all along: its edit went to the row the restore replaced.
    setActivityField(network.doc(2), network.origin(2), activity.id, 'text', 'Från C');
    network.healAll();
    const [zero, one, two] = allConflicts();
    expect([one, two]).toEqual([zero, zero]);
    const race = valuesConflict(openConflicts(network.doc(2))[0]);
    expect(race.cell).toEqual({ target: 'activity', id: activity.id, field: 'text' });
    expect(race.current).toBe('Från B');
    expect(race.candidates.map((c) => c.value).sort()).toEqual(['Från B', 'Från C']);
    const fromC = race.candidates.find((c) => c.value === 'Från C');
    unwrap(resolveConflict(network.doc(1), network.origin(1), race.cell, fromC?.key ?? ''));
    network.flush();
    expect(readActivity(network.doc(2), activity.id)?.text).toBe('Från C');
    expect(allConflicts()).toEqual(['[]', '[]', '[]']);
  });

  it('a move within the step made while deleted is no conflict', () => {
    offline();
    const activities = readPlan(network.doc(0)).activities;
    const activity = activities.find((a) => activities.some((b) => isSibling(a, b)));
    const sibling = activities.find((b) => activity !== undefined && isSibling(activity, b));
    if (!activity || !sibling) throw new Error('fixture');
    deleteActivity(network.doc(0), network.origin(0), activity.id);
    moveActivity(network.doc(1), network.origin(1), activity.id, { ...activity, after: sibling.id });
    network.healAll();
    expect(allConflicts()).toEqual(['[]', '[]']);
  });

  it('an activity added and edited on one replica is no conflict anywhere', () => {
    offline();
    const area = first(readPlan(network.doc(0)).focusAreas);
    const id = unwrap(
      addActivity(network.doc(0), network.origin(0), { focusAreaId: area.id, step: 1, text: 'Ny' }),
    );
    setActivityField(network.doc(0), network.origin(0), id, 'text', 'Ny, ändrad');
    network.healAll();
    setActivityField(network.doc(1), network.origin(1), id, 'text', 'Ny, ändrad igen');
    network.flush();
    expect(allConflicts()).toEqual(['[]', '[]']);
  });
});
