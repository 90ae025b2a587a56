// [e2e-settings] Plan settings: rename the plan, edit participants and focus areas, undo a removal, share the links.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sv } from '../../src/i18n/sv.ts';
import type { PlanSnapshot } from '../../src/model/schema.ts';
import { axeViolations } from './axe.ts';
import { startApp } from './harness.ts';
import type { E2EApp } from './harness.ts';
import { PlanPage } from './pages/PlanPage.ts';
import { SettingsPage, fill } from './pages/SettingsPage.ts';
import { StartPage } from './pages/StartPage.ts';
import { readOpenPlan } from './testApi.ts';

let app: E2EApp;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const ownedBy = (plan: PlanSnapshot, id: string): string[] =>
  plan.activities.filter((activity) => activity.owners.some((owner) => owner === id)).map((a) => a.id);

/**
 * Creates a plan on the start page (so this device knows its read link), gives a participant two activities in
 * the grid, and opens the settings.
 */
async function createAndOpenSettings(
  page: Page,
): Promise<{ planId: string; editLink: string; viewLink: string; owner: string }> {
  const start = await new StartPage(page).goto(app.url);
  await start.createButton.click();
  await start.createdHeading.waitFor();
  const editLink = await start.editLink.inputValue();
  const viewLink = await start.viewLink.inputValue();
  const planId = /\/p\/([^#]+)#/.exec(editLink)?.[1];
  if (planId === undefined) throw new Error(`no plan id in ${editLink}`);
  await start.openButton.click();
  const grid = new PlanPage(page);
  await grid.waitUntilShown();
  const plan = await readOpenPlan(page);
  const [a1, a2] = plan.activities;
  const owner = plan.participants[1];
  if (!a1 || !a2 || !owner) throw new Error('the template has too few activities or participants');
  for (const activity of [a1, a2]) await grid.grid.editCell(activity.id, 'owners', [owner.name]);
  await expect.poll(async () => ownedBy(await readOpenPlan(page), owner.id)).toHaveLength(2);
  await new SettingsPage(page).openFromNav();
  await page.waitForURL(`${app.url}/p/${planId}/installningar`);
  return { planId, editLink, viewLink, owner: owner.id };
}

describe('plan settings', () => {
  it('[e2e-settings] renames the plan and edits participants and focus areas; a removal is undone with Ctrl+Z', async () => {
    const page = await app.newPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    const { editLink, viewLink, owner } = await createAndOpenSettings(page);
    const settings = new SettingsPage(page);
    const planPage = new PlanPage(page);

    // The plan's name: saved on Enter, and the page's h1 follows.
    await settings.title.fill('Aktivitetsplan 2027');
    await settings.title.press('Enter');
    await expect.poll(() => planPage.title.innerText()).toBe('Aktivitetsplan 2027');
    await settings.announcement.filter({ hasText: sv['settings.plan.titleSaved'] }).waitFor();
    await settings.county.fill('Jämtlands län');
    await settings.county.press('Tab');
    await expect.poll(async () => (await readOpenPlan(page)).meta.county).toBe('Jämtlands län');
    // A refused title stays in the field with the reason beside it.
    await settings.title.fill('');
    await settings.title.press('Enter');
    await page.locator('#settings-title-problem').filter({ hasText: sv['error.required'] }).waitFor();
    expect(await settings.title.getAttribute('aria-invalid')).toBe('true');
    await settings.title.press('Escape');
    expect(await settings.title.inputValue()).toBe('Aktivitetsplan 2027');

    // Add, rename and move a participant.
    await settings.addParticipant('Testkommun', sv['kind.municipality']);
    await settings.button('settings.renameNamed', 'Testkommun').waitFor();
    await settings.rename('Testkommun', 'Testkommunen');
    let plan = await readOpenPlan(page);
    expect(plan.participants.at(-1)).toMatchObject({ name: 'Testkommunen', kind: 'municipality' });
    const count = plan.participants.length;
    await settings.button('settings.upNamed', 'Testkommunen').click();
    await expect
      .poll(async () => (await settings.names(settings.participants)).indexOf('Testkommunen'))
      .toBe(count - 2);
    // The focus stays on the moved row's button.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      fill(sv['settings.upNamed'], { name: 'Testkommunen' }),
    );
    plan = await readOpenPlan(page);
    expect(plan.participants.at(-2)?.name).toBe('Testkommunen');

    // Remove the participant that owns two activities, handing them over to another.
    const gone = plan.participants.find((p) => p.id === owner);
    const heir = plan.participants.find((p) => p.id !== owner && p.name !== 'Testkommunen');
    if (!gone || !heir) throw new Error('the template has fewer than two participants');
    const owned = ownedBy(plan, gone.id);
    expect(owned).toHaveLength(2);
    const goneRow = settings.participants.getByRole('row').filter({ hasText: gone.name });
    expect(await goneRow.getByRole('cell').nth(2).innerText()).toBe('2');
    await settings.button('settings.removeNamed', gone.name).click();
    const dialog = page.getByRole('dialog', {
      name: fill(sv['settings.removeParticipant.title'], { name: gone.name }),
    });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(
      fill(sv['settings.removeParticipant.owns.other'], { name: gone.name, count: owned.length }),
    );
    await dialog.getByRole('radio', { name: sv['settings.removeParticipant.handOver'], exact: true }).check();
    await dialog
      .getByRole('combobox', { name: sv['settings.removeParticipant.heir'], exact: true })
      .selectOption({ label: heir.name });
    await dialog.getByRole('button', { name: sv['settings.removeParticipant.submit'], exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    plan = await readOpenPlan(page);
    expect(plan.participants.map((p) => p.id)).not.toContain(gone.id);
    for (const id of owned) {
      expect(plan.activities.find((activity) => activity.id === id)?.owners).toContain(heir.id);
    }
    expect(await settings.names(settings.participants)).not.toContain(gone.name);

    // Remove a focus area with its activities after confirming; Ctrl+Z brings it all back.
    const before = await readOpenPlan(page);
    const area = before.focusAreas[0];
    if (!area) throw new Error('the template has no focus areas');
    const held = before.activities.filter((activity) => activity.focusAreaId === area.id).length;
    await settings.button('settings.removeNamed', area.name).click();
    const confirm = page.getByRole('dialog', {
      name: fill(sv['settings.removeFocusArea.title'], { name: area.name }),
    });
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain(
      fill(sv['settings.removeFocusArea.message.other'], { count: held }),
    );
    await confirm
      .getByRole('button', {
        name: fill(sv['settings.removeFocusArea.submit.other'], { count: held }),
        exact: true,
      })
      .click();
    await confirm.waitFor({ state: 'hidden' });
    await expect
      .poll(async () => (await readOpenPlan(page)).activities.length)
      .toBe(before.activities.length - held);
    expect(await settings.names(settings.focusAreas)).not.toContain(area.name);
    // The focus went to the list's heading, outside any text field, so Ctrl+Z is the page's undo.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('settings-focus-areas-heading');
    await page.keyboard.press('Control+z');
    await expect
      .poll(async () => (await readOpenPlan(page)).activities.length)
      .toBe(before.activities.length);
    expect(await readOpenPlan(page)).toEqual(before);
    expect((await settings.names(settings.focusAreas))[0]).toBe(area.name);

    // The links: this device created the plan, so it shows both, and each can be copied.
    expect(await settings.editLink.inputValue()).toBe(editLink);
    expect(await settings.viewLink.inputValue()).toBe(viewLink);
    await settings.copyButton(sv['settings.links.view']).click();
    await page.locator('#settings-view-link-status').filter({ hasText: sv['start.copied'] }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(viewLink);

    expect(await axeViolations(page)).toBe('');

    // In the table, the handed-over activities name their new owner.
    await page.getByRole('link', { name: sv['views.table'], exact: true }).click();
    await planPage.waitUntilShown();
    for (const id of owned) expect(await planPage.grid.cellText(id, 'owners')).toContain(heir.name);
  });

  it('[e2e-settings-readonly] a view link shows the settings and its own read link, with no editing controls', async () => {
    const plan = await app.createPlan('Läsplan');
    const page = await app.newPage();
    await page.goto(`${app.url}/p/${plan.id}/installningar#${plan.viewToken}`);
    const settings = new SettingsPage(page);
    await settings.heading.waitFor();
    await settings.viewLink.waitFor();
    expect(await settings.viewLink.inputValue()).toBe(app.link(plan.id, plan.viewToken));
    expect(await settings.editLink.count()).toBe(0);
    await settings.links.getByText(sv['settings.links.editNotYours']).waitFor();
    await page.getByText(sv['settings.readOnly']).waitFor();

    const snapshot = await readOpenPlan(page);
    expect(await settings.names(settings.participants)).toEqual(snapshot.participants.map((p) => p.name));
    expect(await settings.names(settings.focusAreas)).toEqual(snapshot.focusAreas.map((a) => a.name));
    const main = page.getByRole('main');
    expect(await main.getByRole('textbox').count()).toBe(1); // the read link's field, nothing editable
    expect(await main.getByRole('spinbutton').count()).toBe(0);
    expect(await main.getByRole('button', { name: sv['settings.remove'] }).count()).toBe(0);
    expect(await main.getByRole('button', { name: sv['settings.rename'] }).count()).toBe(0);
    expect(await main.getByRole('button', { name: sv['settings.participants.add'] }).count()).toBe(0);

    expect(await axeViolations(page)).toBe('');
  });
});
