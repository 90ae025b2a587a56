// [settings-actions] The settings view's actions: each change is one logged, undoable step with the tab's origin.
import { afterEach, describe, expect, it } from 'vitest';
import { setActivityField } from '../../../src/model/activities.ts';
import { readLog } from '../../../src/model/log.ts';
import { readPlan } from '../../../src/model/plan.ts';
import type { PlanSnapshot } from '../../../src/model/schema.ts';
import { createPlanUndo } from '../../../src/model/undo.ts';
import type { PlanUndo } from '../../../src/model/undo.ts';
import { createSettingsActions, placementFor } from '../../../src/state/settingsActions.ts';
import { alice, bertil, first, seededDoc, unwrap } from '../../helpers/plans.ts';

let undos: PlanUndo[] = [];
afterEach(() => {
  for (const undo of undos) undo.destroy();
  undos = [];
});

/** A seeded plan with the settings actions and the real undo history of alice's tab. */
function open(template: 'jamtland-harjedalen' | 'empty' = 'jamtland-harjedalen') {
  const doc = seededDoc(template);
  const undo = createPlanUndo(doc, alice);
  undos.push(undo);
  return { doc, undo, actions: createSettingsActions({ doc, origin: alice }), plan: readPlan(doc) };
}

const names = (items: readonly { name: string }[]): string[] => items.map((item) => item.name);
const byName = (plan: PlanSnapshot, name: string) => {
  const found = plan.participants.find((p) => p.name === name);
  if (!found) throw new Error(`no participant ${name}`);
  return found;
};

describe('[settings-actions] plan, participants and focus areas', () => {
  it('[settings-meta] title and county are each one logged step; undo puts the old value back', () => {
    const { doc, undo, actions, plan } = open();
    unwrap(actions.setTitle('Aktivitetsplan 2027'));
    unwrap(actions.setCounty('Jämtlands län'));
    expect(readPlan(doc).meta).toMatchObject({ title: 'Aktivitetsplan 2027', county: 'Jämtlands län' });
    expect(readLog(doc).slice(-2)).toEqual([
      expect.objectContaining({ target: 'meta', field: 'title', to: 'Aktivitetsplan 2027', by: alice.actor }),
      expect.objectContaining({ target: 'meta', field: 'county', to: 'Jämtlands län', by: alice.actor }),
    ]);
    expect(actions.setTitle('  ')).toMatchObject({ ok: false, error: { code: 'required' } });
    unwrap(undo.undo());
    expect(readPlan(doc).meta).toMatchObject({ title: 'Aktivitetsplan 2027', county: plan.meta.county });
    unwrap(undo.undo());
    expect(readPlan(doc).meta.title).toBe(plan.meta.title);
    expect(undo.canUndo()).toBe(false);
  });

  it('[settings-participant-edit] add, rename and move up/down are one step each', () => {
    const { doc, undo, actions } = open('empty');
    const region = unwrap(actions.addParticipant({ name: 'Region Blekinge', kind: 'region' }));
    const town = unwrap(actions.addParticipant({ name: 'Karlskrona', kind: 'municipality' }));
    expect(actions.addParticipant({ name: 'karlskrona', kind: 'municipality' })).toMatchObject({
      ok: false,
      error: { code: 'duplicate_name', field: 'name' },
    });
    unwrap(actions.renameParticipant(town, 'Karlskrona kommun'));
    expect(names(readPlan(doc).participants)).toEqual(['Gemensamt', 'Region Blekinge', 'Karlskrona kommun']);
    unwrap(actions.moveParticipant(town, 'up'));
    expect(names(readPlan(doc).participants)).toEqual(['Gemensamt', 'Karlskrona kommun', 'Region Blekinge']);
    unwrap(actions.moveParticipant(region, 'down')); // already last: nothing changes, nothing is logged
    unwrap(actions.moveParticipant(town, 'up'));
    expect(names(readPlan(doc).participants)).toEqual(['Karlskrona kommun', 'Gemensamt', 'Region Blekinge']);
    const steps = ['move', 'move', 'rename', 'add', 'add'];
    const expected = [
      ['Gemensamt', 'Karlskrona kommun', 'Region Blekinge'],
      ['Gemensamt', 'Region Blekinge', 'Karlskrona kommun'],
      ['Gemensamt', 'Region Blekinge', 'Karlskrona'],
      ['Gemensamt', 'Region Blekinge'],
      ['Gemensamt'],
    ];
    steps.forEach((step, i) => {
      expect(unwrap(undo.undo()), step).toEqual({ done: true });
      expect(names(readPlan(doc).participants), step).toEqual(expected[i]);
    });
    expect(undo.canUndo()).toBe(false);
  });

  it('[settings-participant-reassign] removing an owner hands its activities over, undone in one step', () => {
    const { doc, undo, actions, plan } = open();
    const region = byName(plan, 'Region Jämtland Härjedalen');
    const [heir, gone] = plan.participants.filter((p) => p.kind === 'municipality');
    if (!heir || !gone) throw new Error('fixture: two municipalities');
    const [a1, a2] = plan.activities;
    if (!a1 || !a2) throw new Error('fixture: two activities');
    // Set up with another person's origin, so alice's undo stack holds only the removal.
    unwrap(setActivityField(doc, bertil, a1.id, 'owners', [gone.id]));
    unwrap(setActivityField(doc, bertil, a2.id, 'owners', [region.id, gone.id]));
    const before = readPlan(doc);

    expect(actions.removeParticipant(gone.id)).toMatchObject({
      ok: false,
      error: { code: 'participant_in_use' },
    });
    unwrap(actions.removeParticipant(gone.id, { reassignTo: heir.id }));
    const after = readPlan(doc);
    expect(after.participants.map((p) => p.id)).not.toContain(gone.id);
    expect(after.activities.find((a) => a.id === a1.id)?.owners).toEqual([heir.id]);
    expect(after.activities.find((a) => a.id === a2.id)?.owners).toEqual([region.id, heir.id]);

    expect(unwrap(undo.undo())).toEqual({ done: true });
    expect(readPlan(doc)).toEqual(before);
    expect(undo.canUndo()).toBe(false);
  });

  it('[settings-participant-unassign] removing an owner without hand-over leaves its activities with their other owners', () => {
    const { doc, undo, actions, plan } = open();
    const region = byName(plan, 'Region Jämtland Härjedalen');
    const gone = first(plan.participants.filter((p) => p.kind === 'municipality'));
    const [a1, a2] = plan.activities;
    if (!a1 || !a2) throw new Error('fixture: two activities');
    unwrap(setActivityField(doc, bertil, a1.id, 'owners', [gone.id]));
    unwrap(setActivityField(doc, bertil, a2.id, 'owners', [region.id, gone.id]));
    const before = readPlan(doc);

    unwrap(actions.removeParticipant(gone.id, 'unassign'));
    const after = readPlan(doc);
    expect(after.activities).toHaveLength(before.activities.length);
    expect(after.activities.find((a) => a.id === a1.id)?.owners).toEqual([]);
    expect(after.activities.find((a) => a.id === a2.id)?.owners).toEqual([region.id]);
    unwrap(undo.undo());
    expect(readPlan(doc)).toEqual(before);
  });

  it('[settings-focus-edit] add, rename, re-prioritise and move within a priority are one step each', () => {
    const { doc, undo, actions, plan } = open();
    const twos = plan.focusAreas.filter((area) => area.priority === 2);
    const [a, b] = twos;
    if (!a || !b) throw new Error('fixture: two areas of priority 2');
    const id = unwrap(actions.addFocusArea({ name: 'Uppföljning', priority: '2' }));
    expect(
      readPlan(doc)
        .focusAreas.filter((area) => area.priority === 2)
        .at(-1)?.id,
    ).toBe(id);
    expect(actions.addFocusArea({ name: 'X', priority: '0' })).toMatchObject({
      ok: false,
      error: { code: 'bad_priority', field: 'priority' },
    });
    unwrap(actions.renameFocusArea(id, 'Uppföljning och lärande'));
    unwrap(actions.moveFocusArea(b.id, 'up'));
    const order = () => readPlan(doc).focusAreas.map((area) => area.id);
    expect(order().indexOf(b.id)).toBe(order().indexOf(a.id) - 1);
    // b is now first of priority 2 and the area above it has priority 1: up changes nothing (the priority decides).
    const movedOrder = order();
    unwrap(actions.moveFocusArea(b.id, 'up'));
    expect(order()).toEqual(movedOrder);
    unwrap(actions.setFocusAreaPriority(id, '1'));
    expect(readPlan(doc).focusAreas.find((area) => area.id === id)?.priority).toBe(1);

    for (let i = 0; i < 4; i++) expect(unwrap(undo.undo())).toEqual({ done: true });
    expect(readPlan(doc).focusAreas).toEqual(plan.focusAreas);
    expect(undo.canUndo()).toBe(false);
  });

  it('[settings-focus-remove] a focus area with activities goes only when confirmed, and one undo brings it all back', () => {
    const { doc, undo, actions, plan } = open();
    const area = first(plan.focusAreas);
    const held = plan.activities.filter((activity) => activity.focusAreaId === area.id);
    expect(held.length).toBeGreaterThan(0);
    expect(actions.removeFocusArea(area.id, { withActivities: false })).toMatchObject({
      ok: false,
      error: { code: 'focus_area_in_use' },
    });
    expect(readPlan(doc)).toEqual(plan);
    unwrap(actions.removeFocusArea(area.id, { withActivities: true }));
    const after = readPlan(doc);
    expect(after.focusAreas.map((a) => a.id)).not.toContain(area.id);
    expect(after.activities).toHaveLength(plan.activities.length - held.length);

    expect(unwrap(undo.undo())).toEqual({ done: true });
    expect(readPlan(doc)).toEqual(plan);
    expect(undo.canUndo()).toBe(false);
  });
});

describe('[settings-placement] where a move up or down goes', () => {
  const items = [
    { id: 'a', group: 1 },
    { id: 'b', group: 2 },
    { id: 'c', group: 2 },
    { id: 'd', group: 2 },
  ];
  const group = (item: { group: number }) => item.group;

  it('goes before the neighbour above or after the one below', () => {
    expect(placementFor(items, 'c', 'up')).toEqual({ before: 'b' });
    expect(placementFor(items, 'c', 'down')).toEqual({ after: 'd' });
    expect(placementFor(items, 'b', 'up')).toEqual({ before: 'a' });
  });

  it('stops at the ends of the list and of its group, and for an unknown id', () => {
    expect(placementFor(items, 'a', 'up')).toBeNull();
    expect(placementFor(items, 'd', 'down')).toBeNull();
    expect(placementFor(items, 'b', 'up', group)).toBeNull();
    expect(placementFor(items, 'c', 'up', group)).toEqual({ before: 'b' });
    expect(placementFor(items, 'x', 'up')).toBeNull();
  });
});
