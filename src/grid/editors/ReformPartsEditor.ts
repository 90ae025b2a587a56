// The reform parts cell editor: the reform's ten supporting parts as checkboxes; the value is the part numbers.
import type { CellEditorSelectorResult } from 'ag-grid-community';
import { t } from '../../i18n/index.ts';
import { REFORM_PARTS } from '../../model/schema.ts';
import { choiceListEditor } from './ChoiceListEditor.ts';

/** The editor for the `reformParts` column: parts 1–10, labelled "Bärande del n". */
export const reformPartsEditor = (label: string): CellEditorSelectorResult =>
  choiceListEditor({
    choices: REFORM_PARTS.map((part) => ({ value: part, label: t('grid.reformPart', { part }) })),
    mode: 'many',
    label,
    className: 'choice-list-editor--reform-parts',
  });
