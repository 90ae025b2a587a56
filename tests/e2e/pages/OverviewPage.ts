// The overview (Översikt) as a person reads it: focus area rows, step cells, the activities listed in them.
import type { Locator, Page } from 'playwright-core';
import { sv } from '../../../src/i18n/sv.ts';

export class OverviewPage {
  readonly heading: Locator;
  readonly table: Locator;
  /** The region the table scrolls in (reachable by keyboard). */
  readonly scrollRegion: Locator;
  /** Shown only in print: title, county and the date printed. */
  readonly printHeader: Locator;
  readonly navLink: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 2, name: sv['overview.heading'], exact: true });
    this.table = page.locator('table.overview-table');
    this.scrollRegion = page.getByRole('region', { name: sv['overview.region'], exact: true });
    this.printHeader = page.locator('.overview__print-header');
    this.navLink = page.getByRole('link', { name: sv['views.overview'], exact: true });
  }

  /** Opens the overview from the plan page's view links and waits for its rows. */
  async openFromNav(): Promise<this> {
    await this.navLink.click();
    await this.waitUntilShown();
    return this;
  }

  async waitUntilShown(): Promise<void> {
    await this.heading.waitFor();
    await this.table.locator('tbody tr').first().waitFor();
  }

  /** The focus area names in the rows' order. */
  async areaNames(): Promise<string[]> {
    return this.table.locator('tbody .overview-table__name').allInnerTexts();
  }

  /** The row headers' priority labels ("Prioritet 2"), in the rows' order. */
  async priorities(): Promise<string[]> {
    return this.table.locator('tbody .overview-table__priority').allInnerTexts();
  }

  /** The row of a focus area. */
  row(area: string): Locator {
    const name = this.page.locator('.overview-table__name').getByText(area, { exact: true });
    return this.table.locator('tbody tr').filter({ has: name });
  }

  /** One step's cell (Steg 1, 2 or 3) of a focus area's row. */
  cell(area: string, step: 1 | 2 | 3): Locator {
    return this.row(area)
      .locator('td')
      .nth(step - 1);
  }

  /** The activity texts listed in a cell, top to bottom. */
  async textsIn(area: string, step: 1 | 2 | 3): Promise<string[]> {
    return this.cell(area, step).locator('.overview-item__open').allInnerTexts();
  }

  /** The button that opens an activity in the table. */
  activity(text: string): Locator {
    return this.table.getByRole('button', { name: text, exact: true });
  }

  /** The whole list item of an activity: text, status chip, owners, due date, decision. */
  item(text: string): Locator {
    // `has` is matched inside each item, so it starts from the page, not from the table.
    const button = this.page.getByRole('button', { name: text, exact: true });
    return this.table.locator('.overview-item').filter({ has: button });
  }
}
