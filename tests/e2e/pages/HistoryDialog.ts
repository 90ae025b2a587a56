// The history dialog as a user drives it: open it from the toolbar, pick a tab, read values and changes, restore.
import type { Locator, Page } from 'playwright-core';
import { sv } from '../../../src/i18n/sv.ts';

export type HistoryTab = 'cell' | 'since' | 'planAt';

const TAB_NAMES: Readonly<Record<HistoryTab, string>> = {
  cell: sv['history.tab.cell'],
  since: sv['history.tab.since'],
  planAt: sv['history.tab.planAt'],
};

/** One line of a list in the dialog: the value (or activity) in bold, and the "who, when: what" line. */
export interface HistoryLine {
  readonly value: string;
  readonly meta: string;
}

export class HistoryDialog {
  readonly dialog: Locator;
  readonly openButton: Locator;
  /** The dialog's polite line (restored, fetched). */
  readonly status: Locator;
  /** The dialog's assertive line (a refusal, the server out of reach). */
  readonly problem: Locator;
  /** The question before the plan is restored, and its answer. */
  readonly confirmRestore: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: sv['history.title'], exact: true });
    this.openButton = page.getByRole('button', { name: sv['history.open'], exact: true });
    this.status = this.dialog.locator('.history__status');
    this.problem = this.dialog.locator('.history__problem');
    this.confirmRestore = page
      .getByRole('dialog', { name: sv['history.at.confirmTitle'], exact: true })
      .getByRole('button', { name: sv['history.at.confirmSubmit'], exact: true });
  }

  /** Clicks "Historik" and waits for the dialog. */
  async open(): Promise<void> {
    await this.openButton.click();
    await this.dialog.waitFor();
  }

  /** Closes with Esc, as a keyboard user does, and waits until it is gone. */
  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.dialog.waitFor({ state: 'hidden' });
  }

  tab(tab: HistoryTab): Locator {
    return this.dialog.getByRole('tab', { name: TAB_NAMES[tab], exact: true });
  }

  /** The panel the tab shows (only the selected one is visible). */
  panel(tab: HistoryTab): Locator {
    return this.dialog.getByRole('tabpanel', { name: TAB_NAMES[tab], exact: true });
  }

  async select(tab: HistoryTab): Promise<Locator> {
    await this.tab(tab).click();
    return this.panel(tab);
  }

  /** The lines of a list in `scope`, top to bottom. */
  async lines(scope: Locator): Promise<HistoryLine[]> {
    return scope.locator('.history-list__item').evaluateAll((items) =>
      items.map((item) => ({
        value: item.querySelector('.history-list__value')?.textContent?.trim() ?? '',
        meta: item.querySelector('.history-list__meta')?.textContent?.trim() ?? '',
      })),
    );
  }

  /** Shows the plan as it was on `date` (and at `time`, when given) and waits for the answer. */
  async showPlanAt(date: string, time = ''): Promise<void> {
    const panel = this.panel('planAt');
    await panel.getByLabel(sv['history.at.date'], { exact: true }).fill(date);
    await panel.getByLabel(sv['history.at.time'], { exact: true }).fill(time);
    await panel.getByRole('button', { name: sv['history.at.show'], exact: true }).click();
  }

  /** The past plan's table rows, by activity id: the cells' texts in column order. */
  async pastRows(): Promise<Map<string, string[]>> {
    const rows = await this.panel('planAt')
      .locator('.history-table tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.getAttribute('data-activity-id') ?? '',
          [...tr.children].map((cell) => cell.textContent?.trim() ?? ''),
        ]),
      );
    return new Map(rows as [string, string[]][]);
  }
}
