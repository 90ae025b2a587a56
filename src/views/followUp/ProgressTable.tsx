// One chart's figures as a table: a row per group, a column per status, the total and the share done.
import { For, Index, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { STATUSES } from '../../model/schema.ts';
import { groupName } from './labels.ts';
import type { ProgressGroup } from './progress.ts';

/** The numbers behind a chart, for screen readers and for anyone who wants them exactly. */
export function ProgressTable(props: {
  caption: string;
  /** The first column's heading (Fokusområde, Organisation, …). */
  groupHeading: string;
  groups: readonly ProgressGroup[];
  /** A last row for the whole plan, where the groups add up to it (each activity in exactly one group). */
  total?: ProgressGroup | undefined;
}): JSX.Element {
  return (
    <div class="follow-up__table-wrap">
      <table class="follow-up__table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.groupHeading}</th>
            <For each={STATUSES}>{(status) => <th scope="col">{t(`status.${status}`)}</th>}</For>
            <th scope="col">{t('followUp.column.total')}</th>
            <th scope="col">{t('followUp.column.done')}</th>
          </tr>
        </thead>
        <tbody>
          {/* Index, not For: a live change rewrites the numbers in place instead of rebuilding rows. */}
          <Index each={props.groups}>{(group) => <Row group={group()} />}</Index>
        </tbody>
        <Show when={props.total}>
          {(total) => (
            <tfoot>
              <Row group={total()} />
            </tfoot>
          )}
        </Show>
      </table>
    </div>
  );
}

function Row(props: { group: ProgressGroup }): JSX.Element {
  return (
    <tr data-key={props.group.key}>
      <th scope="row">{groupName(props.group)}</th>
      <For each={STATUSES}>{(status) => <td data-status={status}>{props.group.counts[status]}</td>}</For>
      <td data-column="total">{props.group.total}</td>
      <td data-column="done">{t('followUp.percent', { percent: props.group.percentDone })}</td>
    </tr>
  );
}
