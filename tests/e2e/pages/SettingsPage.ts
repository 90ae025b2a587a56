// The settings view (Inställningar): the plan's fields, the participant and focus area tables, their dialogs, the links.
import type { Locator, Page } from 'playwright-core';
import { sv } from '../../../src/i18n/sv.ts';

/** A Swedish text with its `{name}` placeholders filled in. */
export const fill = (text: string, params: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));

export class SettingsPage {
  readonly heading: Locator;
  readonly navLink: Locator;
  readonly title: Locator;
  readonly county: Locator;
  readonly participants: Locator;
  readonly focusAreas: Locator;
  readonly links: Locator;
  readonly editLink: Locator;
  readonly viewLink: Locator;
  readonly announcement: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 2, name: sv['settings.heading'], exact: true });
    this.navLink = page.getByRole('link', { name: sv['views.settings'], exact: true });
    this.title = page.getByRole('textbox', { name: sv['settings.plan.title'], exact: true });
    this.county = page.getByRole('textbox', { name: sv['settings.plan.county'], exact: true });
    this.participants = page.getByRole('region', { name: sv['settings.participants.heading'], exact: true });
    this.focusAreas = page.getByRole('region', { name: sv['settings.focusAreas.heading'], exact: true });
    this.links = page.getByRole('region', { name: sv['settings.links.heading'], exact: true });
    this.editLink = page.getByRole('textbox', { name: sv['settings.links.edit'], exact: true });
    this.viewLink = page.getByRole('textbox', { name: sv['settings.links.view'], exact: true });
    this.announcement = page.locator('.live-messages__status');
  }

  /** Opens the view through the page's nav link and waits for its heading. */
  async openFromNav(): Promise<this> {
    await this.navLink.click();
    await this.heading.waitFor();
    return this;
  }

  /** A row button by its accessible name, e.g. button('settings.removeNamed', 'Krokom'). */
  button(
    key: 'settings.renameNamed' | 'settings.upNamed' | 'settings.downNamed' | 'settings.removeNamed',
    name: string,
  ): Locator {
    return this.page.getByRole('button', { name: fill(sv[key], { name }), exact: true });
  }

  /** Adds a participant with the form under the table. */
  async addParticipant(name: string, kindLabel: string): Promise<void> {
    await this.participants.getByLabel(sv['settings.participants.addName'], { exact: true }).fill(name);
    await this.participants
      .getByLabel(sv['settings.participants.addKind'], { exact: true })
      .selectOption({ label: kindLabel });
    await this.participants
      .getByRole('button', { name: sv['settings.participants.add'], exact: true })
      .click();
  }

  /** Renames a row (participant or focus area) through its inline field. */
  async rename(current: string, next: string): Promise<void> {
    await this.button('settings.renameNamed', current).click();
    const field = this.page.getByRole('textbox', { name: fill(sv['settings.newName'], { name: current }) });
    await field.fill(next);
    await this.page.getByRole('button', { name: sv['settings.save'], exact: true }).click();
    await field.waitFor({ state: 'detached' });
  }

  /** The names in a table's first column, top to bottom. */
  async names(table: Locator): Promise<string[]> {
    return table.locator('tbody tr td:first-child').allInnerTexts();
  }

  /** The copy button of a link field. */
  copyButton(label: string): Locator {
    return this.page.getByRole('button', { name: `${sv['start.copy']} ${label}`, exact: true });
  }
}
