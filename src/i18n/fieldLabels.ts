// An activity's fields by their column names ("Status", "Klart senast"): one list for the table, history and import.
import type { ActivityField } from '../model/schema.ts';
import type { MessageKey } from './sv.ts';

/** Each activity field's column header, in the plan's column order. */
export const ACTIVITY_FIELD_LABELS = {
  focusAreaId: 'column.focusArea',
  step: 'column.step',
  text: 'column.text',
  owners: 'column.owners',
  responsible: 'column.responsible',
  status: 'column.status',
  due: 'column.due',
  reformParts: 'column.reformParts',
  note: 'column.note',
  decision: 'column.decision',
  decisionDate: 'column.decisionDate',
} as const satisfies Record<ActivityField, MessageKey>;
