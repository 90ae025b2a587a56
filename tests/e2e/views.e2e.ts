// [e2e-views] The plan page's views: the links between them, "Min organisation", the remembered column layout,
// overdue marks and decisions in the table, and an activity opened from the overview.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sv } from '../../src/i18n/sv.ts';
import { setActivityField } from '../../src/model/activities.ts';
import { axeViolations } from './axe.ts';
import { connectColleague } from './colleague.ts';
import { startApp } from './harness.ts';
import type { E2EApp } from './harness.ts';
import { PlanPage } from './pages/PlanPage.ts';
import { readOpenPlan } from './testApi.ts';

let app: E2EApp;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const ORGANISATION = 'Östersund';

describe('plan views', () => {
  it('[e2e-views-nav] the view links change the address and the view, Back returns, and a view’s address opens it', async () => {
    const created = await app.createPlan('Vyplan');
    const plan = await new PlanPage(await app.newPage()).open(app.link(created.id, created.editToken));
    const { page } = plan;
    const nav = page.getByRole('navigation', { name: sv['views.nav'] });
    const link = (view: 'table' | 'overview' | 'followUp' | 'settings') =>
      nav.getByRole('link', { name: sv[`views.${view}`], exact: true });
    expect(await link('table').getAttribute('aria-current')).toBe('page');
    expect(await axeViolations(page)).toBe('');

    await link('overview').click();
    await page.waitForURL(`${app.url}/p/${created.id}/oversikt`);
    await page.getByRole('main', { name: sv['views.overview'] }).waitFor();
    expect(await link('overview').getAttribute('aria-current')).toBe('page');
    expect(await link('table').getAttribute('aria-current')).toBeNull();
    expect(await plan.grid.host.count()).toBe(0);

    await link('settings').click();
    await page.waitForURL(`${app.url}/p/${created.id}/installningar`);
    await page.getByRole('main', { name: sv['views.settings'] }).waitFor();

    await page.goBack();
    await page.waitForURL(`${app.url}/p/${created.id}/oversikt`);
    await page.getByRole('main', { name: sv['views.overview'] }).waitFor();
    await page.goBack();
    await page.waitForURL(`${app.url}/p/${created.id}`);
    await plan.waitUntilShown();

    // A view's own address, typed or bookmarked, opens that view (the token is already on this device).
    await page.goto(`${app.url}/p/${created.id}/uppfoljning`);
    await page.getByRole('main', { name: sv['views.followUp'] }).waitFor();
    expect(await link('followUp').getAttribute('aria-current')).toBe('page');
  });

  it('[e2e-views-mine] "Min organisation" narrows the table and the overview to my organisation, and is remembered', async () => {
    const created = await app.createPlan('Min plan');
    const colleague = await connectColleague(app.url, created.id, created.editToken);
    const [first, second, third] = colleague.plan().activities;
    const ostersund = colleague.plan().participants.find((p) => p.name === ORGANISATION);
    const region = colleague.plan().participants[0];
    if (!first || !second || !third || !ostersund || !region) throw new Error('template');
    setActivityField(colleague.doc, colleague.origin, first.id, 'owners', [ostersund.id]);
    setActivityField(colleague.doc, colleague.origin, second.id, 'owners', [region.id, ostersund.id]);
    setActivityField(colleague.doc, colleague.origin, third.id, 'owners', [region.id]);

    const page = await app.newPage({ identity: { name: 'Olle Östersund', organisation: ORGANISATION } });
    const plan = await new PlanPage(page).open(app.link(created.id, created.editToken));
    const all = (await readOpenPlan(page)).activities.length;
    await expect.poll(() => plan.grid.displayedRowCount()).toBe(all);

    const mine = page.getByRole('button', { name: sv['views.mine'], exact: true });
    expect(await mine.getAttribute('aria-pressed')).toBe('false');
    await mine.click();
    expect(await mine.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => plan.grid.displayedRowCount()).toBe(2);
    // Rows filtered out leave the DOM after the grid's animation.
    await expect.poll(() => plan.grid.renderedRowIds()).toEqual([first.id, second.id]);
    // The owner filter shows the organisation and is locked while the switch is on.
    expect(await plan.filters.owner.isDisabled()).toBe(true);
    expect(await plan.filters.owner.inputValue()).toBe(ostersund.id);
    expect(await axeViolations(page)).toBe('');

    // The overview shows the same two activities, and a new one of mine arrives live.
    await page
      .getByRole('navigation', { name: sv['views.nav'] })
      .getByRole('link', { name: sv['views.overview'] })
      .click();
    const overview = page.getByRole('main', { name: sv['views.overview'] });
    await overview.getByText(first.text, { exact: true }).waitFor();
    await overview.getByText(second.text, { exact: true }).waitFor();
    expect(await overview.getByText(third.text, { exact: true }).count()).toBe(0);
    setActivityField(colleague.doc, colleague.origin, third.id, 'owners', [ostersund.id]);
    await overview.getByText(third.text, { exact: true }).waitFor();

    // Remembered on this device: after a reload the switch is still on.
    await page.reload();
    await overview.getByText(third.text, { exact: true }).waitFor();
    expect(await mine.getAttribute('aria-pressed')).toBe('true');
    await mine.click();
    await overview.getByText(colleague.plan().activities.at(-1)?.text ?? '', { exact: true }).waitFor();
    colleague.close();
  });

  it('[e2e-views-columns] hiding and moving columns in "Kolumner" changes the table and is kept after a reload', async () => {
    const created = await app.createPlan('Kolumnplan');
    const plan = await new PlanPage(await app.newPage()).open(app.link(created.id, created.editToken));
    const { page } = plan;
    const header = (id: string) => plan.grid.host.locator(`.ag-header-cell[col-id="${id}"]`);
    // AG Grid places header cells by style, not DOM order: their aria-colindex is the order people see.
    const headerOrder = () =>
      plan.grid.host.locator('.ag-header-row-column .ag-header-cell[col-id]').evaluateAll((cells) =>
        cells
          .map((cell) => ({
            id: cell.getAttribute('col-id'),
            at: Number(cell.getAttribute('aria-colindex')),
          }))
          .sort((a, b) => a.at - b.at)
          .map((cell) => cell.id),
      );
    await header('note').waitFor();
    await header('decision').waitFor();

    await page.getByRole('button', { name: sv['toolbar.columns'], exact: true }).click();
    const dialog = page.getByRole('dialog', { name: sv['columns.title'] });
    await dialog.waitFor();
    expect(await axeViolations(page)).toBe('');
    await dialog.getByRole('checkbox', { name: sv['column.note'] }).uncheck();
    await header('note').waitFor({ state: 'detached' });
    // The text column cannot be hidden: it says what the row is.
    expect(
      await dialog.getByRole('checkbox', { name: new RegExp(`^${sv['column.text']}`) }).isDisabled(),
    ).toBe(true);
    // "Beslut" one step to the left, by keyboard: the focus stays on the button, so a second press moves it again.
    const left = dialog.getByRole('button', {
      name: sv['columns.up'].replace('{name}', sv['column.decision']),
    });
    await left.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => left.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    const moved = await headerOrder();
    expect(moved.indexOf('decision')).toBeLessThan(moved.indexOf('reformParts'));
    expect(moved).not.toContain('note');

    await page.reload();
    await plan.waitUntilShown();
    expect(await headerOrder()).toEqual(moved);

    await page.getByRole('button', { name: sv['toolbar.columns'], exact: true }).click();
    await dialog.getByRole('button', { name: sv['columns.reset'], exact: true }).click();
    await header('note').waitFor();
    await dialog.getByRole('button', { name: sv['columns.close'], exact: true }).click();
  });

  it('[e2e-views-due] a past due date on an unfinished activity says "försenad" in the table; a decision shows in its columns', async () => {
    const created = await app.createPlan('Förseningar');
    const colleague = await connectColleague(app.url, created.id, created.editToken);
    const [late, done] = colleague.plan().activities;
    if (!late || !done) throw new Error('template');
    const plan = await new PlanPage(await app.newPage()).open(app.link(created.id, created.editToken));

    setActivityField(colleague.doc, colleague.origin, late.id, 'due', '2020-01-31');
    setActivityField(colleague.doc, colleague.origin, done.id, 'due', '2020-01-31');
    setActivityField(colleague.doc, colleague.origin, done.id, 'status', 'done');
    setActivityField(
      colleague.doc,
      colleague.origin,
      late.id,
      'decision',
      'Styrgruppen beslutade att starta',
    );
    setActivityField(colleague.doc, colleague.origin, late.id, 'decisionDate', '2026-11-23');

    const lateDue = plan.grid.cell(late.id, 'due');
    await expect.poll(() => lateDue.innerText()).toBe(`2020-01-31${sv['due.overdue']}`);
    expect(await lateDue.locator('.overdue-tag').innerText()).toBe(sv['due.overdue']);
    await expect.poll(() => plan.grid.statusChip(done.id, 'done').count()).toBe(1);
    expect(await plan.grid.cell(done.id, 'due').innerText()).toBe('2020-01-31');
    const row = plan.grid.row(late.id);
    await expect
      .poll(() => row.locator('[col-id="decision"]').innerText())
      .toBe('Styrgruppen beslutade att starta');
    expect(await row.locator('[col-id="decisionDate"]').innerText()).toBe('2026-11-23');
    colleague.close();
  });

  it('[e2e-views-open] choosing an activity in the overview opens the table at its row, with the text cell focused', async () => {
    const created = await app.createPlan('Öppna');
    const page = await app.newPage();
    const plan = await new PlanPage(page).open(app.link(created.id, created.editToken));
    const target = (await readOpenPlan(page)).activities.at(-1);
    if (!target) throw new Error('template');
    // A filter that hides the row is cleared on the way, with a word about it.
    await plan.search('ingen aktivitet heter så här');
    await expect.poll(() => plan.grid.displayedRowCount()).toBe(0);

    await page
      .getByRole('navigation', { name: sv['views.nav'] })
      .getByRole('link', { name: sv['views.overview'] })
      .click();
    await page
      .getByRole('main', { name: sv['views.overview'] })
      .getByText(target.text, { exact: true })
      .click();
    await page.waitForURL(`${app.url}/p/${created.id}`);
    const cell = plan.grid.cell(target.id, 'text');
    await expect.poll(() => cell.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    expect(await plan.quickFilter.inputValue()).toBe('');
    expect(await plan.announcement.innerText()).toBe(sv['views.filtersCleared']);
  });
});
