// [e2e-conflict] Two people change one cell while both are offline: after the sync both see the cell marked,
// both values with who and when, and one choice settles it for both.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sv } from '../../src/i18n/sv.ts';
import { SYNCED, offlineWith } from './badge.ts';
import { startApp } from './harness.ts';
import type { E2EApp } from './harness.ts';
import { PlanPage } from './pages/PlanPage.ts';
import { readOpenPlan, testApi } from './testApi.ts';

let app: E2EApp;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

/** A browser of its own for `name` of `organisation`, as the "who am I" choice leaves it on the device. */
const personPage = (name: string, organisation: string): Promise<Page> =>
  app.newPage({ identity: { name, organisation } });

describe('concurrent changes to one cell', () => {
  it('[e2e-conflict] two people offline change the same cell; both see the marked conflict with both values and one choice settles it', async () => {
    const plan = await app.createPlan('Krockplan');
    const link = app.link(plan.id, plan.editToken);
    const alice = await new PlanPage(await personPage('Alice Andersson', 'Region Jämtland Härjedalen')).open(
      link,
    );
    const bertil = await new PlanPage(await personPage('Bertil Berg', 'Östersunds kommun')).open(link);
    const [first] = (await readOpenPlan(alice.page)).activities;
    if (!first) throw new Error('the template has no activities');

    await app.stopServer();
    await expect.poll(() => alice.badgeText()).toBe(offlineWith(0));
    await expect.poll(() => bertil.badgeText()).toBe(offlineWith(0));
    const aliceText = 'Alice skrev detta på tåget';
    const bertilText = 'Bertil skrev detta samtidigt';
    await alice.grid.editCell(first.id, 'text', aliceText);
    await bertil.grid.editCell(first.id, 'text', bertilText);
    // Another cell of the same row, changed by one of them only, is no conflict.
    await bertil.grid.editCell(first.id, 'responsible', 'Bertil');

    await app.startServer();
    for (const person of [alice, bertil]) {
      await expect.poll(() => testApi(person.page).unsyncedChanges(), { timeout: 15_000 }).toBe(0);
      await expect.poll(() => person.badgeText()).toMatch(SYNCED);
    }
    // Both replicas show the same winner, and both mark the cell.
    await expect
      .poll(() => alice.grid.cellText(first.id, 'text'))
      .toBe(await bertil.grid.cellText(first.id, 'text'));
    for (const person of [alice, bertil]) {
      await expect
        .poll(() => person.grid.cell(first.id, 'text').getAttribute('class'))
        .toContain('plan-cell--conflict');
      expect(await person.grid.cell(first.id, 'responsible').getAttribute('class')).not.toContain(
        'plan-cell--conflict',
      );
      await person.page.getByTestId('conflicts-notice').waitFor();
    }

    // Each opens the cell from the keyboard and sees both values, with who and when; Alice leaves it for later.
    for (const person of [alice, bertil]) {
      await person.grid.cell(first.id, 'text').click();
      await person.page.keyboard.press('Enter');
      const opened = person.page.getByTestId('conflict-dialog');
      await opened.waitFor();
      const shown = await opened.locator('.conflict__value').allInnerTexts();
      expect(shown).toHaveLength(2);
      expect(
        shown.some(
          (text) => text.includes(aliceText) && text.includes('Alice Andersson, Region Jämtland Härjedalen'),
        ),
      ).toBe(true);
      expect(
        shown.some((text) => text.includes(bertilText) && text.includes('Bertil Berg, Östersunds kommun')),
      ).toBe(true);
      expect(shown.join('\n')).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    }
    await alice.page.getByRole('button', { name: sv['conflict.later'] }).click();
    const dialog = bertil.page.getByTestId('conflict-dialog');
    const values = dialog.locator('.conflict__value');

    // He keeps Alice's value: a normal edit that reaches her, and the mark goes away on both screens.
    await values.filter({ hasText: aliceText }).getByRole('button', { name: sv['conflict.keep'] }).click();
    await dialog.waitFor({ state: 'detached' });
    for (const person of [alice, bertil]) {
      await expect.poll(() => person.grid.cellText(first.id, 'text')).toBe(aliceText);
      await expect
        .poll(() => person.grid.cell(first.id, 'text').getAttribute('class'))
        .not.toContain('plan-cell--conflict');
      await person.page.getByTestId('conflicts-notice').waitFor({ state: 'detached' });
    }
    expect(await alice.grid.cellText(first.id, 'responsible')).toBe('Bertil');
  });

  it('[e2e-conflict] the plan-level list shows every open conflict and leads to each one', async () => {
    const plan = await app.createPlan('Krocklista');
    const link = app.link(plan.id, plan.editToken);
    const alice = await new PlanPage(await personPage('Alice Andersson', 'Region')).open(link);
    const bertil = await new PlanPage(await personPage('Bertil Berg', 'Kommun')).open(link);
    const [first, second] = (await readOpenPlan(alice.page)).activities;
    if (!first || !second) throw new Error('the template has fewer than two activities');

    await app.stopServer();
    await expect.poll(() => alice.badgeText()).toBe(offlineWith(0));
    await expect.poll(() => bertil.badgeText()).toBe(offlineWith(0));
    await alice.grid.editCell(first.id, 'status', 'Pågår');
    await alice.grid.editCell(second.id, 'note', 'Alice anteckning');
    await bertil.grid.editCell(first.id, 'status', 'Hindrad');
    await bertil.grid.editCell(second.id, 'note', 'Bertil anteckning');
    await app.startServer();
    await expect.poll(() => testApi(alice.page).unsyncedChanges(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => testApi(bertil.page).unsyncedChanges(), { timeout: 15_000 }).toBe(0);

    const open = alice.page.getByRole('button', { name: sv['conflicts.button'].replace('{count}', '2') });
    await open.click();
    const list = alice.page.getByTestId('conflicts-dialog');
    const items = list.locator('.conflicts__item');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.nth(0).innerText()).toContain(sv['column.status']);
    expect(await items.nth(1).innerText()).toContain(sv['column.note']);
    await items.nth(1).getByRole('button', { name: sv['conflicts.open'] }).click();
    const dialog = alice.page.getByTestId('conflict-dialog');
    await dialog
      .locator('.conflict__value')
      .filter({ hasText: 'Bertil anteckning' })
      .getByRole('button')
      .click();
    await expect.poll(() => bertil.grid.cellText(second.id, 'note')).toBe('Bertil anteckning');
    await expect
      .poll(() =>
        bertil.page.getByRole('button', { name: sv['conflicts.button'].replace('{count}', '1') }).count(),
      )
      .toBe(1);
  });
});
