// "Cellens historik": the focused cell's values newest first, who set each and when, and a button to put one back.
import { For, Show, createComputed, createMemo } from 'solid-js';
import type { Accessor, JSX } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { t } from '../../i18n/index.ts';
import type { CellRef, LogValue, PlanSnapshot } from '../../model/schema.ts';
import { sameValue } from '../../state/history.ts';
import type { CellHistoryItem, HistoryState } from '../../state/history.ts';
import { cellChangeHow } from './changeText.ts';
import { authorLine, fieldLabel, valueText } from './describe.ts';
import type { FocusedCell, HistoryMessages } from './types.ts';

export type { FocusedCell } from './types.ts';

/**
 * The model's cell for a grid cell: the activity's own field, or for the Prioritet column the priority of
 * the activity's focus area. Null when that cell cannot be found (the activity is gone and so is its area).
 */
export function cellRefOf(cell: FocusedCell, plan: PlanSnapshot): CellRef | null {
  if (cell.field !== 'priority') return { target: 'activity', id: cell.id, field: cell.field };
  const activity = plan.activities.find((candidate) => candidate.id === cell.id);
  return activity === undefined ? null : { target: 'focusArea', id: activity.focusAreaId, field: 'priority' };
}

interface PanelProps {
  history: HistoryState;
  plan: PlanSnapshot;
  readOnly: boolean;
  cell: FocusedCell | null;
  messages: HistoryMessages;
}

/** The focused cell's values, or a sentence asking for a cell first; restore buttons for editors only. */
export function CellHistoryPanel(props: PanelProps): JSX.Element {
  const ref = createMemo(
    () => (props.cell === null ? null : cellRefOf(props.cell, props.plan)),
    null,
    // A new object on every plan change, but the same cell: keep the old one.
    { equals: (a, b) => a?.target === b?.target && a?.id === b?.id && a?.field === b?.field },
  );
  return (
    <Show when={ref()} fallback={<p class="history__empty">{t('history.cell.none')}</p>}>
      {(cell) => <CellValues {...props} cellRef={cell} activityId={props.cell?.id ?? ''} />}
    </Show>
  );
}

/** One list item: an earlier value, keyed by its log entry so the list keeps its nodes (and focus) on updates. */
interface ValueItem {
  readonly id: string;
  readonly change: CellHistoryItem;
}

function CellValues(props: PanelProps & { cellRef: Accessor<CellRef>; activityId: string }): JSX.Element {
  const [view, setView] = createStore<{ items: ValueItem[] }>({ items: [] });
  const history = createMemo(() => props.history.cellHistory(props.cellRef()));
  createComputed(() => {
    const items = history().changes.map((change, index) => ({
      id: change.key ?? `${change.at}#${index}`,
      change,
    }));
    // The model's data is frozen; the store updates its copy in place.
    setView('items', reconcile(structuredClone(items), { key: 'id' }));
  });
  const field = (): string => props.cellRef().field;
  const activityText = (): string =>
    props.plan.activities.find((activity) => activity.id === props.activityId)?.text ??
    t('history.cell.gone');
  const text = (value: LogValue | undefined): string => valueText(field(), value, props.plan);
  const before = (): LogValue | undefined => history().before;

  const restore = (value: LogValue): void => {
    const result = props.history.restoreCellValue(props.cellRef(), value);
    if (!result.ok) return props.messages.problem(t(`error.${result.error.code}`));
    props.messages.announce(
      t('history.cell.restored', { field: fieldLabel(props.cellRef()), value: text(value) }),
    );
  };
  const restoreButton = (value: () => LogValue): JSX.Element => (
    <Show when={!props.readOnly && !sameValue(value(), history().now)}>
      <button
        type="button"
        class="button history__restore"
        aria-label={t('history.cell.restoreLabel', { value: text(value()) })}
        onClick={() => restore(value())}
      >
        {t('history.cell.restore')}
      </button>
    </Show>
  );

  return (
    <div class="history-cell">
      <dl class="history-cell__subject">
        <dt>{t('history.cell.activity')}</dt>
        <dd data-testid="history-cell-activity">{activityText()}</dd>
        <dt>{t('history.cell.field')}</dt>
        <dd data-testid="history-cell-field">{fieldLabel(props.cellRef())}</dd>
      </dl>
      <h3 class="history__subheading">{t('history.cell.valuesHeading')}</h3>
      <Show
        when={view.items.length > 0}
        fallback={<p class="history__empty">{t('history.cell.noChanges')}</p>}
      >
        <ol class="history-list" data-testid="history-cell-values">
          <For each={view.items}>
            {(item) => (
              <li class="history-list__item">
                <div class="history-list__body">
                  <p class="history-list__value">{text(item.change.to)}</p>
                  <p class="history-list__meta">
                    {t('history.line', {
                      byAt: authorLine(item.change.by, item.change.at),
                      what: cellChangeHow(props.cellRef().target, item.change),
                    })}
                    <Show when={item.change.current}>
                      {' · '}
                      <strong>{t('history.cell.shownNow')}</strong>
                    </Show>
                  </p>
                </div>
                {restoreButton(() => item.change.to)}
              </li>
            )}
          </For>
          <Show when={before() !== undefined}>
            <li class="history-list__item">
              <div class="history-list__body">
                <p class="history-list__value">{text(before())}</p>
                <p class="history-list__meta">{t('history.cell.before')}</p>
              </div>
              {restoreButton(() => before() ?? null)}
            </li>
          </Show>
        </ol>
      </Show>
    </div>
  );
}
