// [e2e-presence] People with the plan open see each other in the header and on the cells they are on; the first
// visit on a device asks who the user is.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sv } from '../../src/i18n/sv.ts';
import { startApp } from './harness.ts';
import type { E2EApp } from './harness.ts';
import { PlanPage } from './pages/PlanPage.ts';
import { PresenceBar } from './pages/PresenceBar.ts';
import { readOpenPlan } from './testApi.ts';

let app: E2EApp;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const ALICE = { name: 'Alice Andersson', organisation: 'Region Jämtland Härjedalen' };
const BERTIL = { name: 'Bertil Berg', organisation: 'Östersunds kommun' };

/** The presence mark of a cell as the page shows it: its class and the tag its frame carries. */
async function mark(page: Page, id: string, field: string): Promise<{ marked: boolean; tag: string }> {
  const cell = page.locator(`[data-testid="plan-grid"] .ag-row[row-id="${id}"] [col-id="${field}"]`).first();
  if ((await cell.count()) === 0) return { marked: false, tag: '' };
  return cell.evaluate((element) => ({
    marked: element.classList.contains('plan-cell--presence'),
    tag: getComputedStyle(element).getPropertyValue('--presence-tag').trim(),
  }));
}

describe('presence', () => {
  it('[e2e-presence] two people see each other, the cell the other has focused, and the other leaving', async () => {
    const plan = await app.createPlan('Närvaroplan');
    const link = app.link(plan.id, plan.editToken);
    const alice = await new PlanPage(await app.newPage({ identity: ALICE })).open(link);
    const bertil = await new PlanPage(await app.newPage({ identity: BERTIL })).open(link);
    const aliceBar = new PresenceBar(alice.page);
    const bertilBar = new PresenceBar(bertil.page);

    await expect
      .poll(() => aliceBar.people())
      .toEqual([`${ALICE.name} (du), ${ALICE.organisation}`, `${BERTIL.name}, ${BERTIL.organisation}`]);
    await expect.poll(async () => (await bertilBar.people()).length).toBe(2);
    expect((await bertilBar.people())[0]).toContain(`${BERTIL.name} (du)`);
    expect((await bertilBar.people())[1]).toContain(ALICE.name);
    expect(await aliceBar.identityButton.innerText()).toContain(`Du: ${ALICE.name}, ${ALICE.organisation}`);

    const [first, second] = (await readOpenPlan(alice.page)).activities;
    if (!first || !second) throw new Error('the template has fewer than two activities');
    await alice.grid.reveal(first.id);
    await alice.grid.cell(first.id, 'responsible').click();
    await expect
      .poll(() => mark(bertil.page, first.id, 'responsible'))
      .toEqual({
        marked: true,
        tag: `"${ALICE.name}"`,
      });
    expect((await mark(bertil.page, first.id, 'status')).marked).toBe(false);

    // Moving the focus moves the mark.
    await alice.page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await mark(bertil.page, second.id, 'responsible')).marked).toBe(true);
    expect((await mark(bertil.page, first.id, 'responsible')).marked).toBe(false);

    // Her edit flashes where it lands on Bertil's screen.
    const flashed = await bertil.grid.watchFlash(second.id, 'note');
    await alice.grid.editCell(second.id, 'note', 'Ny anteckning');
    await flashed();

    // Alice closes the plan: she is gone from Bertil's list and grid within a few seconds.
    await alice.page.close();
    await expect.poll(() => bertilBar.people(), { timeout: 5_000 }).toHaveLength(1);
    await expect.poll(async () => (await mark(bertil.page, second.id, 'responsible')).marked).toBe(false);
  });

  it('[e2e-presence] a first visit asks who the user is, by keyboard, and a viewer appears under that name', async () => {
    const plan = await app.createPlan('Vem är du-plan');
    const page = await app.newPage({ identity: null });
    await page.goto(app.link(plan.id, plan.viewToken));
    const bar = new PresenceBar(page);
    await bar.identityDialog.waitFor();
    // The name field has the focus: type, Tab to the organisation, pick one, Tab to "Spara".
    await page.keyboard.type('Cecilia Carlsson');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await bar.identityDialog.waitFor({ state: 'hidden' });

    const chosen = await page.evaluate(() => localStorage.getItem('samplan.actor'));
    const stored = JSON.parse(chosen ?? 'null') as { name: string; organisation: string };
    expect(stored.name).toBe('Cecilia Carlsson');
    expect(stored.organisation).not.toBe('');
    await expect.poll(() => bar.people()).toEqual([`Cecilia Carlsson (du), ${stored.organisation}`]);
    expect(await bar.identityButton.innerText()).toContain(`Du: Cecilia Carlsson, ${stored.organisation}`);

    // An editor sees the viewer; a rename from the header reaches them at once.
    const editor = await new PlanPage(await app.newPage({ identity: ALICE })).open(
      app.link(plan.id, plan.editToken),
    );
    const editorBar = new PresenceBar(editor.page);
    await expect.poll(async () => (await editorBar.people()).join('|')).toContain('Cecilia Carlsson');
    await bar.identityButton.focus();
    await page.keyboard.press('Enter');
    await bar.identityDialog.waitFor();
    await page.getByLabel(sv['identity.name'], { exact: true }).fill('Cecilia Dahl');
    await page.getByLabel(sv['identity.name'], { exact: true }).press('Enter');
    await bar.identityDialog.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await editorBar.people()).join('|')).toContain('Cecilia Dahl');
  });
});
