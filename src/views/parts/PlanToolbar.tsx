// The plan's toolbar: quick search, filters (owner, status, step), and add / new focus area / delete / export / import.
import { Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { STATUSES, STEPS } from '../../model/schema.ts';
import type { Participant, ParticipantId, Status, Step } from '../../model/schema.ts';
import type { GridFilters } from '../../state/types.ts';
import { SelectField } from './SelectField.tsx';

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
  /** Opens the CSV import (edit links only). */
  onImport: () => void;
  /** Opens the columns dialog (which columns show, in what order). */
  onColumns: () => void;
  /** True while "Min organisation" decides the owner filter. */
  ownerLocked: boolean;
  /** Opens the history (for viewers too: reading it changes nothing). */
  onHistory: () => void;
  /** Opens the list of keyboard shortcuts. */
  onShortcuts?: () => void;
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
        <SelectField
          inline
          emptyLabel={t('toolbar.all')}
          id="filter-owner"
          label={t('toolbar.filterOwner')}
          value={props.filters.owner}
          options={props.participants.map((p) => ({ value: p.id, label: p.name }))}
          onChange={(value) => setFilter('owner', value as ParticipantId | '')}
          disabled={props.ownerLocked}
          describedBy={props.ownerLocked ? 'mine-hint' : undefined}
        />
        <SelectField
          inline
          emptyLabel={t('toolbar.all')}
          id="filter-status"
          label={t('toolbar.filterStatus')}
          value={props.filters.status}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          onChange={(value) => setFilter('status', value as Status | '')}
        />
        <SelectField
          inline
          emptyLabel={t('toolbar.all')}
          id="filter-step"
          label={t('toolbar.filterStep')}
          value={props.filters.step === 0 ? '' : String(props.filters.step)}
          options={STEPS.map((s) => ({ value: String(s), label: t('step.label', { step: s }) }))}
          onChange={(value) => setFilter('step', (value === '' ? 0 : Number(value)) as Step | 0)}
        />
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
        <Show when={!props.readOnly}>
          <button type="button" class="button" onClick={() => props.onImport()}>
            {t('toolbar.import')}
          </button>
        </Show>
        <button type="button" class="button" onClick={() => props.onColumns()}>
          {t('toolbar.columns')}
        </button>
        <button type="button" class="button" onClick={() => props.onHistory()}>
          {t('history.open')}
        </button>
        <button type="button" class="button" aria-keyshortcuts="?" onClick={() => props.onShortcuts?.()}>
          {t('shortcuts.open')}
        </button>
      </div>
    </div>
  );
}
