// The owners cell editor: the plan's participants as checkboxes; the value is the list of owner ids.
import type { CellEditorSelectorResult } from 'ag-grid-community';
import type { Participant } from '../../model/schema.ts';
import { choiceListEditor } from './ChoiceListEditor.ts';

/** The editor for the `owners` column, with the participants as they are when editing starts. */
export const ownersEditor = (participants: readonly Participant[], label: string): CellEditorSelectorResult =>
  choiceListEditor({
    choices: participants.map((participant) => ({ value: participant.id, label: participant.name })),
    mode: 'many',
    label,
    className: 'choice-list-editor--owners',
  });
