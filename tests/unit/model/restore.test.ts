// [restore-*] The plan as it was on a date, read from the relay's bytes and restored as a forward edit.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addActivity,
  deleteActivity,
  moveActivity,
  setActivityField,
} from '../../../src/model/activities.ts';
import { openConflicts } from '../../../src/model/conflicts.ts';
import { encodeDoc } from '../../../src/model/docs.ts';
import { addFocusArea, removeFocusArea, renameFocusArea } from '../../../src/model/focusAreas.ts';
import { readLog } from '../../../src/model/log.ts';
import { setPlanCounty, setPlanTitle } from '../../../src/model/meta.ts';
import { addParticipant, removeParticipant, renameParticipant } from '../../../src/model/participants.ts';
import { readActivity, readPlan } from '../../../src/model/plan.ts';
import { planFromUpdate, restorePlan } from '../../../src/model/restore.ts';
import { alice, bertil, first, openUndo, seededDoc, unwrap } from '../../helpers/plans.ts';
import { TestNetwork } from '../../helpers/syncedDocs.ts';

let network: TestNetwork | undefined;
afterEach(() => network?.destroy());

/** A busy month: every kind of change the plan has, made after `past` was taken. */
function changeEverything(doc: Y.Doc): void {
  const plan = readPlan(doc);
  const [a1, a2, a3] = plan.activities;
  const [p1, p2] = plan.participants;
  const [f1, f2] = plan.focusAreas;
  const last = plan.focusAreas.at(-1);
  if (!a1 || !a2 || !a3 || !p1 || !p2 || !f1 || !f2 || !last) throw new Error('fixture');
  setActivityField(doc, alice, a1.id, 'status', 'done');
  setActivityField(doc, alice, a1.id, 'owners', [p1.id, p2.id]);
  setActivityField(doc, alice, a1.id, 'reformParts', [3]);
  setActivityField(doc, bertil, a2.id, 'due', '2027-01-31');
  moveActivity(doc, bertil, a2.id, { focusAreaId: f2.id, step: 3 });
  deleteActivity(doc, alice, a3.id);
  const added = unwrap(addActivity(doc, bertil, { focusAreaId: f1.id, step: 2, text: 'Ny aktivitet' }));
  setActivityField(doc, bertil, added, 'owners', [p2.id]);
  renameFocusArea(doc, alice, f1.id, 'Nytt namn');
  unwrap(addFocusArea(doc, alice, { name: 'Nytt område', priority: 2 }));
  unwrap(removeFocusArea(doc, alice, last.id, { withActivities: true }));
  renameParticipant(doc, alice, p1.id, 'Regionen');
  unwrap(removeParticipant(doc, alice, p2.id, 'unassign'));
  unwrap(addParticipant(doc, alice, { name: 'Ny kommun', kind: 'municipality' }));
  setPlanTitle(doc, bertil, 'Annan titel');
  setPlanCounty(doc, bertil, 'Annat län');
}

describe('[restore-read] the plan held by the relay’s bytes', () => {
  it('reads it as a plan snapshot', () => {
    const doc = seededDoc();
    expect(planFromUpdate(encodeDoc(doc))).toEqual({ ok: true, value: readPlan(doc) });
  });

  it('refuses bytes that are no update, hold no plan, or lack what they build on', () => {
    expect(planFromUpdate(new Uint8Array([255, 1, 2, 3]))).toMatchObject({
      ok: false,
      error: { code: 'bad_update' },
    });
    expect(planFromUpdate(encodeDoc(new Y.Doc()))).toMatchObject({
      ok: false,
      error: { code: 'bad_update' },
    });
    const doc = seededDoc();
    const before = Y.encodeStateVector(doc);
    setActivityField(doc, alice, first(readPlan(doc).activities).id, 'note', 'x');
    const delta = Y.encodeStateAsUpdate(doc, before);
    expect(planFromUpdate(delta)).toMatchObject({ ok: false, error: { code: 'bad_update' } });
  });
});

describe('[restore-plan] restoring the plan as it was', () => {
  it('gives back the earlier plan exactly, as logged changes: the history grows, nothing is replaced', () => {
    const doc = seededDoc();
    const earlier = readPlan(doc);
    const bytes = encodeDoc(doc);
    changeEverything(doc);
    const logBefore = readLog(doc);

    const result = unwrap(restorePlan(doc, alice, unwrap(planFromUpdate(bytes))));
    expect(readPlan(doc)).toEqual(earlier);
    const log = readLog(doc);
    expect(log.slice(0, logBefore.length)).toEqual(logBefore);
    expect(log.length - logBefore.length).toBe(result.changed);
    expect(result.changed).toBeGreaterThan(15);
    expect(log.slice(logBefore.length).every((e) => e.by.name === alice.actor.name)).toBe(true);
    expect(openConflicts(doc)).toEqual([]);
  });

  it('is one undoable step, and restoring the plan as it is changes nothing', () => {
    const doc = seededDoc();
    const bytes = encodeDoc(doc);
    changeEverything(doc);
    const later = readPlan(doc);
    const undo = openUndo(doc, alice);
    unwrap(restorePlan(doc, alice, unwrap(planFromUpdate(bytes))));
    undo.undo();
    expect(readPlan(doc)).toEqual(later);
    const entries = readLog(doc).length;
    expect(restorePlan(doc, alice, readPlan(doc))).toEqual({ ok: true, value: { changed: 0 } });
    expect(readLog(doc)).toHaveLength(entries);
  });

  it('reaches every replica, and an offline edit made meanwhile merges into it or shows as a conflict', () => {
    network = new TestNetwork(2, seededDoc());
    const [a, b] = [network.doc(0), network.doc(1)];
    const bytes = encodeDoc(a);
    const earlier = readPlan(a);
    const [x, y] = earlier.activities;
    if (!x || !y) throw new Error('fixture');
    setActivityField(a, network.origin(0), x.id, 'status', 'done');
    network.flush();
    network.cut(1);
    setActivityField(b, network.origin(1), x.id, 'status', 'blocked');
    setActivityField(b, network.origin(1), y.id, 'note', 'Skrivet offline');
    unwrap(restorePlan(a, network.origin(0), unwrap(planFromUpdate(bytes))));
    network.healAll();

    expect(JSON.stringify(readPlan(b))).toBe(JSON.stringify(readPlan(a)));
    expect(readActivity(b, y.id)?.note).toBe('Skrivet offline');
    const [conflict] = openConflicts(b);
    expect(conflict).toMatchObject({ kind: 'values', cell: { id: x.id, field: 'status' } });
    expect(conflict?.kind === 'values' && conflict.candidates.map((c) => c.value).sort()).toEqual([
      'blocked',
      'not_started',
    ]);
  });

  it('refuses a past plan with a value no edit would accept, and changes nothing', () => {
    const doc = seededDoc();
    const past = readPlan(doc);
    const broken = {
      ...past,
      activities: past.activities.map((a, i) => (i === 0 ? { ...a, status: 'klar' as never } : a)),
    };
    const entries = readLog(doc).length;
    expect(restorePlan(doc, alice, broken)).toMatchObject({ ok: false, error: { code: 'bad_status' } });
    expect(readLog(doc)).toHaveLength(entries);
  });
});
