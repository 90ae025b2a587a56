// Other people in the grid: their focused or edited cells carry their colour and name, and remote changes flash.
import type { CellClassParams, CellStyle, ColDef, GridApi, IRowNode } from 'ag-grid-community';
import { t } from '../i18n/index.ts';
import type { ActivityId } from '../model/schema.ts';
import type { PlanChange } from '../state/types.ts';
import { sameList } from './rows.ts';
import type { GridRow } from './rows.ts';
import './presence.css';

/** One other person on a cell of a row. */
export interface CellPresence {
  readonly field: string;
  readonly color: string;
  readonly name: string;
  readonly editing: boolean;
}

/** Row id → the other people on that row's cells. */
export type GridPresence = ReadonlyMap<ActivityId, readonly CellPresence[]>;

/** The presence props the grid takes besides PlanGridProps. */
export interface GridPresenceProps {
  /** Cells other people have focused or are editing. */
  presence?: GridPresence;
  /** The local user opened (true) or closed (false) a cell editor. */
  onEditingChange?: (editing: boolean) => void;
}

const EMPTY: readonly CellPresence[] = [];

/** The people on one cell. */
const peopleOn = (
  presence: () => GridPresence,
  params: CellClassParams<GridRow>,
): readonly CellPresence[] => {
  const id = params.data?.id;
  const field = params.colDef.field;
  if (id === undefined || field === undefined) return EMPTY;
  return (presence().get(id) ?? EMPTY).filter((person) => person.field === field);
};

/** A CSS string literal (for `content:`), with quotes, backslashes and line breaks made harmless. */
const cssString = (value: string): string => `"${value.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`;

/** The tag a marked cell shows: the names, and that someone is editing. */
export function presenceTag(people: readonly CellPresence[]): string {
  const names = people.map((person) => person.name).join(', ');
  return people.some((person) => person.editing) ? t('presence.editingTag', { names }) : names;
}

/**
 * Adds the presence marks to `columns`: a class while someone is on the cell, and the first person's colour and
 * the tag as CSS custom properties (`--presence-color`, `--presence-tag`), cleared again when they leave.
 */
export function withPresence(columns: ColDef<GridRow>[], presence: () => GridPresence): ColDef<GridRow>[] {
  const cellStyle = (params: CellClassParams<GridRow>): CellStyle => {
    const people = peopleOn(presence, params);
    const [first] = people;
    // An empty value removes the property: AG Grid keeps styles a later call does not mention.
    if (first === undefined) return { '--presence-color': '', '--presence-tag': '' };
    return { '--presence-color': first.color, '--presence-tag': cssString(presenceTag(people)) };
  };
  return columns.map((column) => ({
    ...column,
    cellClassRules: {
      ...column.cellClassRules,
      'plan-cell--presence': (params) => peopleOn(presence, params).length > 0,
      'plan-cell--presence-editing': (params) => peopleOn(presence, params).some((person) => person.editing),
    },
    cellStyle,
  }));
}

/** The rows whose marks differ between two presence maps. */
export function changedPresenceRows(before: GridPresence, after: GridPresence): ActivityId[] {
  const ids = new Set([...before.keys(), ...after.keys()]);
  const same = (a: readonly CellPresence[] = EMPTY, b: readonly CellPresence[] = EMPTY): boolean =>
    a.length === b.length &&
    a.every((person, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        person.field === other.field &&
        person.color === other.color &&
        person.name === other.name &&
        person.editing === other.editing
      );
    });
  return [...ids].filter((id) => !same(before.get(id), after.get(id)));
}

/** Restyles the rows whose marks changed (only rendered cells are touched). */
export function refreshPresence(api: GridApi<GridRow>, before: GridPresence, after: GridPresence): void {
  if (api.isDestroyed()) return;
  const rowNodes = changedPresenceRows(before, after)
    .map((id) => api.getRowNode(id))
    .filter((node): node is IRowNode<GridRow> => node !== undefined);
  if (rowNodes.length > 0) api.refreshCells({ rowNodes, force: true });
}

/** The fields that differ between two versions of a row. */
export function changedFields(before: GridRow, after: GridRow): string[] {
  return (Object.keys(after) as (keyof GridRow)[]).filter((key) => {
    const a: unknown = before[key];
    const b: unknown = after[key];
    return Array.isArray(a) && Array.isArray(b) ? !sameList(a, b) : a !== b;
  });
}

/**
 * Flashes the cells a remote change lands in. Subscribe it before the grid's own row sync: it notes the rows as
 * the grid holds them, then after the sync compares and flashes the fields that changed. Rows held back while
 * the local user edits are not flashed. Returns the listener.
 */
export function flashRemoteChanges(api: GridApi<GridRow>): (change: PlanChange) => void {
  return (change) => {
    if (change.source !== 'remote' || api.isDestroyed()) return;
    const before = new Map<ActivityId, GridRow>();
    for (const id of change.activities) {
      const data = api.getRowNode(id)?.data;
      if (data !== undefined) before.set(id, data);
    }
    if (before.size === 0) return;
    setTimeout(() => {
      if (api.isDestroyed()) return;
      for (const [id, old] of before) {
        const node = api.getRowNode(id);
        if (node?.data === undefined || node.data === old) continue;
        const columns = changedFields(old, node.data).filter((field) => api.getColumn(field) !== null);
        if (columns.length > 0) api.flashCells({ rowNodes: [node], columns });
      }
    });
  };
}

/** Tells `onEditingChange` when the local user opens and closes a cell editor; returns the unsubscribe function. */
export function onLocalEditing(
  api: GridApi<GridRow>,
  onEditingChange: (editing: boolean) => void,
): () => void {
  const started = (): void => onEditingChange(true);
  const stopped = (): void => onEditingChange(false);
  api.addEventListener('cellEditingStarted', started);
  api.addEventListener('cellEditingStopped', stopped);
  return () => {
    if (api.isDestroyed()) return;
    api.removeEventListener('cellEditingStarted', started);
    api.removeEventListener('cellEditingStopped', stopped);
  };
}
