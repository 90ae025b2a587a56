// The Solid component that hosts the plan's AG Grid: creates it on mount, feeds it props, destroys it on cleanup.
import { AG_GRID_LOCALE_SE } from '@ag-grid-community/locale';
import { createGrid } from 'ag-grid-community';
import type { GridApi } from 'ag-grid-community';
import type { JSX } from 'solid-js';
import { createEffect, createSignal, on, onCleanup, onMount, untrack } from 'solid-js';
import { language, t } from '../i18n/index.ts';
import type { PlanGridProps } from '../state/types.ts';
import { planGridOptions, updateRowDrag } from './bindGrid.ts';
import type { GridEnv } from './bindGrid.ts';
import { buildColumns } from './columns.ts';
import { bindGridKeys } from './keys.ts';
import type { GridKeysEnv } from './keys.ts';
import { registerGridModules } from './modules.ts';
import { flashRemoteChanges, onLocalEditing, refreshPresence, withPresence } from './presenceCells.ts';
import type { GridPresence, GridPresenceProps } from './presenceCells.ts';
import { RowSync } from './rowSync.ts';
import type { GridRow } from './rows.ts';
import { planTheme } from './theme.ts';
import { applyColumnLayout, followColumnLayout, withColumnLayout } from './columnLayout.ts';
import { columnLayout, setColumnLayout } from '../state/columnLayout.ts';
import './grid.css';

/**
 * The plan as a spreadsheet-like grid: one row per activity in plan order (row-id = activity id, col-id = field).
 * Edits and row drags become `props.actions` calls; refusals go to `props.onError`. Remote changes update only
 * their rows, so the local user's editor, selection and scroll stay put. The grid is rebuilt only when the language changes.
 */
export function PlanGrid(props: PlanGridProps & GridPresenceProps): JSX.Element {
  let host: HTMLDivElement | undefined;
  const [api, setApi] = createSignal<GridApi<GridRow>>();
  const noPresence: GridPresence = new Map();
  const presence = (): GridPresence => props.presence ?? noPresence;

  // Props are read through getters at the moment the grid needs them, never tracked by the grid's own effect.
  const env: GridEnv = {
    plan: () => props.plan,
    readOnly: () => props.readOnly,
    quickFilter: () => props.quickFilter,
    filters: () => props.filters,
    get actions() {
      return props.actions;
    },
    onError: (error) => props.onError(error),
    onSelectionChange: (ids) => props.onSelectionChange?.(ids),
    conflicted: (row, field) => {
      if (row === undefined || field === undefined) return false;
      const owner = field === 'priority' ? row.focusAreaId : row.id;
      return props.conflicts.get(owner)?.has(field) === true;
    },
    onOpenConflict: (row, field) => props.onOpenConflict?.(row, field),
    onCellFocus: (id, field) => props.onCellFocus?.(id, field),
  };

  const keysEnv: GridKeysEnv = {
    plan: env.plan,
    readOnly: env.readOnly,
    get actions() {
      return props.actions;
    },
    onError: env.onError,
    onAnnounce: (text) => props.onAnnounce?.(text),
    onProblem: (text) => props.onProblem?.(text),
    conflicted: env.conflicted,
  };

  onMount(() => {
    if (!host) return;
    const element = host;
    registerGridModules();
    // `on` runs its body untracked: only a language switch rebuilds the grid (headers, status words, AG's own texts).
    createEffect(
      on(language, (lang) => {
        const sync = new RowSync(element, env.plan);
        const grid = createGrid<GridRow>(element, {
          ...planGridOptions(env, sync),
          theme: planTheme,
          columnDefs: withPresence(
            withColumnLayout(
              buildColumns({
                readOnly: env.readOnly,
                focusAreas: () => props.plan.focusAreas,
                participants: () => props.plan.participants,
                conflicted: env.conflicted,
              }),
              untrack(columnLayout),
            ),
            presence,
          ),
          ...(lang === 'sv' ? { localeText: AG_GRID_LOCALE_SE } : {}),
        });
        element
          .querySelector('[role="treegrid"], [role="grid"]')
          ?.setAttribute('aria-label', t('grid.label'));
        sync.attach(grid);
        // Before the row sync: the flash notes the rows as they were, then compares once the sync has run.
        const unflash = props.onRowChanges(flashRemoteChanges(grid));
        const unbind = props.onRowChanges((change) => sync.onChange(change));
        const unbindKeys = bindGridKeys(element, grid, keysEnv);
        const unediting = onLocalEditing(grid, (editing) => props.onEditingChange?.(editing));
        const unfollow = followColumnLayout(grid, columnLayout, setColumnLayout);
        setApi(grid);
        onCleanup(() => {
          unflash();
          unediting();
          unfollow();
          unbind();
          unbindKeys();
          setApi(undefined);
          grid.destroy();
        });
      }),
    );
  });

  createEffect(() => {
    const grid = api();
    const text = props.quickFilter;
    if (!grid) return;
    grid.setGridOption('quickFilterText', text);
    updateRowDrag(grid, env);
  });

  createEffect(
    on([api, () => props.filters.owner, () => props.filters.status, () => props.filters.step], ([grid]) => {
      if (!grid) return;
      grid.onFilterChanged();
      updateRowDrag(grid, env);
    }),
  );

  // An activity another view asked for: scrolled into the middle, its text cell focused, the row flashed.
  createEffect(
    on([api, () => props.reveal], ([grid, wanted]) => {
      if (!grid || !wanted) return;
      const node = grid.getRowNode(wanted.id);
      if (node?.rowIndex != null) {
        grid.ensureIndexVisible(node.rowIndex, 'middle');
        grid.setFocusedCell(node.rowIndex, 'text');
        grid.flashCells({ rowNodes: [node] });
      }
      props.onRevealed?.();
    }),
  );

  // The layout chosen in the columns dialog reaches the grid (a new grid starts with it).
  createEffect(
    on(
      columnLayout,
      (layout) => {
        const grid = api();
        if (grid) applyColumnLayout(grid, layout);
      },
      { defer: true },
    ),
  );

  // The marks follow the conflicts: a changed set of conflicted cells restyles the cells (editable is asked anew).
  createEffect(
    on([api, () => props.conflicts], ([grid]) => {
      if (grid && !grid.isDestroyed()) grid.refreshCells({ force: true });
    }),
  );

  // Other people's marks follow their presence: only the rows whose marks changed are restyled.
  let shownPresence: GridPresence = new Map();
  createEffect(
    on([api, presence], ([grid, next]) => {
      if (grid) refreshPresence(grid, shownPresence, next);
      shownPresence = next;
    }),
  );

  createEffect(() => {
    const grid = api();
    const readOnly = props.readOnly;
    if (!grid) return;
    // Losing edit rights (a local event) ends any open edit: the model would refuse it anyway.
    if (readOnly) grid.stopEditing(true);
    updateRowDrag(grid, env);
  });

  return (
    <div
      ref={(element) => (host = element)}
      class="plan-grid"
      role="region"
      aria-label={t('grid.label')}
      data-testid="plan-grid"
      data-readonly={props.readOnly ? 'true' : 'false'}
    />
  );
}

export default PlanGrid;
