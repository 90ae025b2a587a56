// Pure row rules of the grid: the toolbar's filter predicate and where a dragged row lands. No AG Grid imports, so it runs in node.
import type { GridFilters, MoveTarget } from '../state/types.ts';
import type { GridRow } from './rows.ts';

/** A row as the grid shows it: its data and its displayed index (AG Grid's `IRowNode` fits this shape). */
export interface PlacedRow {
  readonly data: GridRow | undefined;
  readonly rowIndex: number | null;
}

/** True when any of the toolbar's owner, status or step filters is set (the empty value means "all"). */
export const filtersPresent = (filters: GridFilters): boolean =>
  filters.owner !== '' || filters.status !== '' || filters.step !== 0;

/** True when a row passes the toolbar's owner, status and step filters. */
export function passesFilters(row: GridRow | undefined, filters: GridFilters): boolean {
  if (!row) return false;
  if (filters.owner !== '' && !row.owners.includes(filters.owner)) return false;
  if (filters.status !== '' && row.status !== filters.status) return false;
  return filters.step === 0 || row.step === filters.step;
}

/**
 * Where a dragged row goes when dropped on `over`: into its focus area and step, after it going down, before it
 * going up. Null when there is nothing to move or the row is dropped on itself.
 */
export function dropTarget(source: PlacedRow, over: PlacedRow | undefined): MoveTarget | null {
  const from = source.data;
  const onto = over?.data;
  if (!from || !onto || !over || from.id === onto.id) return null;
  const down = (source.rowIndex ?? 0) < (over.rowIndex ?? 0);
  const target: MoveTarget = { focusAreaId: onto.focusAreaId, step: onto.step };
  if (down) target.after = onto.id;
  else target.before = onto.id;
  return target;
}
