// Keeps the grid's rows in step with the plan without disturbing the local user's editor, selection, focus or scroll.
import type { GridApi } from 'ag-grid-community';
import { unwrap } from 'solid-js/store';
import type { ActivityId, PlanSnapshot } from '../model/schema.ts';
import type { PlanChange } from '../state/types.ts';
import { readLookup, sameList, sameRow, toGridRow } from './rows.ts';
import type { GridRow } from './rows.ts';

/** The grid's rows as last given to AG Grid, by id and in order; unchanged rows keep their object (no refresh). */
export class RowCache {
  private rows = new Map<ActivityId, GridRow>();
  private order: ActivityId[] = [];

  /** All rows of `plan` in plan order, reusing the previous object for rows that look the same. */
  all(plan: PlanSnapshot): GridRow[] {
    const lookup = readLookup(plan);
    const next = plan.activities.map((activity) => {
      const row = toGridRow(activity, lookup);
      const previous = this.rows.get(row.id);
      return previous && sameRow(previous, row) ? previous : row;
    });
    this.rows = new Map(next.map((row) => [row.id, row]));
    this.order = next.map((row) => row.id);
    return next;
  }

  /** True when `plan` lists other activities, or the same in another order, than the grid holds. */
  orderDiffers(plan: PlanSnapshot): boolean {
    return !sameList(
      plan.activities.map((activity) => activity.id),
      this.order,
    );
  }

  /** The rows among `ids` whose content changed (rows the grid does not hold are left out); the cache takes them. */
  changed(plan: PlanSnapshot, ids: ReadonlySet<ActivityId>): GridRow[] {
    const lookup = readLookup(plan);
    const updates: GridRow[] = [];
    for (const activity of plan.activities) {
      const previous = ids.has(activity.id) ? this.rows.get(activity.id) : undefined;
      if (!previous) continue;
      const row = toGridRow(activity, lookup);
      if (sameRow(previous, row)) continue;
      this.rows.set(row.id, row);
      updates.push(row);
    }
    return updates;
  }
}

/**
 * Applies model changes to the grid.
 * - Cell changes become `applyTransaction({ update })` for just those rows.
 * - Adds, deletes, moves and structure changes set the whole row list in plan order; AG Grid merges it by row id,
 *   so selection and scroll stay.
 * - While the local user has an editor open (or is committing one), changes that would shift rows wait until the
 *   editor has closed, so the row being edited never moves under the user (AG Grid tracks focus by row index).
 * Never stops editing, refreshes all cells or sets the columns again.
 */
export class RowSync {
  private api: GridApi<GridRow> | undefined;
  private readonly cache = new RowCache();
  private structurePending = false;
  private readonly pendingIds = new Set<ActivityId>();
  private committing = 0;

  private readonly plan: () => PlanSnapshot;

  constructor(
    private readonly host: HTMLElement,
    plan: () => PlanSnapshot,
  ) {
    // The rows are read from the store's plain objects: through its proxies, 5,000 rows took ~40 ms more to read.
    this.plan = () => unwrap(plan());
  }

  /** The rows to create the grid with. */
  initialRows(): GridRow[] {
    return this.cache.all(this.plan());
  }

  /** Connects the created grid; changes before this are covered by `initialRows`. */
  attach(api: GridApi<GridRow>): void {
    this.api = api;
  }

  /** Takes one change from the model. */
  onChange(change: PlanChange): void {
    const api = this.api;
    if (!api || api.isDestroyed()) return;
    const plan = this.plan();
    const structural = change.structure || this.cache.orderDiffers(plan);
    if (this.isEditing(api) && (structural || !this.orderIsFixed(api))) {
      this.structurePending ||= structural;
      for (const id of change.activities) this.pendingIds.add(id);
      return;
    }
    this.apply(api, plan, structural, change.activities);
  }

  /** Runs the model action that commits an edit; what it changes is held until the editor has closed. */
  commit<T>(action: () => T): T {
    this.committing += 1;
    try {
      return action();
    } finally {
      this.committing -= 1;
      this.onEditingStopped();
    }
  }

  /** Call when an edit ends: applies what waited for it. */
  onEditingStopped(): void {
    // AG Grid is still closing the editor (and moving focus back to the cell) when it reports the stop.
    setTimeout(() => {
      const api = this.api;
      if (!api || api.isDestroyed() || this.isEditing(api)) return;
      if (!this.structurePending && this.pendingIds.size === 0) return;
      const structural = this.structurePending || this.cache.orderDiffers(this.plan());
      const ids = new Set(this.pendingIds);
      this.structurePending = false;
      this.pendingIds.clear();
      this.apply(api, this.plan(), structural, ids);
    });
  }

  private apply(
    api: GridApi<GridRow>,
    plan: PlanSnapshot,
    structural: boolean,
    ids: ReadonlySet<ActivityId>,
  ): void {
    const focus = this.focusedCell(api);
    const anchors = this.scrollAnchors(api);
    if (structural) {
      api.setGridOption('rowData', this.cache.all(plan));
    } else {
      const update = this.cache.changed(plan, ids);
      if (update.length === 0) return;
      api.applyTransaction({ update });
      // The due cell also says "försenad", which follows the status: AG Grid redraws only cells whose own value changed.
      const rowNodes = update.flatMap((row) => api.getRowNode(row.id) ?? []);
      api.refreshCells({ rowNodes, columns: ['due'], force: true });
    }
    const shift = this.keepScroll(api, anchors);
    if (focus) this.refocus(api, focus, shift);
  }

  private isEditing(api: GridApi<GridRow>): boolean {
    return this.committing > 0 || api.getEditingCells().length > 0;
  }

  /** True when a cell change cannot move rows: no sort and no filter (either may reorder or hide rows). */
  private orderIsFixed(api: GridApi<GridRow>): boolean {
    return !api.isAnyFilterPresent() && !api.getColumnState().some((column) => column.sort != null);
  }

  /** The cell that has the browser's focus, by row id; none when focus is outside the grid's cells. */
  private focusedCell(api: GridApi<GridRow>): { rowId: string; colId: string } | null {
    const focused = api.getFocusedCell();
    const active = document.activeElement;
    if (
      !focused ||
      !(active instanceof HTMLElement) ||
      !this.host.contains(active) ||
      !active.closest('[row-id]')
    ) {
      return null;
    }
    const rowId = api.getDisplayedRowAtIndex(focused.rowIndex)?.id;
    return rowId === undefined ? null : { rowId, colId: focused.column.getColId() };
  }

  /** The first rows in view and where they are, so the view can stay on them when rows above change. */
  private scrollAnchors(api: GridApi<GridRow>): { id: string; rowTop: number }[] {
    const { top } = api.getVerticalPixelRange();
    if (top <= 0) return []; // at the top, new rows above may show
    const anchors: { id: string; rowTop: number }[] = [];
    const count = api.getDisplayedRowCount();
    for (
      let index = Math.max(0, api.getFirstDisplayedRowIndex());
      index < count && anchors.length < 3;
      index++
    ) {
      const node = api.getDisplayedRowAtIndex(index);
      if (node?.id === undefined || node.rowTop == null || node.rowHeight == null) continue;
      if (node.rowTop + node.rowHeight > top) anchors.push({ id: node.id, rowTop: node.rowTop });
    }
    return anchors;
  }

  // Rows added, removed or moved above the view would push its content up or down: scroll by as much, so the
  // local user keeps looking at the same rows. Returns the pixels scrolled.
  private keepScroll(api: GridApi<GridRow>, anchors: readonly { id: string; rowTop: number }[]): number {
    const scroller = this.host.querySelector<HTMLElement>('.ag-grid-viewport');
    for (const anchor of anchors) {
      const rowTop = api.getRowNode(anchor.id)?.rowTop;
      if (rowTop == null || !api.getRowNode(anchor.id)?.displayed) continue;
      const shift = rowTop - anchor.rowTop;
      if (shift === 0 || !scroller) return 0;
      scroller.scrollTop += shift;
      return shift;
    }
    return 0;
  }

  // AG Grid remembers the focused cell by row index and puts focus back by index after rows shift; point it back
  // at the row that had it. Only when a grid cell had focus, so a remote change never pulls focus from elsewhere,
  // and only when that row is in view, because moving AG Grid's focus also scrolls to it.
  private refocus(api: GridApi<GridRow>, focus: { rowId: string; colId: string }, shift: number): void {
    const node = api.getRowNode(focus.rowId);
    const { rowIndex, rowTop, rowHeight } = node ?? {};
    if (rowIndex == null || rowTop == null || rowHeight == null) return;
    if (api.getFocusedCell()?.rowIndex === rowIndex) return;
    const view = api.getVerticalPixelRange();
    if (rowTop < view.top + shift || rowTop + rowHeight > view.bottom + shift) return;
    api.setFocusedCell(rowIndex, focus.colId);
  }
}
