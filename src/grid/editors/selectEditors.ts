// Single-choice cell editors (focus area, step, status): a radio list in a popup that opens however editing starts.
import type { CellEditorSelectorResult } from 'ag-grid-community';
import { t } from '../../i18n/index.ts';
import { STATUSES, STEPS } from '../../model/schema.ts';
import type { FocusArea } from '../../model/schema.ts';
import { choiceListEditor } from './ChoiceListEditor.ts';

/** The editor for the `focusAreaId` column: the plan's focus areas by name, in plan order. */
export const focusAreaEditor = (focusAreas: readonly FocusArea[]): CellEditorSelectorResult =>
  choiceListEditor({
    choices: focusAreas.map((area) => ({ value: area.id, label: area.name })),
    mode: 'one',
    label: t('column.focusArea'),
    className: 'choice-list-editor--focus-area',
  });

/** The editor for the `step` column: Steg 1, 2, 3 (stored as the number). */
export const stepEditor = (): CellEditorSelectorResult =>
  choiceListEditor({
    choices: STEPS.map((step) => ({ value: step, label: t('step.label', { step }) })),
    mode: 'one',
    label: t('column.step'),
  });

/** The editor for the `status` column: the statuses in their words (stored as the key). */
export const statusEditor = (): CellEditorSelectorResult =>
  choiceListEditor({
    choices: STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) })),
    mode: 'one',
    label: t('column.status'),
  });
