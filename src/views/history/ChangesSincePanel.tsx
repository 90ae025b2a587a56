// "Ändringar sedan": every logged change from a chosen day on, grouped by focus area, who changed what, and a
// way to bring back a deleted activity.
import { For, Show, createComputed, createMemo, createSignal } from 'solid-js';
import type { JSX } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { t } from '../../i18n/index.ts';
import type { LogEntry, PlanSnapshot } from '../../model/schema.ts';
import type { HistoryState } from '../../state/history.ts';
import { changeLine } from './changeText.ts';
import { isoDateDaysAgo, startOfLocalDay } from './instants.ts';
import type { HistoryMessages } from './types.ts';

/** How far back the list starts when the dialog opens: about a month, the steering group's meeting rhythm. */
export const DEFAULT_SINCE_DAYS = 30;

/** One change in the list, keyed by its log entry so the list keeps its nodes (and focus) on updates. */
interface ChangeItem {
  readonly id: string;
  readonly entry: LogEntry;
  readonly activityText: string;
}

interface GroupItem {
  /** The focus area's id, or '' for the plan-level group. */
  readonly id: string;
  readonly name: string;
  readonly changes: ChangeItem[];
}

/** The changes since a date (30 days back to begin with), by focus area; editors can bring a deleted activity back. */
export function ChangesSincePanel(props: {
  history: HistoryState;
  plan: PlanSnapshot;
  readOnly: boolean;
  messages: HistoryMessages;
}): JSX.Element {
  const [date, setDate] = createSignal(isoDateDaysAgo(DEFAULT_SINCE_DAYS));
  const since = createMemo(() => startOfLocalDay(date()));
  const [view, setView] = createStore<{ groups: GroupItem[] }>({ groups: [] });
  createComputed(() => {
    const iso = since();
    const groups = (iso === null ? [] : props.history.changesSince(iso)).map((group) => ({
      id: group.focusAreaId ?? '',
      name: group.name,
      changes: group.changes.map((change, index) => ({
        id: change.entry.key ?? `${change.entry.at}#${index}`,
        entry: change.entry,
        activityText: change.activityText,
      })),
    }));
    // The model's data is frozen; the store updates its copy in place.
    setView('groups', reconcile(structuredClone(groups), { key: 'id' }));
  });
  const count = (): number => view.groups.reduce((sum, group) => sum + group.changes.length, 0);
  const countText = (): string =>
    count() === 0
      ? t('history.since.none', { date: date() })
      : count() === 1
        ? t('history.since.countOne', { date: date() })
        : t('history.since.countMany', { count: count(), date: date() });
  const groupName = (group: GroupItem): string =>
    group.id === '' ? t('history.since.planGroup') : group.name || t('history.removedFocusArea');

  const restore = (item: ChangeItem, button: HTMLElement): void => {
    const { key } = item.entry;
    if (key === undefined) return;
    const result = props.history.restoreDeletedActivity(key);
    if (!result.ok) return props.messages.problem(t(`error.${result.error.code}`));
    props.messages.announce(t('history.since.restored', { text: item.activityText }));
    // The button goes with the deletion it undid; keep the keyboard where it was.
    button.closest('li')?.focus();
  };

  return (
    <div class="history-since">
      <div class="field">
        <label for="history-since-date">{t('history.since.label')}</label>
        <input
          id="history-since-date"
          type="date"
          value={date()}
          aria-describedby="history-since-hint"
          aria-invalid={since() === null}
          onInput={(event) => setDate(event.currentTarget.value)}
        />
        <p id="history-since-hint" class="field__hint">
          {t('history.since.hint')}
        </p>
      </div>
      <Show when={since() !== null} fallback={<p class="form__problem">{t('history.since.badDate')}</p>}>
        <p class="history__count" data-testid="history-since-count">
          {countText()}
        </p>
        <For each={view.groups}>
          {(group, index) => (
            <section
              class="history-group"
              aria-labelledby={`history-group-${index()}`}
              data-testid="history-group"
            >
              <h3 class="history__subheading" id={`history-group-${index()}`}>
                {groupName(group)}
              </h3>
              <ul class="history-list">
                <For each={group.changes}>
                  {(item) => (
                    <li class="history-list__item" tabindex="-1" data-testid="history-change">
                      <div class="history-list__body">
                        <Show when={item.activityText !== ''}>
                          <p class="history-list__value">{item.activityText}</p>
                        </Show>
                        <p class="history-list__meta">{changeLine(item.entry, props.plan)}</p>
                      </div>
                      <Show when={!props.readOnly && props.history.canRestoreDeleted(item.entry)}>
                        <button
                          type="button"
                          class="button history__restore"
                          aria-label={t('history.since.restoreActivityLabel', { text: item.activityText })}
                          onClick={(event) => restore(item, event.currentTarget)}
                        >
                          {t('history.since.restoreActivity')}
                        </button>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          )}
        </For>
      </Show>
    </div>
  );
}
