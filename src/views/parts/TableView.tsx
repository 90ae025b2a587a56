// The plan as a table: toolbar, grid, and the dialogs that act on rows (add, new focus area, delete, history, import).
import { createMemo, createSignal, untrack } from 'solid-js';
import type { Accessor, JSX, Setter } from 'solid-js';
import { csvFileName, exportCsv } from '../../csv/exportCsv.ts';
import { PlanGrid } from '../../grid/PlanGrid.tsx';
import { t } from '../../i18n/index.ts';
import type { ModelError } from '../../model/result.ts';
import type { ActivityId, FocusAreaId, ParticipantId } from '../../model/schema.ts';
import type { PlanState, PlanStoreActions } from '../../state/planStore.ts';
import type { HistoryState } from '../../state/history.ts';
import type { GridFilters, NewActivityInput, NewFocusAreaInput } from '../../state/types.ts';
import type { PlanHandle } from '../../sync/openPlan.ts';
import type { FocusedCell } from '../history/types.ts';
import { isoDate } from '../isoDate.ts';
import { AddActivityDialog } from './AddActivityDialog.tsx';
import type { AddActivityDefaults } from './AddActivityDialog.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { WhenFirst, onDemand, preloadAfterPaint } from './OnDemand.tsx';
import { PlanToolbar } from './PlanToolbar.tsx';
import { gridPresence } from './PresenceBar.tsx';

// Adding an activity and deleting rows are the table's everyday actions and stay in; the other dialogs are fetched
// when first opened (OnDemand.tsx), or just after the first screen has painted.
const AddFocusAreaDialog = onDemand(() =>
  import('./AddFocusAreaDialog.tsx').then((m) => m.AddFocusAreaDialog),
);
const ImportDialog = onDemand(() => import('../import/ImportDialog.tsx').then((m) => m.ImportDialog));
const ColumnsDialog = onDemand(() => import('./ColumnsDialog.tsx').then((m) => m.ColumnsDialog));
const HistoryDialog = onDemand(() => import('../history/HistoryDialog.tsx').then((m) => m.HistoryDialog));

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

export interface TableViewProps {
  handle: PlanHandle;
  state: PlanState;
  actions: PlanStoreActions;
  history: HistoryState;
  readOnly: boolean;
  title: string;
  /** The search and filters live in the page, so they survive a visit to another view. */
  quickFilter: Accessor<string>;
  setQuickFilter: Setter<string>;
  filters: Accessor<GridFilters>;
  setFilters: Setter<GridFilters>;
  /** The owner that "Min organisation" filters on, or null when that filter is off. */
  mineOwner: ParticipantId | null;
  conflicts: ReadonlyMap<string, ReadonlySet<string>>;
  onOpenConflict: (row: { id: ActivityId; focusAreaId: FocusAreaId }, field: string) => void;
  /** The activity another view asked to show: the grid scrolls to it and focuses its text. */
  reveal: { readonly id: ActivityId } | null;
  onRevealed: () => void;
  onHistory: () => void;
  historyOpen: boolean;
  onHistoryClose: () => void;
  onShortcuts: () => void;
  announce: (text: string) => void;
  showError: (error: ModelError) => void;
  setProblem: (text: string) => void;
}

export function TableView(props: TableViewProps): JSX.Element {
  const { handle, actions } = untrack(() => ({ handle: props.handle, actions: props.actions }));
  const plan = () => props.state.plan;
  const [selection, setSelection] = createSignal<ActivityId[]>([]);
  const [adding, setAdding] = createSignal(false);
  const [addingFocusArea, setAddingFocusArea] = createSignal(false);
  const [importing, setImporting] = createSignal(false);
  const [choosingColumns, setChoosingColumns] = createSignal(false);
  // The area this person added last: offered first when adding an activity with no row selected.
  const [newestArea, setNewestArea] = createSignal<FocusAreaId | null>(null);
  const [confirmingDelete, setConfirmingDelete] = createSignal(false);
  // The cell the history dialog is about: the grid's focused cell, kept while the focus is elsewhere.
  const [focusedCell, setFocusedCell] = createSignal<FocusedCell | null>(null);
  preloadAfterPaint([AddFocusAreaDialog, ImportDialog, ColumnsDialog, HistoryDialog]);
  // Selected ids that still exist: a row someone else deleted drops out of the selection.
  const selected = createMemo(() => {
    const ids = new Set(selection());
    return plan().activities.filter((activity) => ids.has(activity.id));
  });
  // "Min organisation" decides the owner filter while it is on; the toolbar shows it and locks the choice.
  const filters = createMemo<GridFilters>(() =>
    props.mineOwner === null ? props.filters() : { ...props.filters(), owner: props.mineOwner },
  );

  const addDefaults = (): AddActivityDefaults => {
    const [first] = selected();
    if (first !== undefined) return { focusAreaId: first.focusAreaId, step: first.step, after: first.id };
    const areas = plan().focusAreas;
    // Someone else may have removed it since.
    const newest = areas.find((area) => area.id === newestArea());
    return { focusAreaId: newest?.id ?? areas[0]?.id ?? '', step: 1 };
  };
  const add = (input: NewActivityInput) => {
    const result = actions.addActivity(input);
    if (result.ok) props.announce(t('plan.added'));
    return result;
  };
  const addFocusArea = (input: NewFocusAreaInput) => {
    const result = actions.addFocusArea(input);
    if (result.ok) {
      setNewestArea(result.value);
      props.announce(t('plan.focusAreaAdded', { name: input.name.trim() }));
    }
    return result;
  };
  const deleteSelected = (): void => {
    const rows = selected();
    for (const row of rows) {
      const result = actions.deleteActivity(row.id);
      if (!result.ok) return props.showError(result.error);
    }
    setSelection([]);
    props.announce(rows.length === 1 ? t('plan.deletedOne') : t('plan.deletedMany', { count: rows.length }));
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
    const snapshot = actions.snapshot();
    const name = csvFileName(snapshot.meta.title, isoDate());
    downloadText(exportCsv(snapshot), name, 'text/csv;charset=utf-8');
    props.announce(t('plan.exported', { name }));
  };

  return (
    <>
      <PlanToolbar
        participants={plan().participants}
        quickFilter={props.quickFilter()}
        filters={filters()}
        ownerLocked={props.mineOwner !== null}
        readOnly={props.readOnly}
        selectedCount={selected().length}
        onQuickFilter={props.setQuickFilter}
        onFilters={(next) => props.setFilters(next)}
        onAdd={() => setAdding(true)}
        onAddFocusArea={() => setAddingFocusArea(true)}
        onDelete={() => setConfirmingDelete(true)}
        onExport={exportPlan}
        onImport={() => setImporting(true)}
        onColumns={() => setChoosingColumns(true)}
        onHistory={props.onHistory}
        onShortcuts={props.onShortcuts}
      />
      <main
        class="plan-grid-area"
        aria-label={props.title}
        aria-busy={props.state.loaded ? undefined : 'true'}
      >
        <PlanGrid
          plan={plan()}
          onRowChanges={actions.onRowChanges}
          actions={actions}
          readOnly={props.readOnly}
          quickFilter={props.quickFilter()}
          filters={filters()}
          reveal={props.reveal}
          onRevealed={props.onRevealed}
          onSelectionChange={setSelection}
          onError={props.showError}
          onCellFocus={(id, field) => {
            setFocusedCell({ id, field });
            handle.presence.setCell({ activityId: id, field });
          }}
          presence={gridPresence(handle.presence.peers())}
          onEditingChange={(editing) => handle.presence.setEditing(editing)}
          conflicts={props.conflicts}
          onOpenConflict={props.onOpenConflict}
          onAnnounce={props.announce}
          onProblem={props.setProblem}
        />
      </main>
      <AddActivityDialog
        open={adding()}
        focusAreas={plan().focusAreas}
        defaults={addDefaults()}
        onAdd={add}
        onClose={() => setAdding(false)}
      />
      <WhenFirst when={addingFocusArea()}>
        <AddFocusAreaDialog
          open={addingFocusArea()}
          onAdd={addFocusArea}
          onClose={() => setAddingFocusArea(false)}
        />
      </WhenFirst>
      <WhenFirst when={importing()}>
        <ImportDialog
          open={importing()}
          onClose={() => setImporting(false)}
          handle={handle}
          plan={plan()}
          announce={props.announce}
        />
      </WhenFirst>
      <WhenFirst when={choosingColumns()}>
        <ColumnsDialog open={choosingColumns()} onClose={() => setChoosingColumns(false)} />
      </WhenFirst>
      <WhenFirst when={props.historyOpen}>
        <HistoryDialog
          open={props.historyOpen}
          onClose={props.onHistoryClose}
          history={props.history}
          plan={plan()}
          readOnly={props.readOnly}
          cell={focusedCell()}
        />
      </WhenFirst>
      <ConfirmDialog
        open={confirmingDelete() && selected().length > 0}
        id="delete"
        title={t('delete.title')}
        message={deleteMessage()}
        confirmLabel={t('delete.submit')}
        onConfirm={deleteSelected}
        onClose={() => setConfirmingDelete(false)}
      />
    </>
  );
}
