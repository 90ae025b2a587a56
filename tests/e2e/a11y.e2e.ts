// [e2e-a11y] Every page and dialog passes axe-core's WCAG 2.0 / 2.1 A and AA rules, in Swedish and in English.
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { sv } from '../../src/i18n/sv.ts';
import { axeViolations } from './axe.ts';
import { SYNCED, offlineWith } from './badge.ts';
import { startApp } from './harness.ts';
import type { E2EApp } from './harness.ts';
import { HistoryDialog } from './pages/HistoryDialog.ts';
import type { HistoryTab } from './pages/HistoryDialog.ts';
import { MessagePage } from './pages/MessagePage.ts';
import { PlanPage } from './pages/PlanPage.ts';
import { StartPage } from './pages/StartPage.ts';
import { readOpenPlan, testApi } from './testApi.ts';

let app: E2EApp;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

/** A browser of its own with the "who am I" choice already made. */
const personPage = (name = 'Alice Andersson', organisation = 'Region Jämtland Härjedalen'): Promise<Page> =>
  app.newPage({ identity: { name, organisation } });

/** Fails with axe's findings (rule, help, targets) when there are any. */
async function expectNoViolations(page: Page, where: string): Promise<void> {
  expect(await axeViolations(page), `axe violations on ${where}`).toBe('');
}

async function openPlan(title: string, role: 'edit' | 'view' = 'edit'): Promise<PlanPage> {
  const plan = await app.createPlan(title);
  const token = role === 'edit' ? plan.editToken : plan.viewToken;
  return new PlanPage(await personPage()).open(app.link(plan.id, token));
}

describe('accessibility (axe, WCAG 2.1 AA)', () => {
  it('[e2e-a11y] the check itself finds a violation (a nameless button, text too pale to read)', async () => {
    const page = await app.newPage();
    await page.setContent(
      '<html lang="sv"><title>Prov</title><main><h1>Prov</h1><button></button><p style="color:#ccc">Blek</p></main></html>',
    );
    const found = await axeViolations(page);
    expect(found).toContain('button-name');
    expect(found).toContain('color-contrast');
  });

  it('[e2e-a11y] the start page, before and after creating a plan', async () => {
    const start = await new StartPage(await personPage()).goto(app.url);
    await expectNoViolations(start.page, 'the start page');
    await start.page.getByLabel(sv['start.create.titleLabel'], { exact: true }).fill('Tillgänglig plan');
    await start.createButton.click();
    await start.editLink.waitFor();
    await expectNoViolations(start.page, 'the start page with a created plan');
  });

  it('[e2e-a11y] the plan page with the grid, by edit link and by view link', async () => {
    const editor = await openPlan('Redigeringsplan');
    await expectNoViolations(editor.page, 'the plan page (edit link)');
    const viewer = await openPlan('Läsplan', 'view');
    await viewer.readOnlyNotice.waitFor();
    await expectNoViolations(viewer.page, 'the plan page (view link)');
  });

  it('[e2e-a11y] the add-activity, new-focus-area and delete dialogs', async () => {
    const plan = await openPlan('Dialogplan');
    const page = plan.page;
    await plan.addButton.click();
    await page.getByRole('dialog', { name: sv['add.title'] }).waitFor();
    await expectNoViolations(page, 'the add-activity dialog');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: sv['toolbar.addFocusArea'], exact: true }).click();
    await page.getByRole('dialog', { name: sv['addFocusArea.title'] }).waitFor();
    await expectNoViolations(page, 'the new-focus-area dialog');
    await page.keyboard.press('Escape');

    const [first] = (await readOpenPlan(page)).activities;
    if (!first) throw new Error('the template has no activities');
    await plan.grid.select(first.id);
    await plan.deleteButton.click();
    await plan.deleteDialog.waitFor();
    await expectNoViolations(page, 'the delete confirmation');
    await plan.cancelDelete.click();
  });

  it('[e2e-a11y] the "who am I" dialog on a new device, and the shortcuts dialog', async () => {
    const plan = await app.createPlan('Identitetsplan');
    const page = await app.newPage({ identity: null });
    await page.goto(app.link(plan.id, plan.editToken));
    await page.getByRole('dialog', { name: sv['identity.title'] }).waitFor();
    await expectNoViolations(page, 'the "who am I" dialog');
    await page.getByLabel(sv['identity.name']).fill('Ada Axesson');
    await page.getByRole('button', { name: sv['identity.submit'], exact: true }).click();
    await page.getByRole('dialog', { name: sv['identity.title'] }).waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: sv['shortcuts.open'], exact: true }).click();
    await page.getByRole('dialog', { name: sv['shortcuts.title'] }).waitFor();
    await expectNoViolations(page, 'the shortcuts dialog');
  });

  it('[e2e-a11y] the conflicts list and the conflict dialog', async () => {
    const created = await app.createPlan('Krockplan');
    const link = app.link(created.id, created.editToken);
    const alice = await new PlanPage(await personPage()).open(link);
    const bertil = await new PlanPage(await personPage('Bertil Berg', 'Östersunds kommun')).open(link);
    const [first] = (await readOpenPlan(alice.page)).activities;
    if (!first) throw new Error('the template has no activities');
    await app.stopServer();
    await expect.poll(() => alice.badgeText()).toBe(offlineWith(0));
    await expect.poll(() => bertil.badgeText()).toBe(offlineWith(0));
    await alice.grid.editCell(first.id, 'text', 'Alice skrev');
    await bertil.grid.editCell(first.id, 'text', 'Bertil skrev');
    await app.startServer();
    await expect.poll(() => testApi(alice.page).unsyncedChanges(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => alice.badgeText()).toMatch(SYNCED);
    await alice.page.getByTestId('conflicts-notice').waitFor();
    await expectNoViolations(alice.page, 'the plan page with a conflict marked');

    await alice.page.getByRole('button', { name: sv['conflicts.button'].replace('{count}', '1') }).click();
    await alice.page.getByTestId('conflicts-dialog').waitFor();
    await expectNoViolations(alice.page, 'the conflicts list');
    await alice.page
      .getByTestId('conflicts-dialog')
      .getByRole('button', { name: sv['conflicts.open'] })
      .click();
    await alice.page.getByTestId('conflict-dialog').waitFor();
    await expectNoViolations(alice.page, 'the conflict dialog');
  });

  it('[e2e-a11y] the history dialog, each tab', async () => {
    const plan = await openPlan('Historikplan');
    const [first] = (await readOpenPlan(plan.page)).activities;
    if (!first) throw new Error('the template has no activities');
    await plan.grid.editCell(first.id, 'note', 'En anteckning');
    await plan.grid.cell(first.id, 'note').click();
    const history = new HistoryDialog(plan.page);
    await history.open();
    for (const tab of ['cell', 'since', 'planAt'] as const satisfies readonly HistoryTab[]) {
      await history.select(tab);
      await history.panel(tab).waitFor();
      await expectNoViolations(plan.page, `the history dialog, tab ${tab}`);
    }
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
    await history.showPlanAt(today);
    await history.panel('planAt').locator('.history-table').waitFor();
    await expectNoViolations(plan.page, 'the history dialog, the plan at a date');
  });

  it('[e2e-a11y] the message pages: unknown plan and a link with a bad token', async () => {
    const token = (): string => randomBytes(24).toString('base64url');
    const unknown = new MessagePage(await personPage());
    await unknown.page.goto(app.link('ingenSadanPlan123456', token()));
    await unknown.heading.filter({ hasText: sv['plan.fatal.no_plan.title'] }).waitFor();
    await expectNoViolations(unknown.page, 'the unknown-plan page');

    const created = await app.createPlan('Nyckelplan');
    const refused = new MessagePage(await personPage());
    await refused.page.goto(app.link(created.id, token()));
    await refused.heading.filter({ hasText: sv['plan.fatal.bad_token.title'] }).waitFor();
    await expectNoViolations(refused.page, 'the bad-token page');
  });

  it('[e2e-a11y] the plan page in English, switched from the header and kept after a reload', async () => {
    const plan = await openPlan('Engelsk plan');
    const page = plan.page;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    await page.getByRole('button', { name: en['language.en'], exact: true }).click();
    await page.getByRole('button', { name: en['toolbar.add'], exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await plan.grid.waitForRows();
    await expectNoViolations(page, 'the plan page in English');

    await page.reload();
    await page.getByRole('button', { name: en['toolbar.add'], exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await plan.grid.waitForRows();
    await expectNoViolations(page, 'the plan page in English after a reload');
  });
});
