// A popup cell editor that picks from a list: radio buttons for one value, checkboxes for a set; keyboard-first.
import type { CellEditorSelectorResult, ICellEditorComp, ICellEditorParams } from 'ag-grid-community';
import { t } from '../../i18n/index.ts';

/** One choice in the list. */
export interface Choice<V> {
  readonly value: V;
  readonly label: string;
}

/** What a column passes to the editor (through `cellEditorSelector`, so the choices are read when editing starts). */
export interface ChoiceListParams<V> {
  /** The choices, in the order they are shown (and, for a set, returned). */
  readonly choices: readonly Choice<V>[];
  /** 'one' edits a single value (radio buttons), 'many' a list of values (checkboxes). */
  readonly mode: 'one' | 'many';
  /** The accessible name of the list, usually the column's header. */
  readonly label: string;
  /** A modifier class for the popup, to size it per column. */
  readonly className?: string;
}

let nextId = 0;

/** The `cellEditorSelector` result for a choice list popup under the cell. */
export function choiceListEditor<V>(params: ChoiceListParams<V>): CellEditorSelectorResult {
  return { component: ChoiceListEditor, params, popup: true, popupPosition: 'under' };
}

/**
 * Edits a cell by picking from a list in a popup (`.choice-list-editor`).
 * Keys: ↑/↓ move (and, for radios, choose), Tab/Shift+Tab cycle through the list and the buttons, Space toggles,
 * Enter commits, Escape cancels. A mouse click on a radio commits at once.
 * `getValue()` gives the chosen value ('one') or the checked values in the choices' order ('many').
 */
export class ChoiceListEditor<V> implements ICellEditorComp {
  private gui!: HTMLElement;
  private inputs: HTMLInputElement[] = [];
  private choices: readonly Choice<V>[] = [];
  private mode: 'one' | 'many' = 'many';
  private cancelled = false;
  private params!: ICellEditorParams;

  init(params: ICellEditorParams & ChoiceListParams<V>): void {
    this.params = params;
    this.choices = params.choices;
    this.mode = params.mode;
    const current: unknown = params.value;
    const isChosen = (value: V): boolean =>
      this.mode === 'many' ? Array.isArray(current) && current.includes(value) : current === value;
    const id = `choice-list-${++nextId}`;

    const gui = document.createElement('div');
    gui.className = ['choice-list-editor', `choice-list-editor--${this.mode}`, params.className ?? '']
      .join(' ')
      .trim();
    gui.setAttribute('role', 'group');
    gui.setAttribute('aria-label', params.label);
    gui.setAttribute('aria-describedby', `${id}-hint`);

    const list = document.createElement('div');
    list.className = 'choice-list-editor__list';
    list.setAttribute('role', this.mode === 'one' ? 'radiogroup' : 'group');
    list.setAttribute('aria-label', params.label);
    this.inputs = this.choices.map((choice, index) => {
      const label = document.createElement('label');
      label.className = 'choice-list-editor__item';
      const input = document.createElement('input');
      input.type = this.mode === 'one' ? 'radio' : 'checkbox';
      input.name = id;
      input.value = String(index);
      input.checked = isChosen(choice.value);
      // A real click (detail > 0) on a radio is a choice; arrow keys also "click" radios, with detail 0.
      if (this.mode === 'one') input.addEventListener('click', (event) => event.detail > 0 && this.commit());
      label.append(input, document.createTextNode(choice.label));
      list.append(label);
      return input;
    });

    const hint = document.createElement('p');
    hint.id = `${id}-hint`;
    hint.className = 'choice-list-editor__hint';
    hint.textContent = t(this.mode === 'one' ? 'grid.editor.hintOne' : 'grid.editor.hint');

    const buttons = document.createElement('div');
    buttons.className = 'choice-list-editor__buttons';
    buttons.append(
      this.button(t('grid.editor.cancel'), 'cancel', () => this.cancel()),
      this.button(t('grid.editor.save'), 'save', () => this.commit()),
    );

    gui.append(list, hint, buttons);
    gui.addEventListener('keydown', (event) => this.onKeyDown(event));
    this.gui = gui;
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  afterGuiAttached(): void {
    const first = this.inputs.find((input) => input.checked) ?? this.inputs[0];
    first?.focus();
  }

  isPopup(): boolean {
    return true;
  }

  getPopupPosition(): 'over' | 'under' {
    return 'under';
  }

  getValue(): V | V[] | null {
    const chosen = this.choices
      .filter((_, index) => this.inputs[index]?.checked === true)
      .map((choice) => choice.value);
    return this.mode === 'many' ? chosen : (chosen[0] ?? (this.params.value as V | null));
  }

  isCancelAfterEnd(): boolean {
    return this.cancelled;
  }

  private button(text: string, action: string, onClick: () => void): HTMLButtonElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    button.dataset['action'] = action;
    button.addEventListener('click', onClick);
    return button;
  }

  private commit(event?: KeyboardEvent): void {
    this.params.stopEditing(false, event);
  }

  private cancel(): void {
    this.cancelled = true;
    this.params.stopEditing();
  }

  private move(from: EventTarget | null, delta: number): void {
    const index = this.inputs.indexOf(from as HTMLInputElement);
    const next = this.inputs[index < 0 ? 0 : (index + delta + this.inputs.length) % this.inputs.length];
    if (!next) return;
    next.focus();
    if (this.mode === 'one') next.checked = true;
  }

  /** Tab order: the list (one stop for radios, every box for checkboxes), then the buttons; it wraps around. */
  private tab(from: EventTarget | null, backwards: boolean): void {
    const list =
      this.mode === 'one' ? [this.inputs.find((input) => input.checked) ?? this.inputs[0]] : this.inputs;
    const stops = [...list, ...this.gui.querySelectorAll<HTMLElement>('button')].filter(
      (element): element is HTMLElement => element !== undefined,
    );
    const index = stops.indexOf(from as HTMLElement);
    const next = index < 0 ? 0 : (index + (backwards ? -1 : 1) + stops.length) % stops.length;
    stops[next]?.focus();
  }

  // Every key is kept from the grid (which would move cells or stop editing); the editor handles its own.
  private onKeyDown(event: KeyboardEvent): void {
    event.stopPropagation();
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
      case 'ArrowLeft':
      case 'ArrowRight':
        if (!(event.target instanceof HTMLInputElement)) return;
        event.preventDefault();
        this.move(event.target, event.key === 'ArrowDown' || event.key === 'ArrowRight' ? 1 : -1);
        break;
      case 'Tab':
        event.preventDefault();
        this.tab(event.target, event.shiftKey);
        break;
      case 'Enter':
        event.preventDefault();
        // Enter on a button does that button's job; anywhere else it commits.
        if (event.target instanceof HTMLButtonElement) event.target.click();
        else this.commit(event);
        break;
      case 'Escape':
        event.preventDefault();
        this.cancel();
        break;
    }
  }
}
