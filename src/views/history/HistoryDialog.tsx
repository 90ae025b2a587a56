// The plan's history in one modal: a cell's earlier values, the changes since a date, and the plan on a date,
// as three tabs (arrow keys move between them), with the dialog's own live region for what happened.
import { For, createSignal } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { MessageKey } from '../../i18n/index.ts';
import type { PlanSnapshot } from '../../model/schema.ts';
import type { HistoryState } from '../../state/history.ts';
import { Dialog } from '../parts/Dialog.tsx';
import { CellHistoryPanel } from './CellHistoryPanel.tsx';
import { ChangesSincePanel } from './ChangesSincePanel.tsx';
import { PlanAtPanel } from './PlanAtPanel.tsx';
import type { FocusedCell, HistoryMessages } from './types.ts';

export type { FocusedCell } from './types.ts';

const TABS = ['cell', 'since', 'planAt'] as const;
type Tab = (typeof TABS)[number];

const TAB_LABELS: Readonly<Record<Tab, MessageKey>> = {
  cell: 'history.tab.cell',
  since: 'history.tab.since',
  planAt: 'history.tab.planAt',
};

/** What the plan page gives the dialog; the history and the plan are the page's, fixed while it lives. */
export interface HistoryDialogProps {
  open: boolean;
  onClose: () => void;
  history: HistoryState;
  /** The plan now (reactive store). */
  plan: PlanSnapshot;
  /** Viewers see the history; only editors get the restore buttons. */
  readOnly: boolean;
  /** The grid cell focused last, or null when none has been. */
  cell: FocusedCell | null;
}

/** The history dialog; its content (tab, inputs, a fetched past plan) starts fresh on each open. */
export function HistoryDialog(props: HistoryDialogProps): JSX.Element {
  return (
    <Dialog open={props.open} onClose={() => props.onClose()} labelledBy="history-title">
      <HistoryContent {...props} />
    </Dialog>
  );
}

function HistoryContent(props: HistoryDialogProps): JSX.Element {
  const [selected, setSelected] = createSignal<Tab>('cell');
  const [status, setStatus] = createSignal('');
  const [problem, setProblem] = createSignal('');
  const messages: HistoryMessages = {
    announce: (text) => {
      setProblem('');
      setStatus(text);
    },
    problem: (text) => {
      setStatus('');
      setProblem(text);
    },
  };

  const select = (tab: Tab, focus: boolean): void => {
    setSelected(tab);
    if (focus) document.getElementById(`history-tab-${tab}`)?.focus();
  };
  // The tab pattern of the WAI-ARIA practices: one tab stop for the list, arrows, Home and End move.
  const onTabKey = (event: KeyboardEvent): void => {
    const index = TABS.indexOf(selected());
    const next: Record<string, number> = {
      ArrowRight: (index + 1) % TABS.length,
      ArrowLeft: (index - 1 + TABS.length) % TABS.length,
      Home: 0,
      End: TABS.length - 1,
    };
    const target = TABS[next[event.key] ?? -1];
    if (target === undefined) return;
    event.preventDefault();
    select(target, true);
  };

  return (
    <div class="history" data-testid="history-dialog">
      <div class="history__header">
        <h2 id="history-title">{t('history.title')}</h2>
        <button type="button" class="button" onClick={() => props.onClose()}>
          {t('history.close')}
        </button>
      </div>
      <div class="tabs" role="tablist" aria-label={t('history.tabs')} onKeyDown={onTabKey}>
        <For each={TABS}>
          {(tab) => (
            <button
              type="button"
              role="tab"
              class="tabs__tab"
              id={`history-tab-${tab}`}
              aria-selected={selected() === tab}
              aria-controls={`history-panel-${tab}`}
              tabindex={selected() === tab ? 0 : -1}
              data-autofocus={tab === 'cell' ? true : undefined}
              onClick={() => select(tab, false)}
            >
              {t(TAB_LABELS[tab])}
            </button>
          )}
        </For>
      </div>
      <div class="history__messages">
        <p class="history__status" role="status" aria-live="polite">
          {status()}
        </p>
        <p class="history__problem" role="alert" aria-live="assertive">
          {problem()}
        </p>
      </div>
      {/* Panels stay mounted while hidden, so a typed date or a fetched plan survives a look at another tab. */}
      <TabPanel tab="cell" selected={selected()}>
        <CellHistoryPanel
          history={props.history}
          plan={props.plan}
          readOnly={props.readOnly}
          cell={props.cell}
          messages={messages}
        />
      </TabPanel>
      <TabPanel tab="since" selected={selected()}>
        <ChangesSincePanel
          history={props.history}
          plan={props.plan}
          readOnly={props.readOnly}
          messages={messages}
        />
      </TabPanel>
      <TabPanel tab="planAt" selected={selected()}>
        <PlanAtPanel
          history={props.history}
          plan={props.plan}
          readOnly={props.readOnly}
          messages={messages}
        />
      </TabPanel>
    </div>
  );
}

function TabPanel(props: { tab: Tab; selected: Tab; children: JSX.Element }): JSX.Element {
  return (
    <div
      class="tabs__panel"
      role="tabpanel"
      id={`history-panel-${props.tab}`}
      aria-labelledby={`history-tab-${props.tab}`}
      hidden={props.selected !== props.tab}
      tabindex="0"
    >
      {props.children}
    </div>
  );
}
