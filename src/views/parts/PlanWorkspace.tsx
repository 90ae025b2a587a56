// The plan page once the plan is here: header, notices, the view links, and the view itself (table, overview, …).
import { Match, Switch, createEffect, createMemo, createSignal, onCleanup, untrack } from 'solid-js';
import type { JSX } from 'solid-js';
import { navigate } from '../../app/navigate.ts';
import { planViewPath } from '../../app/planViews.ts';
import type { PlanViewName } from '../../app/planViews.ts';
import { t } from '../../i18n/index.ts';
import type { ModelError } from '../../model/result.ts';
import type { ActivityId, FocusAreaId } from '../../model/schema.ts';
import { createConflictState } from '../../state/conflicts.ts';
import type { Conflict } from '../../state/conflicts.ts';
import { createHistoryState } from '../../state/history.ts';
import { mineOnlyEnabled, ownedBy, participantNamed, setMineOnly } from '../../state/mine.ts';
import type { PlanState, PlanStoreActions } from '../../state/planStore.ts';
import { today } from '../../state/today.ts';
import type { GridFilters } from '../../state/types.ts';
import { storedIdentity } from '../../sync/actor.ts';
import type { PlanHandle } from '../../sync/openPlan.ts';
import { rememberPlan } from '../../sync/tokens.ts';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { OnDemand, WhenFirst, onDemand, preloadAfterPaint } from './OnDemand.tsx';
import { PlanNotices } from './PlanNotices.tsx';
import { PlanPresence } from './PlanPresence.tsx';
import { PlanViewNav } from './PlanViewNav.tsx';
import { onPlanKeys } from './planKeys.ts';
import { TableView } from './TableView.tsx';

// Only the table is on a plan link's first screen; the rest is fetched when first shown (OnDemand.tsx).
const OverviewView = onDemand(() => import('../overview/OverviewView.tsx').then((m) => m.OverviewView));
const FollowUpView = onDemand(() => import('../followUp/FollowUpView.tsx').then((m) => m.FollowUpView));
const SettingsView = onDemand(() => import('../settings/SettingsView.tsx').then((m) => m.SettingsView));
const ConflictsPanel = onDemand(() => import('../history/ConflictsPanel.tsx').then((m) => m.ConflictsPanel));
const ShortcutsDialog = onDemand(() => import('./ShortcutsDialog.tsx').then((m) => m.ShortcutsDialog));

/** The working page of one plan, showing `view`. */
export function PlanWorkspace(props: {
  handle: PlanHandle;
  state: PlanState;
  actions: PlanStoreActions;
  view: PlanViewName;
}): JSX.Element {
  // The handle, store and actions are fixed for the page's life.
  const { handle, state, actions } = untrack(() => ({ ...props }));
  const [quickFilter, setQuickFilter] = createSignal('');
  const [filters, setFilters] = createSignal<GridFilters>({ owner: '', status: '', step: 0 });
  const [announcement, setAnnouncement] = createSignal('');
  const [problem, setProblem] = createSignal('');
  const [shortcutsOpen, setShortcutsOpen] = createSignal(false);
  const [historyOpen, setHistoryOpen] = createSignal(false);
  const [reveal, setReveal] = createSignal<{ readonly id: ActivityId } | null>(null);
  const conflicts = createConflictState(handle);
  onCleanup(conflicts.dispose);
  const history = createHistoryState(handle);
  onCleanup(history.dispose);
  const [openConflict, setOpenConflict] = createSignal<Conflict | null>(null);
  preloadAfterPaint([OverviewView, FollowUpView, SettingsView, ConflictsPanel, ShortcutsDialog]);

  const role = handle.connection.role;
  // Shown from this device's last view, the plan can be read before its document has loaded, not changed.
  const readOnly = (): boolean => role() !== 'edit' || !state.loaded;
  const title = (): string => state.plan.meta.title || t('view.untitled');
  const mine = createMemo(() => participantNamed(state.plan.participants, storedIdentity()?.organisation));
  const mineOwner = () => (mineOnlyEnabled() ? (mine()?.id ?? null) : null);
  // What the overview and the follow-up show: the whole plan, or only what my organisation owns.
  const shownPlan = createMemo(() => ownedBy(state.plan, mineOwner()));

  createEffect(() => {
    document.title = `${t(`views.${props.view}`)} – ${title()} – ${t('app.name')}`;
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

  // Undo and redo take back this person's own changes only, in every view; the model refuses one changed since.
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

  // An activity chosen in the overview or the follow-up opens in the table, with any filter that hides it cleared.
  const openActivity = (id: ActivityId): void => {
    if (!state.plan.activities.some((activity) => activity.id === id)) {
      announce(t('views.openedMissing'));
      return;
    }
    const current = filters();
    if (quickFilter() !== '' || current.status !== '' || current.step !== 0 || current.owner !== '') {
      setQuickFilter('');
      setFilters({ owner: '', status: '', step: 0 });
      announce(t('views.filtersCleared'));
    } else {
      announce(t('views.opened'));
    }
    setReveal({ id });
    navigate(planViewPath(handle.planId, 'table'));
  };

  return (
    <div class="plan-page" data-view={props.view}>
      <header class="plan-header">
        <a class="brand brand--link" href="/" data-print="hide">
          {t('app.name')}
        </a>
        <h1 class="plan-header__title">{title()}</h1>
        <div class="plan-header__status" data-print="hide">
          <ConnectionBadge
            state={handle.connection.state()}
            unsynced={handle.connection.unsyncedChanges()}
            lastSyncedAt={handle.connection.lastSyncedAt()}
          />
          <PlanPresence presence={handle.presence} participants={state.plan.participants} />
          <LanguageSwitch />
        </div>
      </header>
      <div data-print="hide">
        <PlanNotices handle={handle} />
        {/* Fetched once the plan has a conflict; its notice then shows. */}
        <WhenFirst when={conflicts.conflicts().length > 0 || openConflict() !== null}>
          <ConflictsPanel
            state={conflicts}
            plan={state.plan}
            readOnly={readOnly()}
            selected={openConflict()}
            onSelect={setOpenConflict}
            announce={announce}
            onError={showError}
          />
        </WhenFirst>
      </div>
      <PlanViewNav
        planId={handle.planId}
        view={props.view}
        mine={mine()}
        mineOnly={mineOwner() !== null}
        onMineOnly={setMineOnly}
      />
      <div class="live-messages" data-print="hide">
        <p class="live-messages__status" role="status" aria-live="polite">
          {announcement()}
        </p>
        <p class="live-messages__problem" role="alert" aria-live="assertive">
          {problem()}
        </p>
      </div>
      <Switch>
        <Match when={props.view === 'table'}>
          <TableView
            handle={handle}
            state={state}
            actions={actions}
            history={history}
            readOnly={readOnly()}
            title={title()}
            quickFilter={quickFilter}
            setQuickFilter={setQuickFilter}
            filters={filters}
            setFilters={setFilters}
            mineOwner={mineOwner()}
            conflicts={conflicts.cells()}
            onOpenConflict={showConflictAt}
            reveal={reveal()}
            onRevealed={() => setReveal(null)}
            onHistory={() => setHistoryOpen(true)}
            historyOpen={historyOpen()}
            onHistoryClose={() => setHistoryOpen(false)}
            onShortcuts={() => setShortcutsOpen(true)}
            announce={announce}
            showError={showError}
            setProblem={setProblem}
          />
        </Match>
        <Match when={props.view === 'overview'}>
          <main class="plan-view" aria-label={t('views.overview')}>
            <OnDemand>
              <OverviewView plan={shownPlan()} today={today()} onOpenActivity={openActivity} />
            </OnDemand>
          </main>
        </Match>
        <Match when={props.view === 'followUp'}>
          <main class="plan-view" aria-label={t('views.followUp')}>
            <OnDemand>
              <FollowUpView plan={shownPlan()} today={today()} onOpenActivity={openActivity} />
            </OnDemand>
          </main>
        </Match>
        <Match when={props.view === 'settings'}>
          <main class="plan-view" aria-label={t('views.settings')}>
            <OnDemand>
              <SettingsView
                handle={handle}
                plan={state.plan}
                readOnly={readOnly()}
                announce={announce}
                onError={showError}
              />
            </OnDemand>
          </main>
        </Match>
      </Switch>
      <WhenFirst when={shortcutsOpen()}>
        <ShortcutsDialog open={shortcutsOpen()} onClose={() => setShortcutsOpen(false)} />
      </WhenFirst>
    </div>
  );
}
