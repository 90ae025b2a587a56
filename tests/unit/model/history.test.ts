// [history-*] A cell's earlier values and putting one back; what changed since a date; deleted activities restored.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addActivity, deleteActivity, setActivityField } from '../../../src/model/activities.ts';
import { restoreDeletedActivity } from '../../../src/model/deleted.ts';
import { addFocusArea, removeFocusArea, renameFocusArea } from '../../../src/model/focusAreas.ts';
import { cellHistory, changesSince } from '../../../src/model/history.ts';
import { readLog } from '../../../src/model/log.ts';
import { setPlanTitle } from '../../../src/model/meta.ts';
import { removeParticipant, renameParticipant } from '../../../src/model/participants.ts';
import { readActivity, readPlan } from '../../../src/model/plan.ts';
import { restoreCellValue } from '../../../src/model/resolve.ts';
import type { CellRef, FocusAreaId } from '../../../src/model/schema.ts';
import { alice, bertil, first, openUndo, seededDoc, unwrap } from '../../helpers/plans.ts';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-12-01T08:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

/** Moves the clock on, so each change gets its own time. */
const at = (iso: string): void => {
  vi.setSystemTime(new Date(iso));
};

function withPlan() {
  const doc = seededDoc();
  const plan = readPlan(doc);
  return { doc, plan, activity: first(plan.activities) };
}

describe('[history-cell] a cell’s earlier values', () => {
  it('lists each value newest first with who, when and what it replaced, back to the activity’s creation', () => {
    const { doc, plan } = withPlan();
    const area = first(plan.focusAreas);
    const id = unwrap(addActivity(doc, alice, { focusAreaId: area.id, step: 1, text: 'Första' }));
    at('2026-12-02T09:00:00.000Z');
    setActivityField(doc, bertil, id, 'text', 'Andra');
    setActivityField(doc, bertil, id, 'status', 'done');
    at('2026-12-03T10:00:00.000Z');
    setActivityField(doc, alice, id, 'text', 'Tredje');
    const cell: CellRef = { target: 'activity', id, field: 'text' };
    expect(cellHistory(doc, cell).map(({ key: _key, ...change }) => change)).toEqual([
      {
        at: '2026-12-03T10:00:00.000Z',
        by: alice.actor,
        action: 'set',
        field: 'text',
        from: 'Andra',
        to: 'Tredje',
      },
      {
        at: '2026-12-02T09:00:00.000Z',
        by: bertil.actor,
        action: 'set',
        field: 'text',
        from: 'Första',
        to: 'Andra',
      },
      {
        at: '2026-12-01T08:00:00.000Z',
        by: alice.actor,
        action: 'add',
        field: 'text',
        from: null,
        to: 'Första',
      },
    ]);
    expect(cellHistory(doc, { ...cell, field: 'status' }).map((c) => c.to)).toEqual(['done']);
    expect(new Set(cellHistory(doc, cell).map((c) => c.key)).size).toBe(3);
  });

  it('covers focus area names, participant names and plan settings', () => {
    const { doc, plan } = withPlan();
    const area = first(plan.focusAreas);
    renameFocusArea(doc, alice, area.id, 'Nytt namn');
    renameParticipant(doc, bertil, first(plan.participants).id, 'Regionen');
    setPlanTitle(doc, alice, 'Ny titel');
    expect(cellHistory(doc, { target: 'focusArea', id: area.id, field: 'name' })).toMatchObject([
      { from: area.name, to: 'Nytt namn', by: alice.actor },
    ]);
    expect(
      cellHistory(doc, { target: 'participant', id: first(plan.participants).id, field: 'name' }),
    ).toMatchObject([{ to: 'Regionen', by: bertil.actor }]);
    expect(cellHistory(doc, { target: 'meta', id: 'title', field: 'title' })).toMatchObject([
      { from: 'Testplan', to: 'Ny titel' },
    ]);
  });

  it('[history-restore-cell] puts an earlier value back as a normal, logged, undoable edit', () => {
    const { doc, activity } = withPlan();
    setActivityField(doc, bertil, activity.id, 'note', 'Version 1');
    setActivityField(doc, bertil, activity.id, 'note', 'Version 2');
    const cell: CellRef = { target: 'activity', id: activity.id, field: 'note' };
    const older = cellHistory(doc, cell)[1];
    if (!older) throw new Error('fixture');
    const undo = openUndo(doc, alice);
    expect(restoreCellValue(doc, alice, cell, older.to)).toEqual({ ok: true, value: undefined });
    expect(readActivity(doc, activity.id)?.note).toBe('Version 1');
    expect(readLog(doc).at(-1)).toMatchObject({ by: alice.actor, from: 'Version 2', to: 'Version 1' });
    undo.undo();
    expect(readActivity(doc, activity.id)?.note).toBe('Version 2');
  });

  it('validates the value against the plan as it is now', () => {
    const { doc, plan, activity } = withPlan();
    const gone = unwrap(addFocusArea(doc, alice, { name: 'Tillfälligt', priority: 1 }));
    setActivityField(doc, alice, activity.id, 'focusAreaId', gone);
    setActivityField(doc, alice, activity.id, 'focusAreaId', activity.focusAreaId);
    unwrap(removeFocusArea(doc, alice, gone, { withActivities: false }));
    const cell: CellRef = { target: 'activity', id: activity.id, field: 'focusAreaId' };
    const old = cellHistory(doc, cell).find((change) => change.to === gone);
    expect(restoreCellValue(doc, alice, cell, old?.to ?? null)).toMatchObject({
      ok: false,
      error: { code: 'unknown_focus_area' },
    });
    expect(restoreCellValue(doc, alice, { ...cell, field: 'order' }, 'a0')).toMatchObject({
      ok: false,
      error: { code: 'unknown_field' },
    });
    expect(readActivity(doc, activity.id)?.focusAreaId).toBe(plan.activities[0]?.focusAreaId);
  });
});

describe('[history-deleted] restoring a deleted activity from its delete entry', () => {
  it('brings it back as it was, under its id and in its place, as a logged add', () => {
    const { doc, plan, activity } = withPlan();
    const [region] = plan.participants;
    setActivityField(doc, alice, activity.id, 'owners', [region?.id]);
    setActivityField(doc, alice, activity.id, 'due', '2027-03-31');
    const before = readActivity(doc, activity.id);
    unwrap(deleteActivity(doc, bertil, activity.id));
    const deletion = readLog(doc).at(-1);
    expect(deletion).toMatchObject({
      action: 'delete',
      snapshot: { due: '2027-03-31', owners: [region?.id] },
    });
    expect(restoreDeletedActivity(doc, alice, deletion?.key ?? '')).toEqual({ ok: true, value: activity.id });
    expect(readActivity(doc, activity.id)).toEqual(before);
    expect(readPlan(doc).activities.map((a) => a.id)).toEqual(plan.activities.map((a) => a.id));
  });

  it('leaves out owners removed since, and refuses an unknown entry or a removed focus area', () => {
    const { doc, plan, activity } = withPlan();
    const [region, berg] = plan.participants;
    if (!region || !berg) throw new Error('fixture');
    setActivityField(doc, alice, activity.id, 'owners', [region.id, berg.id]);
    deleteActivity(doc, alice, activity.id);
    const deleteKey = readLog(doc).at(-1)?.key ?? '';
    unwrap(removeParticipant(doc, alice, berg.id, 'unassign'));
    expect(restoreDeletedActivity(doc, alice, 'no-such-key')).toMatchObject({
      ok: false,
      error: { code: 'unknown_change' },
    });
    const editKey = readLog(doc).find((e) => e.field === 'owners')?.key ?? '';
    expect(restoreDeletedActivity(doc, alice, editKey)).toMatchObject({
      ok: false,
      error: { code: 'unknown_change' },
    });
    unwrap(restoreDeletedActivity(doc, alice, deleteKey));
    expect(readActivity(doc, activity.id)?.owners).toEqual([region.id]);

    const area = activity.focusAreaId;
    unwrap(removeFocusArea(doc, alice, area, { withActivities: true }));
    const removedWithArea = readLog(doc).find(
      (e) => e.action === 'delete' && e.id === activity.id && e.key !== deleteKey,
    );
    expect(restoreDeletedActivity(doc, alice, removedWithArea?.key ?? '')).toMatchObject({
      ok: false,
      error: { code: 'unknown_focus_area' },
    });
  });
});

describe('[history-since] changes since a date, by focus area', () => {
  it('groups by focus area in plan order, plan-level changes first, newest first, before the date left out', () => {
    const { doc, plan } = withPlan();
    const [areaA, areaB] = plan.focusAreas;
    if (!areaA || !areaB) throw new Error('fixture');
    const inA = plan.activities.filter((a) => a.focusAreaId === areaA.id);
    const inB = plan.activities.filter((a) => a.focusAreaId === areaB.id);
    const [a1, a2] = inA;
    const [b1] = inB;
    if (!a1 || !a2 || !b1) throw new Error('fixture');
    setActivityField(doc, alice, a1.id, 'status', 'done'); // before the date
    at('2026-12-10T09:00:00.000Z');
    setActivityField(doc, bertil, b1.id, 'status', 'blocked');
    at('2026-12-10T10:00:00.000Z');
    setActivityField(doc, alice, a1.id, 'note', 'Beslut i styrgruppen');
    deleteActivity(doc, alice, a2.id);
    setPlanTitle(doc, bertil, 'Aktivitetsplan 2027');

    const groups = changesSince(doc, '2026-12-10');
    expect(groups.map((g) => [g.focusAreaId, g.name])).toEqual([
      [null, ''],
      [areaA.id, areaA.name],
      [areaB.id, areaB.name],
    ]);
    const [planLevel, groupA, groupB] = groups;
    expect(planLevel?.changes.map((c) => c.entry.field)).toEqual(['title']);
    expect(
      groupA?.changes.map((c) => [c.entry.action, c.entry.field, c.activityText, c.entry.by.name]),
    ).toEqual([
      ['delete', undefined, a2.text, 'Alice Andersson'],
      ['set', 'note', a1.text, 'Alice Andersson'],
    ]);
    expect(groupB?.changes.map((c) => [c.entry.to, c.activityText, c.entry.by.name])).toEqual([
      ['blocked', b1.text, 'Bertil Berg'],
    ]);
    expect(changesSince(doc, '2026-12-11')).toEqual([]);
  });

  it('keeps a removed focus area as a group named as it was, after the others', () => {
    const { doc, plan } = withPlan();
    const area = first(plan.focusAreas);
    const other = plan.focusAreas[1];
    const activity = first(plan.activities.filter((a) => a.focusAreaId === area.id));
    at('2026-12-05T09:00:00.000Z');
    setActivityField(doc, alice, activity.id, 'status', 'done');
    if (other) renameFocusArea(doc, alice, other.id, 'Omdöpt');
    unwrap(removeFocusArea(doc, bertil, area.id, { withActivities: true }));
    const groups = changesSince(doc, '2026-12-05T00:00:00.000Z');
    expect(groups.map((g) => g.focusAreaId)).toEqual([null, area.id as FocusAreaId]);
    const [planLevel, removed] = groups;
    expect(removed?.name).toBe(area.name);
    expect(removed?.changes.every((c) => c.activityText !== '')).toBe(true);
    expect(planLevel?.changes.map((c) => [c.entry.action, c.activityText])).toEqual([
      ['delete', area.name],
      ['set', 'Omdöpt'],
    ]);
  });
});
