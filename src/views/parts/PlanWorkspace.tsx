// The plan page once the plan is here: header with title and connection, notices, toolbar, grid and dialogs.
import { createEffect, createMemo, createSignal, onCleanup, untrack } from 'solid-js';
import type { JSX } from 'solid-js';
import { csvFileName, exportCsv } from '../../csv/exportCsv.ts';
import { PlanGrid } from '../../grid/PlanGrid.tsx';
import { t } from '../../i18n/index.ts';
import type { ModelError } from '../../model/result.ts';
import type { ActivityId, FocusAreaId } from '../../model/schema.ts';
import type { PlanState, PlanStoreActions } from '../../state/planStore.ts';
import type { GridFilters, NewActivityInput, NewFocusAreaInput } from '../../state/types.ts';
import type { PlanHandle } from '../../sync/openPlan.ts';
import { rememberPlan } from '../../sync/tokens.ts';
import { isoDate } from '../isoDate.ts';
import { AddActivityDialog } from './AddActivityDialog.tsx';
import type { AddActivityDefaults } from './AddActivityDialog.tsx';
import { AddFocusAreaDialog } from './AddFocusAreaDialog.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { PlanNotices } from './PlanNotices.tsx';
import { PlanPresence } from './PlanPresence.tsx';
import { gridPresence } from './PresenceBar.tsx';
import { ConflictsPanel } from '../history/ConflictsPanel.tsx';
import { createConflictState } from '../../state/conflicts.ts';
import type { Conflict } from '../../state/conflicts.ts';
import { PlanToolbar } from './PlanToolbar.tsx';
import { onPlanKeys } from './planKeys.ts';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import { HistoryDialog } from '../history/HistoryDialog.tsx';
import type { FocusedCell } from '../history/HistoryDialog.tsx';
import { createHistoryState } from '../../state/history.ts';

/** Saves `text` as a file named `name` through a temporary link. */
function downloadText(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The working page of one plan. */
export function PlanWorkspace(props: {
  handle: PlanHandle;
  state: PlanState;
  actions: PlanStoreActions;
}): JSX.Element {
  // The handle, store and actions are fixed for the page's life.
  const { handle, state, actions } = untrack(() => ({ ...props }));
  const [quickFilter, setQuickFilter] = createSignal('');
  const [filters, setFilters] = createSignal<GridFilters>({ owner: '', status: '', step: 0 });
  const [selection, setSelection] = createSignal<ActivityId[]>([]);
  const [adding, setAdding] = createSignal(false);
  const [addingFocusArea, setAddingFocusArea] = createSignal(false);
  // The area this person added last: offered first when adding an activity with no row selected.
  const [newestArea, setNewestArea] = createSignal<FocusAreaId | null>(null);
  const [confirmingDelete, setConfirmingDelete] = createSignal(false);
  const [announcement, setAnnouncement] = createSignal('');
  const conflicts = createConflictState(handle);
  onCleanup(conflicts.dispose);
  const [openConflict, setOpenConflict] = createSignal<Conflict | null>(null);
  // The grid names a cell by row and column; a row's priority is its focus area's cell.
  const showConflictAt = (row: { id: ActivityId; focusAreaId: FocusAreaId }, field: string): void => {
    const [target, id] = field === 'priority' ? ['focusArea', row.focusAreaId] : ['activity', row.id];
    const found = conflicts
      .conflicts()
      .find(
        (c) => c.kind === 'values' && c.cell.target === target && c.cell.id === id && c.cell.field === field,
      );
    if (found !== undefined) setOpenConflict(found);
  };
  const [problem, setProblem] = createSignal('');
  const history = createHistoryState(handle);
  onCleanup(history.dispose);
  const [historyOpen, setHistoryOpen] = createSignal(false);
  // The cell the history dialog is about: the grid's focused cell, kept while the focus is elsewhere.
  const [focusedCell, setFocusedCell] = createSignal<FocusedCell | null>(null);

  const role = handle.connection.role;
  const readOnly = (): boolean => role() !== 'edit';
  const title = (): string => state.plan.meta.title || t('view.untitled');
  // Selected ids that still exist: a row someone else deleted drops out of the selection.
  const selected = createMemo(() => {
    const ids = new Set(selection());
    return state.plan.activities.filter((activity) => ids.has(activity.id));
  });

  createEffect(() => {
    document.title = `${title()} – ${t('app.name')}`;
  });
  createEffect(() => {
    rememberPlan({ id: handle.planId, title: state.plan.meta.title, role: role() });
  });

  const showError = (error: ModelError): void => {
    setProblem(t(`error.${error.code}`, error.params));
  };
  // A refusal stays on screen until this person's next change goes through, then it no longer applies.
  onCleanup(
    actions.onRowChanges((change) => {
      if (change.source === 'local') setProblem('');
    }),
  );
  const announce = (text: string): void => {
    setProblem('');
    setAnnouncement(text);
  };

  // Undo and redo take back this person's own changes only; the model refuses one someone has changed since.
  const [shortcutsOpen, setShortcutsOpen] = createSignal(false);
  const undoOrRedo = (which: 'undo' | 'redo'): void => {
    if (readOnly()) return;
    const result = which === 'undo' ? actions.undo() : actions.redo();
    if (!result.ok) return showError(result.error);
    announce(t(result.value.done ? `${which}.done` : `${which}.nothing`));
  };
  onCleanup(
    onPlanKeys({
      undo: () => undoOrRedo('undo'),
      redo: () => undoOrRedo('redo'),
      help: () => setShortcutsOpen(true),
    }),
  );

  const addDefaults = (): AddActivityDefaults => {
    const [first] = selected();
    if (first !== undefined) return { focusAreaId: first.focusAreaId, step: first.step, after: first.id };
    const areas = state.plan.focusAreas;
    // Someone else may have removed it since.
    const newest = areas.find((area) => area.id === newestArea());
    return { focusAreaId: newest?.id ?? areas[0]?.id ?? '', step: 1 };
  };
  const add = (input: NewActivityInput) => {
    const result = actions.addActivity(input);
    if (result.ok) announce(t('plan.added'));
    return result;
  };
  const addFocusArea = (input: NewFocusAreaInput) => {
    const result = actions.addFocusArea(input);
    if (result.ok) {
      setNewestArea(result.value);
      announce(t('plan.focusAreaAdded', { name: input.name.trim() }));
    }
    return result;
  };
  const deleteSelected = (): void => {
    const rows = selected();
    for (const row of rows) {
      const result = actions.deleteActivity(row.id);
      if (!result.ok) return showError(result.error);
    }
    setSelection([]);
    announce(rows.length === 1 ? t('plan.deletedOne') : t('plan.deletedMany', { count: rows.length }));
  };
  const deleteMessage = (): string => {
    const rows = selected();
    const [only] = rows;
    return rows.length === 1 && only !== undefined
      ? t('delete.confirmOne', { text: only.text.length > 120 ? `${only.text.slice(0, 117)}…` : only.text })
      : t('delete.confirmMany', { count: rows.length });
  };
  const exportPlan = (): void => {
    // The whole plan from the document, not the rows a filter happens to show.
    const plan = actions.snapshot();
    const name = csvFileName(plan.meta.title, isoDate());
    downloadText(exportCsv(plan), name, 'text/csv;charset=utf-8');
    announce(t('plan.exported', { name }));
  };

  return (
    <div class="plan-page">
      <header class="plan-header">
        <a class="brand brand--link" href="/">
          {t('app.name')}
        </a>
        <h1 class="plan-header__title">{title()}</h1>
        <ConnectionBadge
          state={handle.connection.state()}
          unsynced={handle.connection.unsyncedChanges()}
          lastSyncedAt={handle.connection.lastSyncedAt()}
        />
        <PlanPresence presence={handle.presence} participants={state.plan.participants} />
        <LanguageSwitch />
      </header>
      <PlanNotices handle={handle} />
      <ConflictsPanel
        state={conflicts}
        plan={state.plan}
        readOnly={readOnly()}
        selected={openConflict()}
        onSelect={setOpenConflict}
        announce={announce}
        onError={showError}
      />
      <PlanToolbar
        participants={state.plan.participants}
        quickFilter={quickFilter()}
        filters={filters()}
        readOnly={readOnly()}
        selectedCount={selected().length}
        onQuickFilter={setQuickFilter}
        onFilters={setFilters}
        onAdd={() => setAdding(true)}
        onAddFocusArea={() => setAddingFocusArea(true)}
        onDelete={() => setConfirmingDelete(true)}
        onExport={exportPlan}
        onHistory={() => setHistoryOpen(true)}
        onShortcuts={() => setShortcutsOpen(true)}
      />
      <div class="live-messages">
        <p class="live-messages__status" role="status" aria-live="polite">
          {announcement()}
        </p>
        <p class="live-messages__problem" role="alert" aria-live="assertive">
          {problem()}
        </p>
      </div>
      <main class="plan-grid-area" aria-label={title()}>
        <PlanGrid
          plan={state.plan}
          onRowChanges={actions.onRowChanges}
          actions={actions}
          readOnly={readOnly()}
          quickFilter={quickFilter()}
          filters={filters()}
          onSelectionChange={setSelection}
          onError={showError}
          onCellFocus={(id, field) => {
            setFocusedCell({ id, field });
            handle.presence.setCell({ activityId: id, field });
          }}
          presence={gridPresence(handle.presence.peers())}
          onEditingChange={(editing) => handle.presence.setEditing(editing)}
          conflicts={conflicts.cells()}
          onOpenConflict={showConflictAt}
          onAnnounce={announce}
          onProblem={setProblem}
        />
      </main>
      <AddActivityDialog
        open={adding()}
        focusAreas={state.plan.focusAreas}
        defaults={addDefaults()}
        onAdd={add}
        onClose={() => setAdding(false)}
      />
      <AddFocusAreaDialog
        open={addingFocusArea()}
        onAdd={addFocusArea}
        onClose={() => setAddingFocusArea(false)}
      />
      <HistoryDialog
        open={historyOpen()}
        onClose={() => setHistoryOpen(false)}
        history={history}
        plan={state.plan}
        readOnly={readOnly()}
        cell={focusedCell()}
      />
      <ShortcutsDialog open={shortcutsOpen()} onClose={() => setShortcutsOpen(false)} />
      <ConfirmDialog
        open={confirmingDelete() && selected().length > 0}
        id="delete"
        title={t('delete.title')}
        message={deleteMessage()}
        confirmLabel={t('delete.submit')}
        onConfirm={deleteSelected}
        onClose={() => setConfirmingDelete(false)}
      />
    </div>
  );
}
