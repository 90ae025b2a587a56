// The plan page: header (title, connection badge), notices, toolbar (search, filters), the add and delete dialogs,
// CSV export, and the grid.
import type { Download, Locator, Page } from 'playwright-core';
import { sv } from '../../../src/i18n/sv.ts';
import { GridPage } from './GridPage.ts';

/** The toolbar's filters: owner (Ansvarig), status and step. */
export type Filter = 'owner' | 'status' | 'step';

export class PlanPage {
  readonly grid: GridPage;
  readonly title: Locator;
  readonly badge: Locator;
  readonly readOnlyNotice: Locator;
  readonly addButton: Locator;
  readonly deleteButton: Locator;
  readonly exportButton: Locator;
  /** The polite status line (added, exported, …). */
  readonly announcement: Locator;
  /** The assertive line where a refused change is explained. */
  readonly problem: Locator;
  readonly quickFilter: Locator;
  /** The toolbar's filter selects; their first option, "Alla", clears them. */
  readonly filters: Readonly<Record<Filter, Locator>>;
  /** The "Ta bort aktivitet" question and its two answers. */
  readonly deleteDialog: Locator;
  readonly cancelDelete: Locator;
  readonly confirmDelete: Locator;

  constructor(readonly page: Page) {
    this.grid = new GridPage(page);
    this.title = page.locator('h1.plan-header__title');
    this.badge = page.getByTestId('connection-badge');
    this.readOnlyNotice = page.getByText(sv['plan.readOnly']);
    this.addButton = page.getByRole('button', { name: sv['toolbar.add'], exact: true });
    this.deleteButton = page.getByRole('button', { name: sv['toolbar.delete'], exact: true });
    this.exportButton = page.getByRole('button', { name: sv['toolbar.export'], exact: true });
    this.announcement = page.locator('.live-messages__status');
    this.problem = page.locator('.live-messages__problem');
    this.quickFilter = page.locator('#quick-filter');
    this.filters = {
      owner: page.locator('#filter-owner'),
      status: page.locator('#filter-status'),
      step: page.locator('#filter-step'),
    };
    this.deleteDialog = page.getByRole('dialog', { name: sv['delete.title'] });
    this.cancelDelete = this.deleteDialog.getByRole('button', { name: sv['dialog.cancel'], exact: true });
    this.confirmDelete = this.deleteDialog.getByRole('button', { name: sv['delete.submit'], exact: true });
  }

  /** Opens a plan link and waits until the grid shows rows and the relay has synced. */
  async open(link: string): Promise<this> {
    await this.page.goto(link);
    await this.waitUntilShown();
    return this;
  }

  /** Waits for the grid with rows, and for the badge to say the plan is synced. */
  async waitUntilShown(): Promise<void> {
    await this.grid.waitForRows();
    await this.badge.filter({ hasText: sv['connection.synced'] }).waitFor();
  }

  /** The badge's visible sentence ("Synkad", "Offline – 2 ändringar ej synkade"). */
  async badgeText(): Promise<string> {
    // The "Anslutning:" prefix is for screen readers only.
    return this.badge.evaluate((badge) => {
      const shown = badge.cloneNode(true) as HTMLElement;
      shown.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
      return (shown.textContent ?? '').trim();
    });
  }

  /** Adds an activity through the "Lägg till aktivitet" dialog, in the dialog's default place. */
  async addActivity(text: string): Promise<void> {
    await this.addButton.click();
    const dialog = this.page.getByRole('dialog', { name: sv['add.title'] });
    await dialog.getByLabel(sv['add.text'], { exact: true }).fill(text);
    await dialog.getByRole('button', { name: sv['add.submit'], exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Types into "Sök i planen" ('' clears it). */
  async search(text: string): Promise<void> {
    await this.quickFilter.fill(text);
  }

  /** Picks an option of a toolbar filter by its label; null picks "Alla". */
  async filterBy(filter: Filter, label: string | null): Promise<void> {
    await this.filters[filter].selectOption({ label: label ?? sv['toolbar.all'] });
  }

  /** Clicks "Exportera CSV" and returns the download it starts. */
  async exportCsv(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.exportButton.click()]);
    return download;
  }
}
