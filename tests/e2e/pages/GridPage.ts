// The plan grid as a user drives it: find rows by activity id, read cell text, edit cells through their editors.
import type { Locator, Page } from 'playwright-core';

/** A grid column that a person can edit (col-id = the model's field name; priority is the focus area's). */
export type EditableField =
  | 'priority'
  | 'focusAreaId'
  | 'step'
  | 'text'
  | 'owners'
  | 'responsible'
  | 'status'
  | 'due'
  | 'reformParts'
  | 'note';
export type Field = EditableField;

type PickOne = 'focusAreaId' | 'step' | 'status';
type PickMany = 'owners' | 'reformParts';

/** What `editCell` takes: text for text fields and dates, a label for single choices, labels to toggle for sets. */
export type EditValue<F extends EditableField> = F extends PickMany ? readonly string[] : string;

const isPickOne = (field: EditableField): field is PickOne =>
  field === 'focusAreaId' || field === 'step' || field === 'status';
const isPickMany = (field: EditableField): field is PickMany => field === 'owners' || field === 'reformParts';

export class GridPage {
  readonly host: Locator;

  constructor(private readonly page: Page) {
    this.host = page.getByTestId('plan-grid');
  }

  /**
   * Waits until the grid shows the loaded plan's rows. A reopened plan first shows the rows this device showed
   * last, marked busy (and read-only) until its document has loaded.
   */
  async waitForRows(): Promise<void> {
    await this.host.locator('.ag-row[row-id]').first().waitFor();
    await this.page.locator('.plan-grid-area:not([aria-busy="true"])').waitFor();
  }

  /** The row of one activity (only rows in or near the view are in the DOM: see `reveal`). */
  row(id: string): Locator {
    return this.host.locator(`.ag-row[row-id="${id}"]`);
  }

  cell(id: string, field: Field): Locator {
    return this.row(id).locator(`[col-id="${field}"]`);
  }

  /** The status chip shown in a row's status cell, for a status key (`done`, `in_progress`, …). */
  statusChip(id: string, status: string): Locator {
    return this.cell(id, 'status').locator(`.status-chip[data-status="${status}"]`);
  }

  /** The handle a person drags a row by (in the Prioritet cell). */
  dragHandle(id: string): Locator {
    return this.cell(id, 'priority').locator('.ag-row-drag');
  }

  /** The open popup text editor (text, note). */
  get textEditor(): Locator {
    return this.page.locator('.ag-popup-editor textarea');
  }

  /** The open date editor (Klart senast). */
  get dateEditor(): Locator {
    return this.page.locator('.ag-popup-editor input[type=date]');
  }

  /** Any open cell editor: a popup, or an input inside a cell. */
  get anyEditor(): Locator {
    return this.page.locator('.ag-popup-editor, .ag-cell-inline-editing');
  }

  /** Scrolls the grid until the row is rendered, from the top down; fails if it never appears. */
  async reveal(id: string): Promise<Locator> {
    const row = this.row(id);
    if ((await row.count()) > 0) return row;
    const viewport = this.host.locator('.ag-grid-viewport');
    await viewport.evaluate((element) => element.scrollTo({ top: 0 }));
    for (let step = 0; step < 200; step++) {
      const found = await row
        .waitFor({ state: 'attached', timeout: 250 })
        .then(() => true)
        .catch(() => false);
      if (found) return row;
      const atEnd = await viewport.evaluate((element) => {
        const before = element.scrollTop;
        element.scrollBy({ top: element.clientHeight / 2 });
        return element.scrollTop === before;
      });
      if (atEnd && (await row.count()) === 0) break;
    }
    throw new Error(`row ${id} is not in the grid`);
  }

  /** The ids of the rows in the DOM, top to bottom (only rows in or near the view are rendered). */
  async renderedRowIds(): Promise<string[]> {
    return this.host.locator('.ag-row[row-id][row-index]').evaluateAll((rows) => {
      const index = new Map<string, number>();
      for (const row of rows)
        index.set(row.getAttribute('row-id') ?? '', Number(row.getAttribute('row-index')));
      return [...index].sort((a, b) => a[1] - b[1]).map(([id]) => id);
    });
  }

  /** How many rows the grid shows after search and filters, rendered or not (its aria-rowcount less the header row). */
  async displayedRowCount(): Promise<number> {
    const count = await this.host
      .locator('[role="treegrid"], [role="grid"]')
      .first()
      .getAttribute('aria-rowcount');
    return Number(count) - 1;
  }

  /** Where a row is displayed (0 = top), from its `row-index`. */
  async rowIndex(id: string): Promise<number> {
    await this.reveal(id);
    return Number(await this.row(id).first().getAttribute('row-index'));
  }

  /** Selects a row with a click, as a person does before "Ta bort". */
  async select(id: string): Promise<void> {
    await this.reveal(id);
    await this.cell(id, 'focusAreaId').click();
    await this.host.locator(`.ag-row-selected[row-id="${id}"]`).first().waitFor();
  }

  /** Drags a row by its handle with the mouse and drops it on the middle of the row `ontoId`. */
  async dragRow(id: string, ontoId: string): Promise<void> {
    await this.reveal(id);
    await this.reveal(ontoId);
    const from = await this.dragHandle(id).boundingBox();
    const onto = await this.row(ontoId).first().boundingBox();
    if (!from || !onto) throw new Error(`cannot drag ${id} onto ${ontoId}: a row is not visible`);
    const mouse = this.page.mouse;
    await mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await mouse.down();
    await mouse.move(onto.x + onto.width / 2, onto.y + onto.height / 2, { steps: 10 });
    await mouse.up();
  }

  /** The text a cell shows, trimmed. */
  async cellText(id: string, field: Field): Promise<string> {
    await this.reveal(id);
    return (await this.cell(id, field).innerText()).trim();
  }

  /**
   * Starts watching a cell for AG Grid's change flash and resolves once it has flashed. The flash class lasts
   * 500 ms and Playwright's own polling settles at one look per 500 ms, so the page watches for it itself.
   * Returns the wait, to call once the change that should flash has been made.
   */
  async watchFlash(id: string, field: Field, timeoutMs = 10_000): Promise<() => Promise<void>> {
    await this.page.evaluate(
      ({ id, field, timeoutMs }) => {
        const selector = `.ag-row[row-id="${id}"] [col-id="${field}"].ag-cell-data-changed`;
        const done = new Promise<boolean>((resolve) => {
          const observer = new MutationObserver(() => {
            if (document.querySelector(selector) === null) return;
            observer.disconnect();
            resolve(true);
          });
          observer.observe(document.body, {
            subtree: true,
            childList: true,
            attributes: true,
            attributeFilter: ['class'],
          });
          setTimeout(() => {
            observer.disconnect();
            resolve(false);
          }, timeoutMs);
        });
        (window as unknown as Record<string, Promise<boolean>>)[`flash:${id}:${field}`] = done;
      },
      { id, field, timeoutMs },
    );
    return async () => {
      const flashed = await this.page.evaluate(
        (key) => (window as unknown as Record<string, Promise<boolean>>)[key],
        `flash:${id}:${field}`,
      );
      if (!flashed) throw new Error(`the cell ${field} of ${id} did not flash within ${timeoutMs} ms`);
    };
  }

  /** Opens the cell's editor the way a person does: a double click. */
  async startEditing(id: string, field: EditableField): Promise<void> {
    await this.reveal(id);
    await this.cell(id, field).dblclick();
  }

  /** Edits a cell through its own editor and waits until the editor has closed. */
  async editCell<F extends EditableField>(id: string, field: F, value: EditValue<F>): Promise<void> {
    await this.startEditing(id, field);
    if (isPickOne(field)) {
      await this.choice(value as string).click(); // a click on a single choice saves
    } else if (isPickMany(field)) {
      for (const label of value as readonly string[]) await this.choice(label).click();
      await this.page.locator('.choice-list-editor button[data-action="save"]').click();
    } else {
      const input =
        field === 'text' || field === 'note'
          ? this.textEditor
          : field === 'due'
            ? this.dateEditor
            : this.cell(id, field).locator('input');
      await input.fill(value as string);
      await input.press('Enter');
    }
    await this.anyEditor.first().waitFor({ state: 'detached' });
  }

  /**
   * Opens a date cell's editor and types `segments` key by key from its first segment, as a person does (a date
   * field's own order, e.g. mm/dd/yyyy); leaves the editor open and returns its input.
   */
  async typeDate(id: string, segments: readonly string[]): Promise<Locator> {
    await this.startEditing(id, 'due');
    await this.dateEditor.focus();
    for (let step = 0; step < segments.length; step++) await this.dateEditor.press('ArrowLeft');
    for (const segment of segments) await this.page.keyboard.type(segment);
    return this.dateEditor;
  }

  /** One choice in the open choice-list editor, by its exact label. */
  private choice(label: string): Locator {
    return this.page
      .locator('.choice-list-editor label')
      .filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) });
  }
}
