// One activity in an overview cell: its text (the button that opens it in the table), status, owners, due date, decision.
import { Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { ActivityId } from '../../model/schema.ts';
import type { OverviewItem as Item } from './overviewTable.ts';

export interface OverviewItemProps {
  item: Item;
  /** The id of the hint every activity button is described by ("Öppnar aktiviteten i tabellen."). */
  hintId: string;
  onOpen: (id: ActivityId) => void;
}

/** The decision as the minutes write it: "Beslut 2026-11-23: …", or without a date when none is set. */
function decisionLine(item: Item): string {
  if (item.decision === '') return t('overview.decisionDateOnly', { date: item.decisionDate });
  if (item.decisionDate === '') return t('overview.decision', { text: item.decision });
  return t('overview.decisionDated', { date: item.decisionDate, text: item.decision });
}

/** A list item; the status is a chip with its word, so it never rests on colour alone. */
export function OverviewItem(props: OverviewItemProps): JSX.Element {
  return (
    <li class="overview-item" classList={{ 'overview-item--overdue': props.item.overdue }}>
      <button
        type="button"
        class="overview-item__open"
        aria-describedby={props.hintId}
        onClick={() => props.onOpen(props.item.id)}
      >
        {props.item.text}
      </button>
      <span class="overview-item__meta">
        <span class={`status-chip status-chip--${props.item.status}`}>
          {t(`status.${props.item.status}`)}
        </span>
        <Show
          when={props.item.owners !== ''}
          fallback={
            <span class="overview-item__owners overview-item__owners--none">{t('overview.noOwner')}</span>
          }
        >
          <span class="overview-item__owners">
            <span class="visually-hidden">{t('overview.owners')} </span>
            {props.item.owners}
          </span>
        </Show>
        <Show when={props.item.due !== ''}>
          <span class="overview-item__due">
            {t('overview.due', { date: props.item.due })}
            <Show when={props.item.overdue}>
              <span class="overdue-tag">{t('due.overdue')}</span>
            </Show>
          </span>
        </Show>
      </span>
      <Show when={props.item.decision !== '' || props.item.decisionDate !== ''}>
        <span class="overview-item__decision">{decisionLine(props.item)}</span>
      </Show>
    </li>
  );
}
