// One cell of the plan, whatever its row: which cells can conflict, reading one, and writing one through its edit's validation.
import * as Y from 'yjs';
import { prepareActivityField } from './activities.ts';
import type { CellWrite } from './commit.ts';
import { prepareFocusAreaCell } from './focusAreas.ts';
import { prepareMetaCell } from './meta.ts';
import { prepareParticipantName } from './participants.ts';
import { readActivity } from './plan.ts';
import { fail } from './result.ts';
import type { Result } from './result.ts';
import { ACTIVITY_FIELDS } from './schema.ts';
import type {
  ActivityField,
  ActivityId,
  CellRef,
  FocusAreaId,
  LogTarget,
  LogValue,
  ParticipantId,
} from './schema.ts';
import { activitiesOf, focusAreasOf, metaOf, participantsOf } from './shared.ts';

/**
 * The cells where two concurrent values are a conflict, in display order. Sets (owners, reform parts) merge
 * in Yjs, so both people win; an order key is a position, not something anyone typed.
 */
export const CONFLICT_FIELDS: Readonly<Record<LogTarget, readonly string[]>> = {
  meta: ['title', 'county'],
  participant: ['name'],
  focusArea: ['name', 'priority'],
  activity: [
    'focusAreaId',
    'step',
    'text',
    'responsible',
    'status',
    'due',
    'note',
    'decision',
    'decisionDate',
  ],
};

export const isConflictField = (target: LogTarget, field: string): boolean =>
  CONFLICT_FIELDS[target].includes(field);

const isActivityField = (field: string): field is ActivityField =>
  (ACTIVITY_FIELDS as readonly string[]).includes(field);

/** True while the cell's row is in the plan (plan settings always are). */
export function rowExists(doc: Y.Doc, target: LogTarget, id: string): boolean {
  switch (target) {
    case 'activity':
      return activitiesOf(doc).get(id) instanceof Y.Map;
    case 'focusArea':
      return focusAreasOf(doc).get(id) instanceof Y.Map;
    case 'participant':
      return participantsOf(doc).get(id) instanceof Y.Map;
    case 'meta':
      return true;
  }
}

/** The cell's value now, as the plan shows it; undefined when its row is gone. */
export function readCell(doc: Y.Doc, cell: CellRef): LogValue | undefined {
  if (cell.target === 'activity') {
    const activity = readActivity(doc, cell.id as ActivityId);
    if (activity === undefined || !(cell.field === 'order' || isActivityField(cell.field))) return undefined;
    return activity[cell.field] as LogValue;
  }
  const row =
    cell.target === 'meta'
      ? metaOf(doc)
      : (cell.target === 'focusArea' ? focusAreasOf(doc) : participantsOf(doc)).get(cell.id);
  if (!(row instanceof Y.Map)) return undefined;
  const value: unknown = row.get(cell.field);
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

/**
 * Validates `value` for the cell exactly as the cell's normal edit does, and returns the write, not yet run.
 * Refused: cells nobody edits by hand (order keys, a participant's kind).
 */
export function prepareCellWrite(doc: Y.Doc, cell: CellRef, value: unknown): Result<CellWrite> {
  switch (cell.target) {
    case 'activity':
      return isActivityField(cell.field)
        ? prepareActivityField(doc, cell.id as ActivityId, cell.field, value)
        : fail('unknown_field', `no activity field ${cell.field}`, cell.field);
    case 'focusArea':
      return prepareFocusAreaCell(doc, cell.id as FocusAreaId, cell.field, value);
    case 'participant':
      return cell.field === 'name'
        ? prepareParticipantName(doc, cell.id as ParticipantId, value)
        : fail('unknown_field', `no participant field ${cell.field}`, cell.field);
    case 'meta':
      return cell.id === cell.field
        ? prepareMetaCell(doc, cell.field, value)
        : fail('unknown_field', `no plan setting ${cell.id}`, cell.field);
  }
}
