// The due-date cell editor: the browser's date field in a popup; what the field holds goes to the model as it is.
import type { ICellEditorComp, ICellEditorParams } from 'ag-grid-community';

/** The field's bounds, the model's years (1900–2200), as `YYYY-MM-DD`. */
export interface DueDateParams {
  readonly min: string;
  readonly max: string;
  /** The field's accessible name, usually the column's header. */
  readonly label: string;
}

/** What the editor gives when the field holds no real day (31 February, a half-typed date): the model refuses it. */
export const NOT_A_DATE = 'not-a-date';

/**
 * Edits `due` in an `<input type="date">`: `YYYY-MM-DD`, or '' when the person empties the field.
 * AG Grid's date editor reads an impossible or half-typed date as empty (clearing the stored date without a word)
 * and drops a date outside its bounds without a word; this one hands both to the model, which refuses them with
 * `bad_date`, so the person sees why and the stored date stays.
 */
export class DueDateEditor implements ICellEditorComp {
  private gui!: HTMLElement;
  private input!: HTMLInputElement;

  init(params: ICellEditorParams & DueDateParams): void {
    const input = document.createElement('input');
    input.type = 'date';
    input.className = 'ag-input-field-input ag-date-field-input';
    input.min = params.min;
    input.max = params.max;
    input.value = typeof params.value === 'string' ? params.value : '';
    input.setAttribute('aria-label', params.label);
    const gui = document.createElement('div');
    gui.className = 'ag-cell-editor ag-input-field ag-date-field due-date-editor';
    gui.append(input);
    this.gui = gui;
    this.input = input;
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  afterGuiAttached(): void {
    this.input.focus();
  }

  isPopup(): boolean {
    return true;
  }

  getValue(): string {
    return this.input.validity.badInput ? NOT_A_DATE : this.input.value;
  }
}
