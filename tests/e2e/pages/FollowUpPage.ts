// The follow-up (Uppföljning) as a person reads it: the late list, the three charts and their figures tables.
import type { Locator, Page } from 'playwright-core';
import { sv } from '../../../src/i18n/sv.ts';

/** The three charts, by the id of their heading. */
export type ChartName = 'by-area' | 'by-organisation' | 'by-part';

export class FollowUpPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly navLink: Locator;
  /** The buttons of the late list, oldest due date first. */
  readonly overdueItems: Locator;
  readonly overdueHeading: Locator;
  /** "Laddar diagram…" or the failure message. */
  readonly loadStatus: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main', { name: sv['views.followUp'] });
    this.heading = this.main.getByRole('heading', { level: 2, name: sv['followUp.heading'], exact: true });
    this.navLink = page.getByRole('link', { name: sv['views.followUp'], exact: true });
    this.overdueItems = this.main.locator('.follow-up__late');
    this.overdueHeading = this.main.locator('#follow-up-overdue');
    this.loadStatus = this.main.locator('.follow-up__load');
  }

  /** Opens the follow-up from the plan page's view links and waits for its heading. */
  async openFromNav(): Promise<this> {
    await this.navLink.click();
    await this.heading.waitFor();
    return this;
  }

  /** A chart's section: heading, drawing, legend and table. */
  section(chart: ChartName): Locator {
    return this.main.locator(`section[aria-labelledby="follow-up-${chart}"]`);
  }

  /** The drawn chart (the element with role img that holds Plot's SVG). */
  figure(chart: ChartName): Locator {
    return this.section(chart).locator('.follow-up__plot[role="img"]');
  }

  /** The bar segments Plot drew. */
  bars(chart: ChartName): Locator {
    return this.section(chart).locator('svg g[aria-label="bar"] rect');
  }

  /** Opens "Visa siffror som tabell" under a chart, when it is not open already. */
  async showTable(chart: ChartName): Promise<void> {
    const details = this.section(chart).locator('details');
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  }

  /** A table row's cells after its header: seven statuses, total, share done. */
  async rowFigures(chart: ChartName, group: string): Promise<string[]> {
    const row = this.section(chart)
      .locator('table tr')
      .filter({ has: this.page.getByRole('rowheader', { name: group, exact: true }) });
    return row.locator('td').allInnerTexts();
  }

  /** The headings of the view's sections, in page order. */
  async sectionHeadings(): Promise<string[]> {
    return this.main.locator('h3').allInnerTexts();
  }
}
