// [undo] Undo and redo take back the local user's own changes only, and refuse to overwrite a colleague's since.
import { afterEach, describe, expect, it } from 'vitest';
import {
  addActivity,
  deleteActivity,
  moveActivity,
  setActivityField,
} from '../../../src/model/activities.ts';
import { setCells } from '../../../src/model/batch.ts';
import { cellHeads } from '../../../src/model/heads.ts';
import { readActivity, readPlan } from '../../../src/model/plan.ts';
import { createPlanUndo } from '../../../src/model/undo.ts';
import type { PlanUndo } from '../../../src/model/undo.ts';
import { first, seededDoc, unwrap } from '../../helpers/plans.ts';
import { TestNetwork, snapshotsOf } from '../../helpers/syncedDocs.ts';

let network: TestNetwork;
let undos: PlanUndo[] = [];
afterEach(() => {
  for (const undo of undos) undo.destroy();
  undos = [];
  network.destroy();
});

/** Two people on one plan, online together; each with their own undo. */
function twoPeople() {
  network = new TestNetwork(2, seededDoc());
  undos = [0, 1].map((i) => createPlanUndo(network.doc(i), network.origin(i)));
  const [mine, theirs] = undos;
  if (!mine || !theirs) throw new Error('fixture');
  const plan = readPlan(network.doc(0));
  return { mine, theirs, plan, activity: first(plan.activities) };
}

const me = () => network.doc(0);
const colleague = () => network.doc(1);

describe('[undo] the local user undoes their own changes', () => {
  it('[undo-mine] undo reverts my change and leaves a colleague’s change to another cell', () => {
    const { mine, activity } = twoPeople();
    unwrap(setActivityField(me(), network.origin(0), activity.id, 'note', 'min anteckning'));
    network.flush();
    unwrap(setActivityField(colleague(), network.origin(1), activity.id, 'responsible', 'Karin Ek'));
    network.flush();
    expect(unwrap(mine.undo())).toEqual({ done: true });
    network.flush();
    for (const doc of [me(), colleague()]) {
      expect(readActivity(doc, activity.id)).toMatchObject({ note: activity.note, responsible: 'Karin Ek' });
    }
    expect(mine.canUndo()).toBe(false);
    const [a, b] = snapshotsOf(network);
    expect(a).toEqual(b);
  });

  it('[undo-never-theirs] a colleague’s change is never on my stack', () => {
    const { mine, activity } = twoPeople();
    unwrap(setActivityField(colleague(), network.origin(1), activity.id, 'status', 'done'));
    network.flush();
    expect(mine.canUndo()).toBe(false);
    expect(unwrap(mine.undo())).toEqual({ done: false });
    expect(readActivity(me(), activity.id)?.status).toBe('done');
  });

  it('[undo-refused] undoing a cell a colleague changed since is refused and changes nothing', () => {
    const { mine, activity } = twoPeople();
    unwrap(setActivityField(me(), network.origin(0), activity.id, 'note', 'min'));
    network.flush();
    unwrap(setActivityField(colleague(), network.origin(1), activity.id, 'note', 'deras'));
    network.flush();
    const before = JSON.stringify(readPlan(me()));
    const result = mine.undo();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('changed_since');
    expect(result.error.params).toEqual({ name: 'Person 2' });
    expect(JSON.stringify(readPlan(me()))).toBe(before);
    expect(mine.canUndo()).toBe(true);
    expect(cellHeads(me(), { target: 'activity', id: activity.id, field: 'note' })).toHaveLength(1);
  });

  it('[undo-add-delete-move] undo takes back an add, a delete and a move; redo puts them back', () => {
    const { mine, plan, activity } = twoPeople();
    const added = unwrap(
      addActivity(me(), network.origin(0), { focusAreaId: activity.focusAreaId, step: 1, text: 'Ny' }),
    );
    unwrap(deleteActivity(me(), network.origin(0), activity.id));
    const other = plan.activities.find((a) => a.focusAreaId === activity.focusAreaId && a.id !== activity.id);
    if (!other) throw new Error('fixture');
    unwrap(moveActivity(me(), network.origin(0), other.id, { focusAreaId: other.focusAreaId, step: 3 }));
    network.flush();
    unwrap(mine.undo()); // the move
    expect(readActivity(me(), other.id)?.step).toBe(other.step);
    unwrap(mine.undo()); // the delete
    expect(readActivity(me(), activity.id)).toEqual(activity);
    unwrap(mine.undo()); // the add
    expect(readActivity(me(), added)).toBeUndefined();
    network.flush();
    expect(readPlan(colleague())).toEqual(plan);
    unwrap(mine.redo());
    unwrap(mine.redo());
    unwrap(mine.redo());
    network.flush();
    expect(readActivity(colleague(), added)?.text).toBe('Ny');
    expect(readActivity(colleague(), activity.id)).toBeUndefined();
    expect(readActivity(colleague(), other.id)?.step).toBe(3);
  });

  it('[undo-redo] redo puts my change back, and is refused when a colleague changed the cell after my undo', () => {
    const { mine, activity } = twoPeople();
    unwrap(setActivityField(me(), network.origin(0), activity.id, 'responsible', 'Anna'));
    unwrap(mine.undo());
    unwrap(mine.redo());
    expect(readActivity(me(), activity.id)?.responsible).toBe('Anna');
    unwrap(mine.undo());
    network.flush();
    unwrap(setActivityField(colleague(), network.origin(1), activity.id, 'responsible', 'Bo'));
    network.flush();
    const result = mine.redo();
    expect(result.ok ? null : result.error.code).toBe('changed_since');
    expect(readActivity(me(), activity.id)?.responsible).toBe('Bo');
    expect(mine.canRedo()).toBe(true);
  });

  it('[undo-batch] a batch of cells is one step: one undo takes all of it back', () => {
    const { mine, plan } = twoPeople();
    const [a, b] = plan.activities;
    if (!a || !b) throw new Error('fixture');
    const outcome = setCells(me(), network.origin(0), [
      { cell: { target: 'activity', id: a.id, field: 'note' }, value: 'ett' },
      { cell: { target: 'activity', id: b.id, field: 'status' }, value: 'nope' },
      { cell: { target: 'activity', id: b.id, field: 'due' }, value: '2027-01-31' },
    ]);
    expect(outcome.written).toBe(2);
    expect(outcome.refused.map((r) => [r.index, r.error.code])).toEqual([[1, 'bad_status']]);
    expect(readActivity(me(), b.id)?.due).toBe('2027-01-31');
    unwrap(mine.undo());
    expect(readActivity(me(), a.id)?.note).toBe(a.note);
    expect(readActivity(me(), b.id)?.due).toBe(b.due);
    expect(mine.canUndo()).toBe(false);
  });
});
