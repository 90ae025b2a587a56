// The table's column layout on this device: order, widths and hidden columns, kept in local storage for every plan.
import { createSignal } from 'solid-js';
import type { Accessor } from 'solid-js';
import { ACTIVITY_FIELD_LABELS } from '../i18n/fieldLabels.ts';
import type { MessageKey } from '../i18n/index.ts';
import { ACTIVITY_FIELDS } from '../model/schema.ts';
import { readDeviceJson, writeDeviceJson } from './deviceStorage.ts';

/** The table's columns in their default order; a column's id is its field (the grid's `col-id`). */
export const GRID_COLUMNS = ['priority', ...ACTIVITY_FIELDS] as const;
export type GridColumnId = (typeof GRID_COLUMNS)[number];

/** Columns that cannot be hidden: the priority carries the drag handle, the text says what the row is. */
export const FIXED_COLUMNS: ReadonlySet<GridColumnId> = new Set(['priority', 'text']);

/** Each column's header text. */
export const COLUMN_LABELS: Readonly<Record<GridColumnId, MessageKey>> = {
  priority: 'column.priority',
  ...ACTIVITY_FIELD_LABELS,
};

/** One column as laid out: `width` in CSS pixels once someone has resized it. */
export interface ColumnPref {
  readonly id: GridColumnId;
  readonly hidden: boolean;
  readonly width?: number;
}

const LAYOUT_KEY = 'samplan.gridColumns';
const MIN_WIDTH = 40;
const MAX_WIDTH = 2000;

const isColumnId = (value: unknown): value is GridColumnId => GRID_COLUMNS.includes(value as GridColumnId);

/** The default layout: every column, in the default order, at the grid's own widths. */
export const defaultLayout = (): ColumnPref[] => GRID_COLUMNS.map((id) => ({ id, hidden: false }));

/**
 * A stored or proposed layout made whole: unknown ids and repeats dropped, fixed columns shown, widths in range,
 * and columns it does not mention (added in a later version) put back at their default place.
 */
export function normaliseLayout(value: unknown): ColumnPref[] {
  if (!Array.isArray(value)) return defaultLayout();
  const seen = new Set<GridColumnId>();
  const kept: ColumnPref[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { id, hidden, width } = item as Record<string, unknown>;
    if (!isColumnId(id) || seen.has(id)) continue;
    seen.add(id);
    const pref: ColumnPref = { id, hidden: hidden === true && !FIXED_COLUMNS.has(id) };
    kept.push(
      typeof width === 'number' && Number.isFinite(width)
        ? { ...pref, width: Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width))) }
        : pref,
    );
  }
  GRID_COLUMNS.forEach((id, index) => {
    if (!seen.has(id)) kept.splice(Math.min(index, kept.length), 0, { id, hidden: false });
  });
  return kept;
}

const sameLayout = (a: readonly ColumnPref[], b: readonly ColumnPref[]): boolean =>
  a.length === b.length &&
  a.every((pref, index) => {
    const other = b[index];
    return (
      other !== undefined &&
      pref.id === other.id &&
      pref.hidden === other.hidden &&
      pref.width === other.width
    );
  });

const [layout, setLayoutSignal] = createSignal<ColumnPref[]>(normaliseLayout(readDeviceJson(LAYOUT_KEY)));

/** The layout on this device; reactive. */
export const columnLayout: Accessor<readonly ColumnPref[]> = layout;

/** Sets (and remembers) the layout; an unchanged layout is not written again, so the grid's echo stops here. */
export function setColumnLayout(next: unknown): void {
  const whole = normaliseLayout(next);
  if (sameLayout(whole, layout())) return;
  setLayoutSignal(whole);
  writeDeviceJson(LAYOUT_KEY, whole);
}

/** Back to every column in the default order and width. */
export const resetColumnLayout = (): void => {
  setColumnLayout(defaultLayout());
};

/** `id` moved one place towards the start (-1) or the end (+1); unchanged at either end. */
export function moveColumn(current: readonly ColumnPref[], id: GridColumnId, by: -1 | 1): ColumnPref[] {
  const from = current.findIndex((pref) => pref.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= current.length) return [...current];
  const next = [...current];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
}
