// The late activities, oldest due date first: each one a button that opens the activity in the table.
import { Index, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { ActivityId } from '../../model/schema.ts';
import type { OverdueActivity } from './progress.ts';

/** "Försenade aktiviteter (n)" and the list, or a sentence saying there are none. */
export function OverdueList(props: {
  overdue: readonly OverdueActivity[];
  onOpenActivity: (id: ActivityId) => void;
}): JSX.Element {
  return (
    <section class="follow-up__section follow-up__overdue" aria-labelledby="follow-up-overdue">
      <h3 id="follow-up-overdue">{t('followUp.overdue.heading', { count: props.overdue.length })}</h3>
      <Show when={props.overdue.length > 0} fallback={<p>{t('followUp.overdue.none')}</p>}>
        <p class="follow-up__note" data-print="hide">
          {t('followUp.overdue.hint')}
        </p>
        <ul class="follow-up__late-list">
          {/* Index keeps each button in place across live changes, so keyboard focus is not thrown away. */}
          <Index each={props.overdue}>
            {(item) => (
              <li>
                <button
                  type="button"
                  class="follow-up__late"
                  data-activity-id={item().id}
                  onClick={() => props.onOpenActivity(item().id)}
                >
                  <span class="follow-up__late-text">{item().text}</span>
                  <span class="follow-up__late-facts">
                    <span>{t('followUp.overdue.due', { date: item().due })}</span>
                    <span class="overdue-tag">{lateness(item().daysOverdue)}</span>
                    <span class={`status-chip status-chip--${item().status}`}>
                      {t(`status.${item().status}`)}
                    </span>
                  </span>
                  <span class="follow-up__late-facts">
                    <span>
                      {t('followUp.overdue.owners', {
                        owners: item().owners.length > 0 ? item().owners.join(', ') : t('followUp.noOwner'),
                      })}
                    </span>
                    <Show when={item().focusAreaName !== ''}>
                      <span>{t('followUp.overdue.focusArea', { name: item().focusAreaName })}</span>
                    </Show>
                  </span>
                </button>
              </li>
            )}
          </Index>
        </ul>
      </Show>
    </section>
  );
}

const lateness = (days: number): string =>
  days === 1 ? t('followUp.overdue.dayLate') : t('followUp.overdue.daysLate', { days });
