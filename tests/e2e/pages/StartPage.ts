// The start page: the create form, the created plan's links with copy buttons, and the plans opened on this device.
import type { Locator, Page } from 'playwright-core';
import { sv } from '../../../src/i18n/sv.ts';

export class StartPage {
  readonly heading: Locator;
  readonly createButton: Locator;
  readonly createdHeading: Locator;
  readonly editLink: Locator;
  readonly viewLink: Locator;
  readonly copyEditLink: Locator;
  readonly copyViewLink: Locator;
  readonly openButton: Locator;
  readonly recentPlans: Locator;

  constructor(readonly page: Page) {
    const editLabel = sv['start.created.editLink'];
    const viewLabel = sv['start.created.viewLink'];
    this.heading = page.getByRole('heading', { level: 1 });
    this.createButton = page.getByRole('button', { name: sv['start.create.submit'], exact: true });
    this.createdHeading = page.locator('#created-heading');
    this.editLink = page.getByRole('textbox', { name: editLabel, exact: true });
    this.viewLink = page.getByRole('textbox', { name: viewLabel, exact: true });
    this.copyEditLink = page.getByRole('button', { name: `${sv['start.copy']} ${editLabel}`, exact: true });
    this.copyViewLink = page.getByRole('button', { name: `${sv['start.copy']} ${viewLabel}`, exact: true });
    this.openButton = page.getByRole('link', { name: sv['start.open'], exact: true });
    this.recentPlans = page.getByRole('region', { name: sv['start.recent.heading'] }).getByRole('listitem');
  }

  async goto(baseUrl: string): Promise<this> {
    await this.page.goto(`${baseUrl}/`);
    await this.heading.waitFor();
    return this;
  }

  /** The status line under a copy field ("Länken är kopierad."). */
  copyStatus(fieldId: 'edit-link' | 'view-link'): Locator {
    return this.page.locator(`#${fieldId}-status`);
  }
}
