// The plan's toolbar: quick search, filters (owner, status, step), and add / new focus area / delete / export buttons.
import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { STATUSES, STEPS } from '../../model/schema.ts';
import type { Participant, ParticipantId, Status, Step } from '../../model/schema.ts';
import type { GridFilters } from '../../state/types.ts';

interface PlanToolbarProps {
  participants: readonly Participant[];
  quickFilter: string;
  filters: GridFilters;
  readOnly: boolean;
  selectedCount: number;
  onQuickFilter: (text: string) => void;
  onFilters: (filters: GridFilters) => void;
  onAdd: () => void;
  onAddFocusArea: () => void;
  onDelete: () => void;
  onExport: () => void;
}

/** Search and filter narrow what the grid shows; export always writes the whole plan. */
export function PlanToolbar(props: PlanToolbarProps): JSX.Element {
  const setFilter = <K extends keyof GridFilters>(key: K, value: GridFilters[K]): void =>
    props.onFilters({ ...props.filters, [key]: value });

  return (
    <div class="toolbar" role="group" aria-label={t('toolbar.label')}>
      <div class="toolbar__group">
        <div class="field field--inline">
          <label for="quick-filter">{t('toolbar.search')}</label>
          <input
            id="quick-filter"
            type="search"
            value={props.quickFilter}
            onInput={(event) => props.onQuickFilter(event.currentTarget.value)}
          />
        </div>
        <div class="field field--inline">
          <label for="filter-owner">{t('toolbar.filterOwner')}</label>
          <select
            id="filter-owner"
            value={props.filters.owner}
            onChange={(event) => setFilter('owner', event.currentTarget.value as ParticipantId | '')}
          >
            <option value="">{t('toolbar.all')}</option>
            <For each={props.participants}>{(p) => <option value={p.id}>{p.name}</option>}</For>
          </select>
        </div>
        <div class="field field--inline">
          <label for="filter-status">{t('toolbar.filterStatus')}</label>
          <select
            id="filter-status"
            value={props.filters.status}
            onChange={(event) => setFilter('status', event.currentTarget.value as Status | '')}
          >
            <option value="">{t('toolbar.all')}</option>
            <For each={STATUSES}>{(s) => <option value={s}>{t(`status.${s}`)}</option>}</For>
          </select>
        </div>
        <div class="field field--inline">
          <label for="filter-step">{t('toolbar.filterStep')}</label>
          <select
            id="filter-step"
            value={String(props.filters.step)}
            onChange={(event) => setFilter('step', Number(event.currentTarget.value) as Step | 0)}
          >
            <option value="0">{t('toolbar.all')}</option>
            <For each={STEPS}>{(s) => <option value={String(s)}>{t('step.label', { step: s })}</option>}</For>
          </select>
        </div>
      </div>
      <div class="toolbar__group">
        <Show when={!props.readOnly}>
          <button type="button" class="button button--primary" onClick={() => props.onAdd()}>
            {t('toolbar.add')}
          </button>
          <button type="button" class="button" onClick={() => props.onAddFocusArea()}>
            {t('toolbar.addFocusArea')}
          </button>
          <button
            type="button"
            class="button"
            disabled={props.selectedCount === 0}
            onClick={() => props.onDelete()}
          >
            {t('toolbar.delete')}
          </button>
        </Show>
        <button type="button" class="button" onClick={() => props.onExport()}>
          {t('toolbar.export')}
        </button>
      </div>
    </div>
  );
}
