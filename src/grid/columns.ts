// The grid's columns, in the plan's order: headers from i18n, an editor and a display per model field.
import type { ColDef, EditableCallback, ValueFormatterParams } from 'ag-grid-community';
import { LIMITS, STATUSES } from '../model/schema.ts';
import type { FocusArea, Participant, ReformPart, Status } from '../model/schema.ts';
import { t } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/index.ts';
import { DueDateEditor } from './editors/DueDateEditor.ts';
import type { DueDateParams } from './editors/DueDateEditor.ts';
import { ownersEditor } from './editors/OwnersEditor.ts';
import { reformPartsEditor } from './editors/ReformPartsEditor.ts';
import { focusAreaEditor, statusEditor, stepEditor } from './editors/selectEditors.ts';
import { statusChip, statusLabel } from './renderers/statusChip.ts';
import { dueDateCell } from './renderers/dueDate.ts';
import { today } from '../state/today.ts';
import { sameList } from './rows.ts';
import type { GridRow } from './rows.ts';

/** What the columns read while the grid runs; getters, so the columns never need to be set again. */
export interface ColumnSource {
  readOnly(): boolean;
  focusAreas(): readonly FocusArea[];
  participants(): readonly Participant[];
  /** True where two people's concurrent changes to the cell wait for someone to choose. */
  conflicted(row: GridRow | undefined, field: string | undefined): boolean;
}

/** A column id: the model's `ActivityField` name, or 'priority'. Cells carry it as `col-id`. */
export type ColumnId = Exclude<keyof GridRow, 'id' | 'focusAreaName' | 'ownerNames'>;

const collator = new Intl.Collator('sv');
const compareText = (a: string, b: string): number => collator.compare(a, b);
const rowOf = (node: { data?: GridRow } | null | undefined): GridRow | undefined => node?.data ?? undefined;

const formatParts = (parts: unknown): string =>
  Array.isArray(parts) ? (parts as ReformPart[]).join(', ') : '';

/** Column definitions in plan order; `col-id` equals the field name. */
export function buildColumns(source: ColumnSource): ColDef<GridRow>[] {
  // A cell in conflict opens the conflict's choice instead of an editor (bindGrid), so both values stay in view.
  const editable: EditableCallback<GridRow> = ({ data, colDef }) =>
    !source.readOnly() && !source.conflicted(data, colDef.field);
  const cellClassRules: ColDef<GridRow>['cellClassRules'] = {
    'plan-cell--conflict': ({ data, colDef }) => source.conflicted(data, colDef.field),
  };
  const focusAreaName = (id: unknown): string =>
    source.focusAreas().find((area) => area.id === id)?.name ?? '';
  const largeText = (maxLength: number): Partial<ColDef<GridRow>> => ({
    cellEditor: 'agLargeTextCellEditor',
    cellEditorPopup: true,
    cellEditorParams: { maxLength, rows: 8, cols: 60 },
    wrapText: true,
    autoHeight: true,
    comparator: compareText,
  });
  const dateColumn = (field: 'due' | 'decisionDate', label: MessageKey): ColDef<GridRow> => ({
    field,
    headerName: t(label),
    width: 115,
    cellEditor: DueDateEditor,
    cellEditorPopup: true,
    cellEditorParams: { min: '1900-01-01', max: '2200-12-31', label: t(label) } satisfies DueDateParams,
    ...(field === 'due' ? { cellRenderer: dueDateCell(today) } : {}),
  });

  const columns: ColDef<GridRow>[] = [
    {
      field: 'priority',
      headerName: t('column.priority'),
      // Editing the priority re-prioritises the whole focus area, so every row of it moves together.
      // No min/max here: AG Grid would drop 0 or 120 without a word; the model refuses them with its reason.
      cellEditor: 'agNumberCellEditor',
      cellEditorParams: { precision: 0, showStepperButtons: false },
      rowDrag: true,
      width: 100,
      minWidth: 90,
      cellClass: 'plan-cell--priority',
    },
    {
      field: 'focusAreaId',
      headerName: t('column.focusArea'),
      width: 170,
      wrapText: true,
      autoHeight: true,
      valueFormatter: ({ value }: ValueFormatterParams<GridRow>) => focusAreaName(value),
      getQuickFilterText: ({ data }) => data.focusAreaName,
      comparator: (_a, _b, nodeA, nodeB) =>
        compareText(rowOf(nodeA)?.focusAreaName ?? '', rowOf(nodeB)?.focusAreaName ?? ''),
      cellEditorSelector: () => focusAreaEditor(source.focusAreas()),
    },
    {
      field: 'step',
      headerName: t('column.step'),
      width: 75,
      cellEditorSelector: stepEditor,
    },
    { field: 'text', headerName: t('column.text'), flex: 2, minWidth: 200, ...largeText(LIMITS.text) },
    {
      field: 'owners',
      headerName: t('column.owners'),
      width: 160,
      wrapText: true,
      autoHeight: true,
      equals: sameList,
      valueFormatter: ({ data }: ValueFormatterParams<GridRow>) => data?.ownerNames ?? '',
      getQuickFilterText: ({ data }) => data.ownerNames,
      comparator: (_a, _b, nodeA, nodeB) =>
        compareText(rowOf(nodeA)?.ownerNames ?? '', rowOf(nodeB)?.ownerNames ?? ''),
      cellEditorSelector: () => ownersEditor(source.participants(), t('column.owners')),
    },
    {
      field: 'responsible',
      headerName: t('column.responsible'),
      width: 140,
      wrapText: true,
      autoHeight: true,
      cellEditor: 'agTextCellEditor',
      cellEditorParams: { maxLength: LIMITS.responsible },
      comparator: compareText,
    },
    {
      field: 'status',
      headerName: t('column.status'),
      width: 150,
      wrapText: true,
      autoHeight: true,
      cellRenderer: statusChip,
      valueFormatter: ({ value }: ValueFormatterParams<GridRow>) => statusLabel(value),
      getQuickFilterText: ({ value }) => statusLabel(value),
      comparator: (a: Status, b: Status) => STATUSES.indexOf(a) - STATUSES.indexOf(b),
      cellEditorSelector: statusEditor,
    },
    dateColumn('due', 'column.due'),
    {
      field: 'reformParts',
      headerName: t('column.reformParts'),
      width: 125,
      equals: sameList,
      valueFormatter: ({ value }: ValueFormatterParams<GridRow>) => formatParts(value),
      getQuickFilterText: ({ value }) => formatParts(value),
      comparator: (a: readonly ReformPart[], b: readonly ReformPart[]) => (a[0] ?? 99) - (b[0] ?? 99),
      cellEditorSelector: () => reformPartsEditor(t('column.reformParts')),
    },
    { field: 'note', headerName: t('column.note'), flex: 1, minWidth: 130, ...largeText(LIMITS.note) },
    { field: 'decision', headerName: t('column.decision'), width: 180, ...largeText(LIMITS.decision) },
    dateColumn('decisionDate', 'column.decisionDate'),
  ];
  return columns.map((column) => ({ colId: column.field, editable, cellClassRules, ...column }));
}

/** Default column settings: sortable, resizable and movable (the layout is kept per device), headers may wrap, no type inference. */
export const defaultColDef: ColDef<GridRow> = {
  sortable: true,
  resizable: true,
  cellDataType: false,
  wrapHeaderText: true,
  autoHeaderHeight: true,
};
