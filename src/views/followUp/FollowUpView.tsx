// The follow-up view: late activities first, then progress by focus area, organisation and reform part.
import { createMemo, createSignal, onCleanup } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { ActivityId, PlanSnapshot } from '../../model/schema.ts';
import './followUp.css';
import { loadPlot } from './loadPlot.ts';
import { OverdueList } from './OverdueList.tsx';
import { readProgress } from './progress.ts';
import type { ProgressGroup } from './progress.ts';
import type { Plot } from './progressChart.ts';
import { ProgressChart } from './ProgressChart.tsx';

export interface FollowUpViewProps {
  /** The plan as the page shows it: a reactive store, activities already narrowed by "Min organisation". */
  plan: PlanSnapshot;
  /** `YYYY-MM-DD`, for finding overdue activities. */
  today: string;
  /** Opens the activity in the grid (the page switches to the table and focuses the row). */
  onOpenActivity: (id: ActivityId) => void;
}

export function FollowUpView(props: FollowUpViewProps): JSX.Element {
  const progress = createMemo(() => readProgress(props.plan, props.today));
  // Each chart redraws only when its own figures change, not on every edit to the plan.
  const byFocusArea = createMemo(() => progress().byFocusArea, undefined, { equals: sameGroups });
  const byOrganisation = createMemo(() => progress().byOrganisation, undefined, { equals: sameGroups });
  const byReformPart = createMemo(() => progress().byReformPart, undefined, { equals: sameGroups });
  const total = createMemo(() => progress().total, undefined, { equals: (a, b) => sameGroups([a], [b]) });

  const [plot, setPlot] = createSignal<Plot | null>(null);
  const [failed, setFailed] = createSignal(false);
  let open = true;
  onCleanup(() => (open = false));
  loadPlot().then(
    (loaded) => open && setPlot(() => loaded),
    () => open && setFailed(true),
  );

  return (
    <div class="follow-up">
      <h2>{t('followUp.heading')}</h2>
      <p>
        {total().total === 0
          ? t('followUp.empty')
          : t('followUp.summary', { total: total().total, done: total().done, percent: total().percentDone })}
      </p>
      <OverdueList overdue={progress().overdue} onOpenActivity={(id) => props.onOpenActivity(id)} />
      <p class="follow-up__load" role="status" data-print="hide">
        {failed() ? t('followUp.loadFailed') : plot() === null ? t('followUp.loading') : ''}
      </p>
      <ProgressChart
        id="follow-up-by-area"
        title={t('followUp.byFocusArea')}
        groupHeading={t('followUp.column.focusArea')}
        groups={byFocusArea()}
        total={total()}
        plot={plot()}
        tableOpen={failed()}
      />
      <ProgressChart
        id="follow-up-by-organisation"
        title={t('followUp.byOrganisation')}
        groupHeading={t('followUp.column.organisation')}
        groups={byOrganisation()}
        note={t('followUp.byOrganisation.note')}
        plot={plot()}
        tableOpen={failed()}
      />
      <ProgressChart
        id="follow-up-by-part"
        title={t('followUp.byReformPart')}
        groupHeading={t('followUp.column.reformPart')}
        groups={byReformPart()}
        note={t('followUp.byReformPart.note')}
        plot={plot()}
        tableOpen={failed()}
      />
    </div>
  );
}

/** Same groups with the same figures, in the same order: nothing a chart or table would draw differently. */
function sameGroups(a: readonly ProgressGroup[], b: readonly ProgressGroup[]): boolean {
  return (
    a.length === b.length &&
    a.every((group, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        group.key === other.key &&
        labelOf(group) === labelOf(other) &&
        Object.entries(group.counts).every(
          ([status, count]) => other.counts[status as keyof typeof other.counts] === count,
        )
      );
    })
  );
}

/** The name a group is drawn with, so a rename redraws the chart. */
const labelOf = (group: ProgressGroup): string =>
  group.subject.kind === 'focusArea' || group.subject.kind === 'participant' ? group.subject.name : '';
