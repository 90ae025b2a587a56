// A whole-page message (no key, plan gone, link refused, not found): its heading, sentence and way back.
import type { Locator, Page } from 'playwright-core';
import { sv } from '../../../src/i18n/sv.ts';

export class MessagePage {
  readonly heading: Locator;
  readonly body: Locator;
  readonly toStart: Locator;

  constructor(readonly page: Page) {
    const card = page.locator('.message-page__card');
    this.heading = card.getByRole('heading', { level: 1 });
    this.body = card.locator('h1 + p');
    this.toStart = card.getByRole('link', { name: sv['view.toStart'], exact: true });
  }
}
