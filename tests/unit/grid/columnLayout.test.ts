// src/grid/columnLayout.ts: a new grid starts in the device's column layout (order, visibility, chosen widths).
import { describe, expect, it } from 'vitest';
import { withColumnLayout } from '../../../src/grid/columnLayout.ts';
import { buildColumns } from '../../../src/grid/columns.ts';
import { defaultLayout } from '../../../src/state/columnLayout.ts';
import type { ColumnPref } from '../../../src/state/columnLayout.ts';

const columns = buildColumns({
  readOnly: () => false,
  focusAreas: () => [],
  participants: () => [],
  conflicted: () => false,
});

describe('withColumnLayout', () => {
  it('keeps the built columns as they are under the default layout', () => {
    const laidOut = withColumnLayout(columns, defaultLayout());
    expect(laidOut.map((column) => column.colId)).toEqual(columns.map((column) => column.colId));
    expect(laidOut.every((column) => column.hide === false)).toBe(true);
    expect(laidOut.map((column) => [column.width, column.flex])).toEqual(
      columns.map((column) => [column.width, column.flex]),
    );
  });

  it('orders, hides and sizes the columns as the layout says; a chosen width replaces flex', () => {
    const layout: ColumnPref[] = [
      { id: 'text', hidden: false },
      { id: 'note', hidden: false, width: 320 },
      { id: 'priority', hidden: false },
      { id: 'status', hidden: true },
    ];
    const laidOut = withColumnLayout(columns, layout);
    const ids = laidOut.map((column) => column.colId);
    expect(ids.slice(0, 4)).toEqual(['text', 'note', 'priority', 'status']);
    // The columns the layout does not name follow, in their built order, and none is lost or doubled.
    const rest = columns.map((column) => column.colId).filter((id) => !ids.slice(0, 4).includes(id));
    expect(ids.slice(4)).toEqual(rest);
    expect(new Set(ids).size).toBe(columns.length);
    const note = laidOut.find((column) => column.colId === 'note');
    expect(note).toMatchObject({ width: 320, flex: null, hide: false });
    expect(laidOut.find((column) => column.colId === 'status')?.hide).toBe(true);
    // The built definitions are not changed.
    expect(columns.find((column) => column.colId === 'note')?.flex).toBe(1);
  });
});
