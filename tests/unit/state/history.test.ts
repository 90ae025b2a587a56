// [history-state] The history dialog's typed actions over an open plan: reading the history, the plan on a date, restoring.
import { describe, expect, it } from 'vitest';
import { deleteActivity, setActivityField } from '../../../src/model/activities.ts';
import { encodeDoc } from '../../../src/model/docs.ts';
import { readLog } from '../../../src/model/log.ts';
import { readPlan } from '../../../src/model/plan.ts';
import type { CellRef, PlanId } from '../../../src/model/schema.ts';
import { createHistoryState, diffPlans, readCellHistory } from '../../../src/state/history.ts';
import type { CellChange } from '../../../src/state/history.ts';
import { alice, bertil, first, seededDoc, unwrap } from '../../helpers/plans.ts';

const planId = 'plan1' as PlanId;

/** A fetch that answers every history request with `bytes`, as the relay would. */
const relayWith = (bytes: Uint8Array) =>
  (() =>
    Promise.resolve(
      new Response(new Uint8Array(bytes), {
        status: 200,
        headers: { 'content-type': 'application/octet-stream' },
      }),
    )) as typeof fetch;

function openHistory(fetchImpl?: typeof fetch) {
  const doc = seededDoc();
  const history = createHistoryState({ planId, token: 'edit-token', doc, origin: alice }, fetchImpl);
  return { doc, history };
}

describe('[history-state] a cell’s values', () => {
  it('marks the value the cell shows, keeps the value from before the log, and restores an earlier one', () => {
    const { doc, history } = openHistory();
    const activity = first(readPlan(doc).activities);
    const cell: CellRef = { target: 'activity', id: activity.id, field: 'text' };
    unwrap(setActivityField(doc, bertil, activity.id, 'text', 'Första ändringen'));
    unwrap(setActivityField(doc, bertil, activity.id, 'text', 'Andra ändringen'));

    const before = history.cellHistory(cell);
    expect(before.now).toBe('Andra ändringen');
    expect(before.changes.map((change) => [change.to, change.current, change.by.name])).toEqual([
      ['Andra ändringen', true, 'Bertil Berg'],
      ['Första ändringen', false, 'Bertil Berg'],
    ]);
    expect(before.before).toBe(activity.text);

    unwrap(history.restoreCellValue(cell, 'Första ändringen'));
    const after = history.cellHistory(cell);
    expect(after.now).toBe('Första ändringen');
    expect(after.changes[0]).toMatchObject({ to: 'Första ändringen', current: true, by: alice.actor });
    expect(after.changes).toHaveLength(3);
  });

  it('tells a value written by re-creating a deleted activity from one it got when first added', () => {
    const { doc, history } = openHistory();
    const activity = first(readPlan(doc).activities);
    unwrap(deleteActivity(doc, bertil, activity.id));
    const deletion = readLog(doc).at(-1);
    if (deletion?.key === undefined) throw new Error('the deletion was not logged with a key');
    expect(history.canRestoreDeleted(deletion)).toBe(true);
    unwrap(history.restoreDeletedActivity(deletion.key));
    expect(history.canRestoreDeleted(deletion)).toBe(false);
    const status = history.cellHistory({ target: 'activity', id: activity.id, field: 'status' });
    expect(status.changes[0]).toMatchObject({ action: 'add', recreated: true, current: true });
  });

  it('shows nothing as current when the newest logged value is not what the cell holds', () => {
    const change = (to: string, from: string): CellChange => ({
      key: to,
      at: '2026-12-01T10:00:00.000Z',
      by: bertil.actor,
      action: 'set',
      field: 'text',
      from,
      to,
    });
    const read = readCellHistory([change('b', 'a'), change('a', 'start')], 'something else');
    expect(read.changes.map((item) => item.current)).toEqual([false, false]);
    expect(read.before).toBe('start');
    expect(readCellHistory([], undefined)).toEqual({ now: undefined, changes: [], before: undefined });
  });
});

describe('[history-state] the plan on a date', () => {
  it('reads the relay’s bytes into a plain plan snapshot, the same as the past document held', async () => {
    const past = seededDoc('blekinge', 'Förra månaden');
    const { doc, history } = openHistory(relayWith(encodeDoc(past)));
    const before = encodeDoc(doc);
    const loaded = await history.loadPlanAt('2026-11-01T22:59:59.999Z');
    if (!loaded.ok) throw new Error(loaded.reason);
    expect(loaded.past.at).toBe('2026-11-01T22:59:59.999Z');
    expect(loaded.past.plan).toEqual(readPlan(past));
    // Reading a past plan writes nothing into the open one.
    expect(encodeDoc(doc)).toEqual(before);
  });

  it('counts changed, added and removed activities by id, and restorePlan undoes them all', async () => {
    const doc = seededDoc();
    const pastBytes = encodeDoc(doc);
    const history = createHistoryState({ planId, token: 't', doc, origin: alice }, relayWith(pastBytes));
    const [a, b, c] = readPlan(doc).activities;
    if (!a || !b || !c) throw new Error('the template has fewer than three activities');
    unwrap(setActivityField(doc, bertil, a.id, 'status', a.status === 'blocked' ? 'paused' : 'blocked'));
    unwrap(setActivityField(doc, bertil, b.id, 'responsible', 'Cecilia Ek'));
    unwrap(deleteActivity(doc, bertil, c.id));

    const loaded = await history.loadPlanAt('2026-11-01T22:59:59.999Z');
    if (!loaded.ok) throw new Error(loaded.reason);
    const diff = diffPlans(loaded.past.plan, readPlan(doc));
    expect([...diff.changed].sort()).toEqual([a.id, b.id].sort());
    expect([...diff.removed]).toEqual([c.id]);
    expect(diff.added.size).toBe(0);

    const logLength = readLog(doc).length;
    const restored = unwrap(history.restorePlan(loaded.past.plan));
    expect(restored.changed).toBeGreaterThanOrEqual(3);
    expect(readLog(doc).length).toBe(logLength + restored.changed);
    const now = readPlan(doc);
    expect(now.activities).toEqual(loaded.past.plan.activities);
    const after = diffPlans(loaded.past.plan, now);
    expect([after.changed.size, after.added.size, after.removed.size]).toEqual([0, 0, 0]);
  });

  it('passes on the relay’s refusal, and calls bytes that hold no plan unreadable, touching nothing', async () => {
    const { doc, history } = openHistory(relayWith(new Uint8Array([0, 0])));
    const before = encodeDoc(doc);
    expect(await history.loadPlanAt('2026-11-01T22:59:59.999Z')).toEqual({ ok: false, reason: 'unreadable' });
    const noPlan = createHistoryState({ planId, token: 't', doc, origin: alice }, (() =>
      Promise.resolve(
        new Response(JSON.stringify({ error: 'no_history' }), { status: 404 }),
      )) as typeof fetch);
    expect(await noPlan.loadPlanAt('2020-01-01T00:00:00.000Z')).toEqual({ ok: false, reason: 'no_history' });
    expect(encodeDoc(doc)).toEqual(before);
  });
});
