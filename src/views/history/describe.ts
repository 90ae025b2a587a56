// Cells and logged values in words: "Status" and "Pågår" rather than `status` and `in_progress`.
import { t } from '../../i18n/index.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { ACTIVITY_FIELD_LABELS } from '../../i18n/fieldLabels.ts';
import { STATUSES } from '../../model/schema.ts';
import type { Actor, CellRef, LogValue, PlanSnapshot, Status } from '../../model/schema.ts';
import { isoDateTimeOf } from '../isoDate.ts';

const ACTIVITY_LABELS: Readonly<Record<string, MessageKey>> = ACTIVITY_FIELD_LABELS;

const OTHER_LABELS: Readonly<Record<string, MessageKey>> = {
  'focusArea.name': 'history.field.focusAreaName',
  'focusArea.priority': 'column.priority',
  'participant.name': 'history.field.participantName',
  'meta.title': 'history.field.title',
  'meta.county': 'history.field.county',
};

/** The cell's name as a person reads it ("Status", "Fokusområdets namn"). */
export function fieldLabel(cell: Pick<CellRef, 'target' | 'field'>): string {
  const key =
    cell.target === 'activity' ? ACTIVITY_LABELS[cell.field] : OTHER_LABELS[`${cell.target}.${cell.field}`];
  return key === undefined ? cell.field : t(key);
}

const isStatus = (value: unknown): value is Status => STATUSES.includes(value as Status);

/** A logged value as the grid would show it: names for ids, Swedish for keys, '(tomt)' for nothing. */
export function valueText(field: string, value: LogValue | undefined, plan: PlanSnapshot): string {
  if (value === undefined || value === null || value === '') return t('history.empty');
  if (Array.isArray(value)) {
    if (value.length === 0) return t('history.empty');
    if (field === 'owners') {
      const names = new Map<string, string>(plan.participants.map((p) => [p.id, p.name]));
      return value.map((id) => names.get(String(id)) ?? t('history.removedParticipant')).join(', ');
    }
    return value.join(', ');
  }
  if (field === 'status' && isStatus(value)) return t(`status.${value}`);
  if (field === 'step') return t('step.label', { step: String(value) });
  if (field === 'focusAreaId')
    return plan.focusAreas.find((area) => area.id === value)?.name ?? t('history.removedFocusArea');
  return String(value);
}

/** "Alice Andersson, Region Jämtland Härjedalen, 2026-11-23 14:32". */
export function authorLine(by: Actor, at: string): string {
  const who = by.organisation === '' ? by.name : `${by.name}, ${by.organisation}`;
  return t('history.byAt', { who, at: isoDateTimeOf(at) });
}
