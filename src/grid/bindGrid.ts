// The grid options that bind AG Grid to the plan: rows by activity id, edits and row drags out as model actions, filters.
import type {
  ColDef,
  GetRowIdParams,
  GridApi,
  GridOptions,
  RowDragEvent,
  SuppressKeyboardEventParams,
} from 'ag-grid-community';
import type { ActivityId, PlanSnapshot } from '../model/schema.ts';
import type { ModelError } from '../model/result.ts';
import type { GridFilters, PlanActions } from '../state/types.ts';
import { dropTarget, filtersPresent, passesFilters } from './rowLogic.ts';
import type { RowSync } from './rowSync.ts';
import { sameList } from './rows.ts';
import type { GridRow } from './rows.ts';
import { defaultColDef } from './columns.ts';
import type { ColumnId } from './columns.ts';

/** What the grid reads from its host; getters, read when needed (never tracked). */
export interface GridEnv {
  plan(): PlanSnapshot;
  readOnly(): boolean;
  quickFilter(): string;
  filters(): GridFilters;
  readonly actions: PlanActions;
  onError(error: ModelError): void;
  onSelectionChange?(ids: ActivityId[]): void;
  /** True where the cell holds an open conflict (a row's priority is its focus area's). */
  conflicted(row: GridRow | undefined, field: string | undefined): boolean;
  /** Asks the page to show the conflict of a cell. */
  onOpenConflict(row: GridRow, field: string): void;
  /** Tells the page which cell has the focus (for its history). */
  onCellFocus(id: ActivityId, field: string): void;
}

/** Enter and F2 open a conflicted cell's choice, as they would open an editor elsewhere. */
const OPEN_KEYS = new Set(['Enter', 'F2']);

function openConflict(env: GridEnv, data: GridRow | undefined, field: string | undefined): boolean {
  if (data === undefined || field === undefined || !env.conflicted(data, field)) return false;
  env.onOpenConflict(data, field);
  return true;
}

/** Row dragging is offered only to editors, and only while the rows show in plan order (no sort, no filter). */
export function updateRowDrag(api: GridApi<GridRow>, env: GridEnv): void {
  if (api.isDestroyed()) return;
  const sorted = api.getColumnState().some((column) => column.sort != null);
  const filtered = env.quickFilter().trim() !== '' || filtersPresent(env.filters());
  api.setGridOption('suppressRowDrag', env.readOnly() || sorted || filtered);
}

// AG Grid's editors give null or undefined for a cleared value; the model wants '' for an empty text or date.
function editValue(field: ColumnId, value: unknown): unknown {
  if (value == null) return field === 'owners' || field === 'reformParts' ? [] : '';
  return value;
}

function commitEdit(
  env: GridEnv,
  sync: RowSync,
  data: GridRow | undefined,
  field: string | undefined,
  newValue: unknown,
): void {
  if (!data || !field || env.readOnly()) return;
  if (field === 'priority') {
    if (newValue === data.priority) return;
    const result = sync.commit(() => env.actions.setFocusAreaPriority(data.focusAreaId, newValue as number));
    if (!result.ok) env.onError(result.error);
    return;
  }
  const column = field as ColumnId;
  const value = editValue(column, newValue);
  const old: unknown = data[column];
  const unchanged = Array.isArray(value) && Array.isArray(old) ? sameList(value, old) : value === old;
  if (unchanged) return;
  const result = sync.commit(() =>
    env.actions.setActivityField(data.id, column as Exclude<ColumnId, 'priority'>, value),
  );
  if (!result.ok) env.onError(result.error);
}

/** The editors whose Enter saves plain text: AG Grid's own, used by the text columns. */
const TEXT_EDITORS = new Set<unknown>(['agTextCellEditor', 'agLargeTextCellEditor']);

const isPlainEnter = (event: KeyboardEvent): boolean =>
  event.key === 'Enter' &&
  !event.shiftKey &&
  !event.altKey &&
  !event.ctrlKey &&
  !event.metaKey &&
  !event.isComposing;

/**
 * Saves a text edit on the Enter key itself. AG Grid hands `onCellEditRequest` over on a timer (its events are
 * asynchronous), which held every edit back some 16 ms before it left for the others; the request that follows
 * finds the edit already made and is let go. Returns the colDef hook (it never stops AG Grid's own handling) and
 * the check for that follow-up request.
 */
function commitOnEnter(
  env: GridEnv,
  sync: RowSync,
): {
  onKey: (params: SuppressKeyboardEventParams<GridRow>) => boolean;
  alreadyCommitted: (data: GridRow | undefined, field: string | undefined, value: unknown) => boolean;
} {
  let committed: { id: ActivityId; field: string; value: unknown } | undefined;
  return {
    onKey: ({ editing, event, api, node, column, colDef }) => {
      if (!editing || !isPlainEnter(event) || !TEXT_EDITORS.has(colDef.cellEditor)) return false;
      const field = colDef.field;
      const [editor] = api.getCellEditorInstances({ rowNodes: [node], columns: [column] });
      if (!node.data || !field || !editor) return false;
      const value: unknown = editor.getValue();
      committed = { id: node.data.id, field, value };
      commitEdit(env, sync, node.data, field, value);
      return false;
    },
    alreadyCommitted: (data, field, value) => {
      const early = committed;
      committed = undefined;
      return (
        early !== undefined && early.id === data?.id && early.field === field && Object.is(early.value, value)
      );
    },
  };
}

function showDropIndicator(event: RowDragEvent<GridRow>): void {
  const target = dropTarget(event.node, event.overNode);
  event.api.setRowDropPositionIndicator(
    target && event.overNode
      ? { row: event.overNode, dropIndicatorPosition: target.after ? 'below' : 'above' }
      : null,
  );
}

function onRowDragEnd(env: GridEnv, event: RowDragEvent<GridRow>): void {
  event.api.setRowDropPositionIndicator(null);
  const id = event.node.data?.id;
  const target = dropTarget(event.node, event.overNode);
  if (!id || !target || env.readOnly()) return;
  const result = env.actions.moveActivity(id, target);
  if (!result.ok) env.onError(result.error);
}

/**
 * The grid options that connect AG Grid to the plan (columns, theme and locale are added by the component).
 * `sync` supplies the rows and holds back row-shifting changes while the local user edits.
 */
export function planGridOptions(env: GridEnv, sync: RowSync): GridOptions<GridRow> {
  const clearIndicator = (event: RowDragEvent<GridRow>): void => event.api.setRowDropPositionIndicator(null);
  const enter = commitOnEnter(env, sync);
  const columnDefaults: ColDef<GridRow> = { ...defaultColDef, suppressKeyboardEvent: enter.onKey };
  return {
    rowData: sync.initialRows(),
    getRowId: ({ data }: GetRowIdParams<GridRow>) => data.id,
    defaultColDef: columnDefaults,
    readOnlyEdit: true,
    onCellEditRequest: ({ data, colDef, newValue }) => {
      if (!enter.alreadyCommitted(data, colDef.field, newValue))
        commitEdit(env, sync, data, colDef.field, newValue);
    },
    onCellEditingStopped: () => sync.onEditingStopped(),
    stopEditingWhenCellsLoseFocus: true,
    rowSelection: { mode: 'singleRow', checkboxes: false, enableClickSelection: true },
    onSelectionChanged: (event) => env.onSelectionChange?.(event.api.getSelectedRows().map((row) => row.id)),
    quickFilterText: env.quickFilter(),
    isExternalFilterPresent: () => filtersPresent(env.filters()),
    doesExternalFilterPass: (node) => passesFilters(node.data, env.filters()),
    rowDragManaged: false,
    suppressMoveWhenRowDragging: true,
    suppressRowDrag: true,
    rowDragText: (params) => (params.rowNode?.data as GridRow | undefined)?.text ?? '',
    onRowDragMove: showDropIndicator,
    onRowDragLeave: clearIndicator,
    onRowDragCancel: clearIndicator,
    onRowDragEnd: (event) => onRowDragEnd(env, event),
    onCellDoubleClicked: (event) => openConflict(env, event.data, event.colDef.field),
    onCellKeyDown: (event) => {
      const key = event.event instanceof KeyboardEvent ? event.event.key : '';
      const field = 'colDef' in event ? event.colDef.field : undefined;
      if (OPEN_KEYS.has(key) && openConflict(env, event.data, field)) event.event?.preventDefault();
    },
    onCellFocused: (event) => {
      const field = typeof event.column === 'object' ? event.column?.getColDef().field : undefined;
      const row = event.rowIndex === null ? undefined : event.api.getDisplayedRowAtIndex(event.rowIndex);
      if (row?.data && field) env.onCellFocus(row.data.id, field);
    },
    onSortChanged: (event) => updateRowDrag(event.api, env),
    onGridReady: (event) => updateRowDrag(event.api, env),
  };
}
