// "Planen ett visst datum": the plan as the relay had it at a chosen day or time, read-only, how it differs from
// now, and (for editors, after a question) restoring it as a forward edit.
import { For, Show, createMemo, createSignal } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { Activity, ActivityId, PlanSnapshot } from '../../model/schema.ts';
import { diffPlans } from '../../state/history.ts';
import type { HistoryState, PastPlan, PlanDiff } from '../../state/history.ts';
import { isoDate } from '../isoDate.ts';
import { ConfirmDialog } from '../parts/ConfirmDialog.tsx';
import { valueText } from './describe.ts';
import { endOfLocalPick } from './instants.ts';
import type { HistoryMessages } from './types.ts';

/** A past plan on screen, with the words for when it was. */
interface Shown {
  readonly past: PastPlan;
  readonly when: string;
}

interface PanelProps {
  history: HistoryState;
  plan: PlanSnapshot;
  readOnly: boolean;
  messages: HistoryMessages;
}

/** Picks a day (and time), shows the plan as the relay had it then; nothing changes until an editor confirms a restore. */
export function PlanAtPanel(props: PanelProps): JSX.Element {
  const [date, setDate] = createSignal(isoDate());
  const [time, setTime] = createSignal('');
  const [loading, setLoading] = createSignal(false);
  const [shown, setShown] = createSignal<Shown | null>(null);
  const [confirming, setConfirming] = createSignal(false);
  const [invalid, setInvalid] = createSignal(false);
  const diff = createMemo(() => {
    const current = shown();
    return current === null ? null : diffPlans(current.past.plan, props.plan);
  });

  const show = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (loading()) return;
    const at = endOfLocalPick(date(), time());
    setInvalid(at === null);
    if (at === null) return props.messages.problem(t('history.at.badDate'));
    const when =
      time().trim() === '' ? t('history.at.endOfDay', { date: date() }) : `${date()} ${time().trim()}`;
    setLoading(true);
    props.messages.announce(t('history.at.loading'));
    const outcome = await props.history.loadPlanAt(at);
    setLoading(false);
    if (!outcome.ok) return props.messages.problem(t(`history.at.error.${outcome.reason}`));
    setShown({ past: outcome.past, when });
    props.messages.announce(t('history.at.heading', { when }));
  };

  const restore = (): void => {
    const current = shown();
    if (current === null) return;
    const result = props.history.restorePlan(current.past.plan);
    if (!result.ok) return props.messages.problem(t(`error.${result.error.code}`));
    const { changed } = result.value;
    const when = current.when;
    props.messages.announce(
      changed === 0
        ? t('history.at.restoredNone', { when })
        : changed === 1
          ? t('history.at.restoredOne', { when })
          : t('history.at.restoredMany', { count: changed, when }),
    );
  };

  return (
    <div class="history-at">
      <form class="history-at__pick" onSubmit={(event) => void show(event)} novalidate>
        <div class="field">
          <label for="history-at-date">{t('history.at.date')}</label>
          <input
            id="history-at-date"
            type="date"
            value={date()}
            required
            aria-invalid={invalid()}
            onInput={(event) => setDate(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="history-at-time">{t('history.at.time')}</label>
          <input
            id="history-at-time"
            type="time"
            value={time()}
            aria-describedby="history-at-hint"
            aria-invalid={invalid()}
            onInput={(event) => setTime(event.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button button--primary" aria-disabled={loading()}>
          {t('history.at.show')}
        </button>
        <p id="history-at-hint" class="field__hint history-at__hint">
          {t('history.at.hint')}
        </p>
      </form>
      <Show when={shown()}>
        {(current) => (
          <PastPlanView
            shown={current()}
            diff={diff()}
            readOnly={props.readOnly}
            busy={loading()}
            onRestore={() => setConfirming(true)}
          />
        )}
      </Show>
      <ConfirmDialog
        open={confirming() && shown() !== null}
        id="history-restore"
        title={t('history.at.confirmTitle')}
        message={t('history.at.confirm', {
          when: shown()?.when ?? '',
          changed: diff()?.changed.size ?? 0,
          removed: diff()?.removed.size ?? 0,
          added: diff()?.added.size ?? 0,
        })}
        confirmLabel={t('history.at.confirmSubmit')}
        onConfirm={restore}
        onClose={() => setConfirming(false)}
      />
    </div>
  );
}

function PastPlanView(props: {
  shown: Shown;
  diff: PlanDiff | null;
  readOnly: boolean;
  busy: boolean;
  onRestore: () => void;
}): JSX.Element {
  const plan = (): PlanSnapshot => props.shown.past.plan;
  const areaNames = createMemo(
    () => new Map<string, string>(plan().focusAreas.map((area) => [area.id, area.name])),
  );
  const since = (id: ActivityId): string =>
    props.diff?.removed.has(id) === true
      ? t('history.at.removed')
      : props.diff?.changed.has(id) === true
        ? t('history.at.changed')
        : '';
  const cell = (activity: Activity, field: 'owners' | 'status'): string =>
    activity[field].length === 0 ? '' : valueText(field, activity[field], plan());

  return (
    <section class="history-at__past" aria-labelledby="history-at-heading" data-testid="history-past-plan">
      <h3 class="history__subheading" id="history-at-heading">
        {t('history.at.heading', { when: props.shown.when })}
      </h3>
      <p data-testid="history-past-summary">
        {t('history.at.summary', {
          count: plan().activities.length,
          changed: props.diff?.changed.size ?? 0,
          added: props.diff?.added.size ?? 0,
          removed: props.diff?.removed.size ?? 0,
        })}
      </p>
      <Show when={!props.readOnly}>
        <div class="actions history-at__actions">
          <button
            type="button"
            class="button button--danger"
            aria-disabled={props.busy}
            onClick={() => {
              if (!props.busy) props.onRestore();
            }}
          >
            {t('history.at.restore')}
          </button>
        </div>
      </Show>
      <Show
        when={plan().activities.length > 0}
        fallback={<p class="history__empty">{t('history.at.noActivities')}</p>}
      >
        {/* A scrolling region the keyboard can reach (WCAG 2.1.1), named by the table it holds. */}
        <div class="history-at__scroll" role="region" aria-labelledby="history-at-heading" tabindex="0">
          <table class="history-table">
            <thead>
              <tr>
                <th scope="col">{t('column.focusArea')}</th>
                <th scope="col">{t('column.step')}</th>
                <th scope="col">{t('column.text')}</th>
                <th scope="col">{t('column.owners')}</th>
                <th scope="col">{t('column.status')}</th>
                <th scope="col">{t('column.due')}</th>
                <th scope="col">{t('history.at.sinceColumn')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={plan().activities}>
                {(activity) => (
                  <tr data-activity-id={activity.id}>
                    <td>{areaNames().get(activity.focusAreaId) ?? t('history.removedFocusArea')}</td>
                    <td>{t('step.label', { step: activity.step })}</td>
                    <th scope="row" class="history-table__text">
                      {activity.text}
                    </th>
                    <td>{cell(activity, 'owners')}</td>
                    <td>{cell(activity, 'status')}</td>
                    <td>{activity.due}</td>
                    <td>{since(activity.id)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}
