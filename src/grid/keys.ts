// Spreadsheet keys AG Grid Community lacks, on a focused cell that is not being edited: Delete clears, Alt+Enter adds
// a row below, and the clipboard (copy the cell's text, paste a block from a spreadsheet as one undoable action).
import type { Column, GridApi } from 'ag-grid-community';
import { t } from '../i18n/index.ts';
import type { ModelError } from '../model/result.ts';
import type { PlanSnapshot } from '../model/schema.ts';
import type { PlanActions } from '../state/types.ts';
import { formatTsvField, parseTsv, planPaste } from './clipboard.ts';
import type { PasteRefusal } from './clipboard.ts';
import type { ColumnId } from './columns.ts';
import type { GridRow } from './rows.ts';

/** What the keys read from the page; getters, read when a key is pressed. */
export interface GridKeysEnv {
  plan(): PlanSnapshot;
  readOnly(): boolean;
  readonly actions: PlanActions;
  onError(error: ModelError): void;
  /** A polite message (done, pasted). */
  onAnnounce(text: string): void;
  /** An assertive message (what was refused and why). */
  onProblem(text: string): void;
  /** True where the cell holds an open conflict: neither Delete nor a paste settles it unseen. */
  conflicted(row: GridRow | undefined, field: string | undefined): boolean;
}

/** The value a cleared cell gets; the cells that must always hold a value are missing (a clear is refused). */
const CLEARED: Partial<Record<ColumnId, unknown>> = {
  responsible: '',
  note: '',
  due: '',
  owners: [],
  reformParts: [],
};

/** True for the chord that adds a row below: Alt+Enter (Option+Enter on a Mac), which browsers leave alone. */
export const isAddRowKey = (event: KeyboardEvent): boolean =>
  event.key === 'Enter' && event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;

/** True while the event comes from a text field, an editor or a list: its own keys and clipboard apply there. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.closest(
      'input, textarea, select, .ag-popup-editor, .ag-cell-inline-editing, .choice-list-editor',
    ) !== null
  );
}

/** The focused cell when the event comes from a grid cell (not an editor): its row and column. */
function focusedCell(
  api: GridApi<GridRow>,
  target: EventTarget | null,
): { rowIndex: number; row: GridRow; column: Column } | null {
  if (api.isDestroyed() || isTextEntry(target) || !(target instanceof HTMLElement)) return null;
  if (target.closest('.ag-cell') === null) return null;
  if (api.getEditingCells().length > 0) return null;
  const focused = api.getFocusedCell();
  const row = focused ? api.getDisplayedRowAtIndex(focused.rowIndex)?.data : undefined;
  if (!focused || row === undefined) return null;
  return { rowIndex: focused.rowIndex, row, column: focused.column };
}

const headerOf = (api: GridApi<GridRow>, column: string): string =>
  api.getColumn(column)?.getColDef().headerName ?? column;

/** Clears the focused cell through the model; required cells are refused with a reason. */
function clearCell(api: GridApi<GridRow>, env: GridKeysEnv, row: GridRow, column: Column): void {
  const id = column.getColId() as ColumnId;
  const header = headerOf(api, id);
  if (env.conflicted(row, id)) {
    env.onProblem(t('keys.conflicted', { column: header }));
    return;
  }
  if (!(id in CLEARED) || id === 'priority') {
    env.onProblem(t('keys.cannotClear', { column: header }));
    return;
  }
  const result = env.actions.setActivityField(row.id, id as Exclude<ColumnId, 'priority'>, CLEARED[id]);
  if (!result.ok) env.onError(result.error);
  else env.onAnnounce(t('keys.cleared', { column: header }));
}

/** Adds an activity right after `row` (same focus area and step) and moves the focus to its text cell. */
function addRowBelow(api: GridApi<GridRow>, env: GridKeysEnv, row: GridRow): void {
  const result = env.actions.addActivity({
    focusAreaId: row.focusAreaId,
    step: row.step,
    text: t('keys.newActivity'),
    after: row.id,
  });
  if (!result.ok) {
    env.onError(result.error);
    return;
  }
  env.onAnnounce(t('keys.added'));
  const focus = (): boolean => {
    const index = api.isDestroyed() ? null : api.getRowNode(result.value)?.rowIndex;
    if (index == null) return false;
    api.ensureIndexVisible(index);
    api.setFocusedCell(index, 'text');
    return true;
  };
  // The row is normally in the grid at once; while it waits for an editor to close, a moment later.
  if (!focus()) setTimeout(focus);
}

function onKeyDown(api: GridApi<GridRow>, env: GridKeysEnv, event: KeyboardEvent): void {
  const clear = (event.key === 'Delete' || event.key === 'Backspace') && !event.ctrlKey && !event.metaKey;
  const add = isAddRowKey(event);
  if (!clear && !add) return;
  const cell = focusedCell(api, event.target);
  if (cell === null || env.readOnly()) return;
  // Ahead of AG Grid, which would open the editor on these keys.
  event.preventDefault();
  event.stopPropagation();
  if (clear) clearCell(api, env, cell.row, cell.column);
  else addRowBelow(api, env, cell.row);
}

function onCopy(api: GridApi<GridRow>, event: ClipboardEvent): void {
  const cell = focusedCell(api, event.target);
  const node = cell ? api.getDisplayedRowAtIndex(cell.rowIndex) : undefined;
  if (cell === null || !node || !event.clipboardData) return;
  const value = api.getCellValue({ rowNode: node, colKey: cell.column, useFormatter: true });
  event.clipboardData.setData('text/plain', formatTsvField(value == null ? '' : String(value)));
  event.preventDefault();
}

/** The refusals as one Swedish (or English) sentence: row, column and reason for each. */
function describeRefusals(api: GridApi<GridRow>, refusals: readonly PasteRefusal[]): string {
  const list = refusals
    .map((refusal) =>
      t('paste.refusedItem', {
        row: refusal.rowIndex + 1,
        column: headerOf(api, refusal.column),
        reason: t(`error.${refusal.error.code}`, refusal.error.params),
      }),
    )
    .join('; ');
  return t('paste.refused', { count: refusals.length, list });
}

function onPaste(api: GridApi<GridRow>, env: GridKeysEnv, event: ClipboardEvent): void {
  const cell = focusedCell(api, event.target);
  if (cell === null || env.readOnly()) return;
  const text = event.clipboardData?.getData('text/plain') ?? '';
  event.preventDefault();
  if (text === '') return;
  const block = parseTsv(text);
  const columns = api.getAllDisplayedColumns().map((column) => column.getColId() as ColumnId);
  const rows: GridRow[] = [];
  for (let i = 0; i < block.length; i++) {
    const row = api.getDisplayedRowAtIndex(cell.rowIndex + i)?.data;
    if (row === undefined) break;
    rows.push(row);
  }
  // A conflicted cell keeps both values until someone chooses: a paste leaves it out (and says so).
  let conflicted = 0;
  const open = (row: GridRow, column: ColumnId): boolean => {
    const hit = env.conflicted(row, column);
    if (hit) conflicted += 1;
    return !hit;
  };
  const plan = planPaste(
    block,
    rows,
    cell.rowIndex,
    columns.slice(columns.indexOf(cell.column.getColId() as ColumnId)),
    env.plan(),
    open,
  );
  const outcome = env.actions.setCells(plan.cells);
  const refused = [
    ...plan.refused,
    ...outcome.refused.flatMap(({ index, error }) => {
      const place = plan.places[index];
      return place ? [{ ...place, error }] : [];
    }),
  ].sort((a, b) => a.rowIndex - b.rowIndex || columns.indexOf(a.column) - columns.indexOf(b.column));
  env.onAnnounce(
    outcome.written === 0
      ? t('paste.nothing')
      : outcome.written === 1
        ? t('paste.doneOne')
        : t('paste.doneMany', { count: outcome.written }),
  );
  const problems = [
    ...(refused.length > 0 ? [describeRefusals(api, refused)] : []),
    ...(plan.outside > 0 ? [t('paste.outside', { count: plan.outside })] : []),
    ...(conflicted > 0 ? [t('paste.conflicted', { count: conflicted })] : []),
  ];
  if (problems.length > 0) env.onProblem(problems.join(' '));
}

/** Listens on the grid's host for the keys and clipboard events above; returns the function that stops it. */
export function bindGridKeys(host: HTMLElement, api: GridApi<GridRow>, env: GridKeysEnv): () => void {
  const keydown = (event: KeyboardEvent): void => onKeyDown(api, env, event);
  const copy = (event: ClipboardEvent): void => onCopy(api, event);
  const paste = (event: ClipboardEvent): void => onPaste(api, env, event);
  host.addEventListener('keydown', keydown, true);
  host.addEventListener('copy', copy);
  host.addEventListener('paste', paste);
  return () => {
    host.removeEventListener('keydown', keydown, true);
    host.removeEventListener('copy', copy);
    host.removeEventListener('paste', paste);
  };
}
