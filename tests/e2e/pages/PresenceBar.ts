// The plan header's presence list and the "Vem är du?" dialog, as a user sees them.
import type { Locator, Page } from 'playwright-core';
import { sv } from '../../../src/i18n/sv.ts';

export class PresenceBar {
  readonly list: Locator;
  readonly identityButton: Locator;
  readonly identityDialog: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('list', { name: sv['presence.label'], exact: true });
    this.identityButton = page.getByTestId('identity-button');
    this.identityDialog = page.getByRole('dialog', { name: sv['identity.title'], exact: true });
  }

  /** The people listed, as their visible lines read ("Alice Andersson (du) Region …"). */
  async people(): Promise<string[]> {
    return this.list
      .getByRole('listitem')
      .evaluateAll((items) =>
        items.map((item) => (item.querySelector('.presence-bar__who')?.textContent ?? '').trim()),
      );
  }
}
