// The overview (Översikt): the plan as the reports print it, focus areas in priority order against Steg 1–3; live.
import { For, Show, createComputed, createEffect, onCleanup } from 'solid-js';
import type { JSX } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { t } from '../../i18n/index.ts';
import { STEPS } from '../../model/schema.ts';
import type { ActivityId, PlanSnapshot } from '../../model/schema.ts';
import { OverviewItem } from './OverviewItem.tsx';
import { readOverviewTable } from './overviewTable.ts';
import type { OverviewRow, OverviewTable } from './overviewTable.ts';
import './overview.css';

export interface OverviewViewProps {
  /** The plan as the page shows it: a reactive store, activities already narrowed by "Min organisation". */
  plan: PlanSnapshot;
  /** `YYYY-MM-DD`, for marking overdue activities. */
  today: string;
  /** Opens the activity in the grid (the page switches to the table and focuses the row). */
  onOpenActivity: (id: ActivityId) => void;
}

const HINT_ID = 'overview-open-hint';

/** The overview page of a plan; prints on A4 landscape with title, county, date and page numbers. */
export function OverviewView(props: OverviewViewProps): JSX.Element {
  // The table is recomputed on every change, then merged by id into a store: a colleague's edit re-renders
  // only the items it touched, and keyboard focus stays on the button it was on.
  const [table, setTable] = createStore<OverviewTable>({ rows: [], activities: 0, overdue: 0 });
  createComputed(() => setTable(reconcile(readOverviewTable(props.plan, props.today), { key: 'id' })));
  usePrintPageLabels();

  return (
    <section class="overview" aria-labelledby="overview-heading">
      <div class="overview__print-header">
        <p class="overview__print-title">{props.plan.meta.title || t('view.untitled')}</p>
        <p class="overview__print-meta">
          <Show when={props.plan.meta.county !== ''}>
            <span>{t('overview.print.county', { county: props.plan.meta.county })}</span>
          </Show>
          <span>{t('overview.print.date', { date: props.today })}</span>
        </p>
      </div>
      <h2 id="overview-heading">{t('overview.heading')}</h2>
      <p class="overview__summary">
        {t('overview.summary', {
          areas: table.rows.length,
          activities: table.activities,
          overdue: table.overdue,
        })}
      </p>
      <p class="overview__legend">{t('overview.legend')}</p>
      <p id={HINT_ID} class="visually-hidden">
        {t('overview.openHint')}
      </p>
      <Show when={table.rows.length > 0} fallback={<p>{t('overview.emptyPlan')}</p>}>
        {/* A region the keyboard can reach, so a table wider than the screen can be scrolled sideways. */}
        <div class="overview__scroll" role="region" tabindex="0" aria-label={t('overview.region')}>
          <table class="overview-table">
            <caption>{t('overview.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" class="overview-table__area-head">
                  {t('overview.focusArea')}
                </th>
                <For each={STEPS}>{(step) => <th scope="col">{t('step.label', { step })}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={table.rows}>
                {(row) => <OverviewTableRow row={row} onOpen={(id) => props.onOpenActivity(id)} />}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}

function OverviewTableRow(props: { row: OverviewRow; onOpen: (id: ActivityId) => void }): JSX.Element {
  return (
    <tr classList={{ 'overview-table__row--new-priority': props.row.firstOfPriority }}>
      <th scope="row" class="overview-table__area">
        <span class="overview-table__priority">
          {t('overview.priority', { priority: props.row.priority })}
        </span>
        <span class="overview-table__name">{props.row.name}</span>
        <span class="overview-table__counts">
          {t('overview.rowCounts', { total: props.row.total, done: props.row.done })}
          <Show when={props.row.overdue > 0}>
            {', '}
            <span class="overview-table__overdue">
              {t('overview.rowOverdue', { overdue: props.row.overdue })}
            </span>
          </Show>
        </span>
      </th>
      <For each={props.row.cells}>
        {(cell) => (
          <td>
            <Show
              when={cell.items.length > 0}
              fallback={
                <>
                  <span aria-hidden="true" class="overview-table__empty">
                    –
                  </span>
                  <span class="visually-hidden">{t('overview.noActivities')}</span>
                </>
              }
            >
              <ul class="overview-list">
                <For each={cell.items}>
                  {(item) => <OverviewItem item={item} hintId={HINT_ID} onOpen={props.onOpen} />}
                </For>
              </ul>
            </Show>
          </td>
        )}
      </For>
    </tr>
  );
}

/**
 * The printed page's footer ("Sida 2 av 5") is drawn by `@page` in overview.css, which cannot read i18n; its
 * words are handed over as custom properties on the root element, which the page context inherits from.
 */
function usePrintPageLabels(): void {
  const root = document.documentElement;
  createEffect(() => {
    root.style.setProperty('--overview-page-word', JSON.stringify(t('overview.print.page')));
    root.style.setProperty('--overview-page-of', JSON.stringify(t('overview.print.of')));
  });
  onCleanup(() => {
    root.style.removeProperty('--overview-page-word');
    root.style.removeProperty('--overview-page-of');
  });
}
