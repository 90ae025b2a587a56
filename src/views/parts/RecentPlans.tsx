// The start page's list of plans opened on this device: title, role and the date last opened.
import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { RecentPlan, Role } from '../../sync/tokens.ts';
import { isoDateOf } from '../isoDate.ts';

/** The words for a role, including "not known yet". */
export const roleText = (role: Role | null): string =>
  role === 'edit' ? t('role.edit') : role === 'view' ? t('role.view') : t('role.unknown');

/** Lists `plans` as links to /p/<id>; the stored token opens them. */
export function RecentPlans(props: { plans: readonly RecentPlan[] }): JSX.Element {
  return (
    <section class="card" aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('start.recent.heading')}</h2>
      <Show when={props.plans.length > 0} fallback={<p class="muted">{t('start.recent.empty')}</p>}>
        <ul class="recent-list">
          <For each={props.plans}>
            {(plan) => (
              <li class="recent-list__item">
                <a href={`/p/${plan.id}`}>{plan.title === '' ? t('view.untitled') : plan.title}</a>
                <span class="recent-list__meta">
                  {roleText(plan.role)} · {t('start.recent.lastOpened', { date: isoDateOf(plan.lastOpened) })}
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
