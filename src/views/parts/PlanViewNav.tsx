// The plan's views as links (Tabell, Översikt, Uppföljning, Inställningar) and the "Min organisation" switch.
import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { navigate } from '../../app/navigate.ts';
import { PLAN_VIEWS, planViewPath } from '../../app/planViews.ts';
import type { PlanViewName } from '../../app/planViews.ts';
import { t } from '../../i18n/index.ts';
import type { Participant, PlanId } from '../../model/schema.ts';
import './planViewNav.css';

export interface PlanViewNavProps {
  planId: PlanId;
  view: PlanViewName;
  /** The participant named as this person's organisation, or undefined when none of the plan's matches. */
  mine: Participant | undefined;
  /** True while every view shows only the activities `mine` owns. */
  mineOnly: boolean;
  onMineOnly: (on: boolean) => void;
}

/** Ordinary links, so a view can be opened in a new tab or bookmarked; a plain click switches without a reload. */
export function PlanViewNav(props: PlanViewNavProps): JSX.Element {
  const open = (event: MouseEvent, view: PlanViewName): void => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(planViewPath(props.planId, view));
  };

  return (
    <div class="plan-views" data-print="hide">
      <nav class="plan-views__nav" aria-label={t('views.nav')}>
        <ul>
          <For each={PLAN_VIEWS}>
            {(view) => (
              <li>
                <a
                  class="plan-views__link"
                  href={planViewPath(props.planId, view)}
                  aria-current={props.view === view ? 'page' : undefined}
                  onClick={(event) => open(event, view)}
                >
                  {t(`views.${view}`)}
                </a>
              </li>
            )}
          </For>
        </ul>
      </nav>
      <div class="plan-views__mine">
        <button
          type="button"
          class="button plan-views__mine-button"
          aria-pressed={props.mineOnly}
          aria-describedby="mine-hint"
          disabled={props.mine === undefined}
          onClick={() => props.onMineOnly(!props.mineOnly)}
        >
          {t('views.mine')}
        </button>
        <span id="mine-hint" class="plan-views__hint">
          <Show when={props.mine} fallback={t('views.mineUnknown')}>
            {(mine) => (props.mineOnly ? t('views.mineOn', { name: mine().name }) : mine().name)}
          </Show>
        </span>
      </div>
    </div>
  );
}
