// src/grid/rowSync.ts RowCache: unchanged rows keep their object, so AG Grid skips their refresh.
import { describe, expect, it } from 'vitest';
import { addActivity, moveActivity, setActivityField } from '../../../src/model/activities.ts';
import { readPlan } from '../../../src/model/plan.ts';
import { RowCache } from '../../../src/grid/rowSync.ts';
import { alice, first, seededDoc } from '../../helpers/plans.ts';

function cachedPlan() {
  const doc = seededDoc();
  const cache = new RowCache();
  const before = cache.all(readPlan(doc));
  return { doc, cache, before, changedId: first(before).id };
}

describe('RowCache', () => {
  it('keeps the old row object for every unchanged activity and gives a new one for the edited activity', () => {
    const { doc, cache, before, changedId } = cachedPlan();
    setActivityField(doc, alice, changedId, 'status', 'done');
    const after = cache.all(readPlan(doc));
    expect(after[0]).not.toBe(before[0]);
    expect(after[0]?.status).toBe('done');
    expect(after.slice(1).every((row, i) => row === before[i + 1])).toBe(true);
  });

  it('reports as changed only the given rows whose content changed', () => {
    const { doc, cache, before, changedId } = cachedPlan();
    const untouched = before[1]?.id;
    setActivityField(doc, alice, changedId, 'note', 'Ny anteckning');
    const plan = readPlan(doc);
    const updates = cache.changed(plan, new Set([changedId, untouched].filter((id) => id !== undefined)));
    expect(updates.map((row) => [row.id, row.note])).toEqual([[changedId, 'Ny anteckning']]);
    // The cache took the update: asked again, nothing is left to apply.
    expect(cache.changed(plan, new Set([changedId]))).toEqual([]);
  });

  it('leaves out rows the grid does not hold yet, which only a full row list brings in', () => {
    const { doc, cache } = cachedPlan();
    const area = first(readPlan(doc).focusAreas).id;
    const added = addActivity(doc, alice, { focusAreaId: area, step: 1, text: 'Ny rad' });
    if (!added.ok) throw new Error(added.error.detail);
    const plan = readPlan(doc);
    expect(cache.changed(plan, new Set([added.value]))).toEqual([]);
    expect(cache.orderDiffers(plan)).toBe(true);
  });

  it('sees a changed order after a move, and none for a plan whose rows only changed content', () => {
    const { doc, cache, before, changedId } = cachedPlan();
    setActivityField(doc, alice, changedId, 'text', 'Omformulerad');
    expect(cache.orderDiffers(readPlan(doc))).toBe(false);
    const second = before[1];
    if (!second) throw new Error('expected two rows');
    moveActivity(doc, alice, changedId, {
      focusAreaId: second.focusAreaId,
      step: second.step,
      after: second.id,
    });
    expect(cache.orderDiffers(readPlan(doc))).toBe(true);
  });
});
