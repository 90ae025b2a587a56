// Keeps the grid's columns and the device's column layout in step: the layout drives the grid, and a person's
// resize or move in the grid becomes the new layout.
import type { ColDef, ColumnMovedEvent, ColumnResizedEvent, GridApi } from 'ag-grid-community';
import { GRID_COLUMNS } from '../state/columnLayout.ts';
import type { ColumnPref, GridColumnId } from '../state/columnLayout.ts';
import type { GridRow } from './rows.ts';

const isColumnId = (value: string): value is GridColumnId => GRID_COLUMNS.includes(value as GridColumnId);

/**
 * The column definitions laid out as `layout` says (order, visibility, chosen widths), for a grid that starts that
 * way: laying out a created grid drew its 5,000 rows' cells a second time (~40 ms). Columns the layout does not
 * name keep their place after the others.
 */
export function withColumnLayout(
  columns: ColDef<GridRow>[],
  layout: readonly ColumnPref[],
): ColDef<GridRow>[] {
  const unplaced = new Map(columns.map((column) => [column.colId, column]));
  const placed = layout.flatMap((pref) => {
    const column = unplaced.get(pref.id);
    if (column === undefined) return [];
    unplaced.delete(pref.id);
    return [
      {
        ...column,
        hide: pref.hidden,
        ...(pref.width === undefined ? {} : { width: pref.width, flex: null }),
      },
    ];
  });
  return [...placed, ...unplaced.values()];
}

/** Shows `layout` in the grid: order, visibility, and the widths people chose. */
export function applyColumnLayout(grid: GridApi<GridRow>, layout: readonly ColumnPref[]): void {
  if (grid.isDestroyed()) return;
  grid.applyColumnState({
    state: layout.map((pref) => ({
      colId: pref.id,
      hide: pref.hidden,
      ...(pref.width === undefined ? {} : { width: pref.width, flex: null }),
    })),
    applyOrder: true,
  });
}

/**
 * Reports the layout after a person resizes or moves a column (not after our own `applyColumnLayout`):
 * the grid's order and visibility, the earlier widths, and the width of each column just resized.
 */
export function followColumnLayout(
  grid: GridApi<GridRow>,
  current: () => readonly ColumnPref[],
  onChange: (next: ColumnPref[]) => void,
): () => void {
  const report = (resized: ReadonlyMap<string, number>): void => {
    const earlier = new Map(current().map((pref) => [pref.id as string, pref]));
    const next: ColumnPref[] = [];
    for (const state of grid.getColumnState()) {
      if (!isColumnId(state.colId)) continue;
      const width = resized.get(state.colId) ?? earlier.get(state.colId)?.width;
      next.push({ id: state.colId, hidden: state.hide === true, ...(width === undefined ? {} : { width }) });
    }
    onChange(next);
  };
  const onResized = (event: ColumnResizedEvent<GridRow>): void => {
    if (!event.finished || event.source !== 'uiColumnResized') return;
    report(new Map((event.columns ?? []).map((column) => [column.getColId(), column.getActualWidth()])));
  };
  const onMoved = (event: ColumnMovedEvent<GridRow>): void => {
    if (event.finished && (event.source === 'uiColumnMoved' || event.source === 'uiColumnDragged'))
      report(new Map());
  };
  grid.addEventListener('columnResized', onResized);
  grid.addEventListener('columnMoved', onMoved);
  return () => {
    if (grid.isDestroyed()) return;
    grid.removeEventListener('columnResized', onResized);
    grid.removeEventListener('columnMoved', onMoved);
  };
}
