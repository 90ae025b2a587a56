// src/grid/rowLogic.ts: the toolbar's filter predicate and where a dropped row lands, checked against real plans.
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { moveActivity, setActivityField } from '../../../src/model/activities.ts';
import { readPlan } from '../../../src/model/plan.ts';
import type { Result } from '../../../src/model/result.ts';
import type { ParticipantId } from '../../../src/model/schema.ts';
import { dropTarget, filtersPresent, passesFilters } from '../../../src/grid/rowLogic.ts';
import type { PlacedRow } from '../../../src/grid/rowLogic.ts';
import { toGridRows } from '../../../src/grid/rows.ts';
import type { GridRow } from '../../../src/grid/rows.ts';
import type { GridFilters } from '../../../src/state/types.ts';
import { alice, first, seededDoc } from '../../helpers/plans.ts';

const ALL: GridFilters = { owner: '', status: '', step: 0 };

const must = (result: Result<unknown>): void => {
  if (!result.ok) throw new Error(result.error.detail);
};

/** A plan where the first activity is in progress and owned by Berg, the second blocked and owned by Berg and Åre. */
function filteredPlan() {
  const doc = seededDoc();
  const plan = readPlan(doc);
  const [one, two] = plan.activities;
  const byName = (name: string): ParticipantId =>
    first(
      plan.participants.filter((p) => p.name === name),
      name,
    ).id;
  const berg = byName('Berg');
  const are = byName('Åre');
  if (!one || !two) throw new Error('expected two activities');
  must(setActivityField(doc, alice, one.id, 'owners', [berg]));
  must(setActivityField(doc, alice, one.id, 'status', 'in_progress'));
  must(setActivityField(doc, alice, two.id, 'owners', [berg, are]));
  must(setActivityField(doc, alice, two.id, 'status', 'blocked'));
  return { rows: toGridRows(readPlan(doc)), berg, are, one: one.id, two: two.id };
}

const shown = (rows: readonly GridRow[], filters: GridFilters) =>
  rows.filter((row) => passesFilters(row, filters)).map((row) => row.id);

describe('the toolbar filters', () => {
  it('treat the empty values as "all": no filter is present and every row passes', () => {
    const { rows } = filteredPlan();
    expect(filtersPresent(ALL)).toBe(false);
    expect(shown(rows, ALL)).toHaveLength(rows.length);
  });

  it('count as present as soon as one of owner, status or step is set', () => {
    const { berg } = filteredPlan();
    expect(filtersPresent({ ...ALL, owner: berg })).toBe(true);
    expect(filtersPresent({ ...ALL, status: 'done' })).toBe(true);
    expect(filtersPresent({ ...ALL, step: 3 })).toBe(true);
  });

  it('by owner show only the rows that owner is among the owners of', () => {
    const { rows, berg, are, one, two } = filteredPlan();
    expect(shown(rows, { ...ALL, owner: berg })).toEqual([one, two]);
    expect(shown(rows, { ...ALL, owner: are })).toEqual([two]);
  });

  it('by status show only the rows with that status', () => {
    const { rows, two } = filteredPlan();
    expect(shown(rows, { ...ALL, status: 'blocked' })).toEqual([two]);
    expect(shown(rows, { ...ALL, status: 'not_started' })).toHaveLength(rows.length - 2);
  });

  it('by step show only the rows in that step', () => {
    const { rows } = filteredPlan();
    const stepTwo = shown(rows, { ...ALL, step: 2 });
    expect(stepTwo.length).toBeGreaterThan(0);
    expect(stepTwo).toEqual(rows.filter((row) => row.step === 2).map((row) => row.id));
  });

  it('combine: a row must pass every filter that is set', () => {
    const { rows, berg, one } = filteredPlan();
    expect(shown(rows, { owner: berg, status: 'in_progress', step: 1 })).toEqual([one]);
    expect(shown(rows, { owner: berg, status: 'in_progress', step: 3 })).toEqual([]);
  });

  it('never pass a row without data (AG Grid’s group and loading rows)', () => {
    expect(passesFilters(undefined, ALL)).toBe(false);
  });
});

/** The rows of `doc` as the grid shows them unsorted: displayed index = plan index. */
function placedRows(doc: Y.Doc): PlacedRow[] {
  return toGridRows(readPlan(doc)).map((data, rowIndex) => ({ data, rowIndex }));
}

const at = (rows: readonly PlacedRow[], index: number): PlacedRow => {
  const row = rows[index];
  if (!row) throw new Error(`no row ${index}`);
  return row;
};

const planIds = (doc: Y.Doc) => readPlan(doc).activities.map((activity) => activity.id);

/** Drops row `from` on row `onto` and applies the move through the model, as the grid's drag end does. */
function drop(doc: Y.Doc, from: number, onto: number) {
  const rows = placedRows(doc);
  const source = at(rows, from).data;
  const over = at(rows, onto).data;
  const target = dropTarget(at(rows, from), at(rows, onto));
  if (!target || !source || !over) throw new Error('expected a move');
  must(moveActivity(doc, alice, source.id, target));
  return { moved: source.id, over: over.id, target };
}

describe('dropping a dragged row', () => {
  it('on a row further down puts it right after that row', () => {
    const doc = seededDoc();
    const { moved, over, target } = drop(doc, 0, 1);
    expect(target.after).toBe(over);
    expect(target.before).toBeUndefined();
    const ids = planIds(doc);
    expect(ids.indexOf(moved)).toBe(ids.indexOf(over) + 1);
  });

  it('on a row further up puts it right before that row', () => {
    const doc = seededDoc();
    const { moved, over, target } = drop(doc, 2, 1);
    expect(target.before).toBe(over);
    expect(target.after).toBeUndefined();
    const ids = planIds(doc);
    expect(ids.indexOf(moved)).toBe(ids.indexOf(over) - 1);
  });

  it('on a row of another focus area and step moves it into that area and step', () => {
    const doc = seededDoc();
    const rows = placedRows(doc);
    const source = at(rows, 0);
    const far = rows.findIndex(
      (row) => row.data?.focusAreaId !== source.data?.focusAreaId && row.data?.step === 3,
    );
    const onto = at(rows, far).data;
    const { moved } = drop(doc, 0, far);
    const activity = readPlan(doc).activities.find((a) => a.id === moved);
    expect(activity).toMatchObject({ focusAreaId: onto?.focusAreaId, step: 3 });
  });

  it('on itself, outside the rows or on a row without data gives no move', () => {
    const rows = placedRows(seededDoc());
    const source = at(rows, 1);
    expect(dropTarget(source, source)).toBeNull();
    expect(dropTarget(source, undefined)).toBeNull();
    expect(dropTarget(source, { data: undefined, rowIndex: 3 })).toBeNull();
    expect(dropTarget({ data: undefined, rowIndex: 0 }, at(rows, 2))).toBeNull();
  });
});
