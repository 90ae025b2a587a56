// [e2e-links] "Byt ut länk" in the settings: the new link shows, holders of the old one are closed out at once,
// and the coordinator keeps editing with the new link (also after a reload).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sv } from '../../src/i18n/sv.ts';
import { axeViolations } from './axe.ts';
import { startApp } from './harness.ts';
import type { E2EApp } from './harness.ts';
import { MessagePage } from './pages/MessagePage.ts';
import { PlanPage } from './pages/PlanPage.ts';
import { SettingsPage, fill } from './pages/SettingsPage.ts';
import { readOpenPlan, testApi } from './testApi.ts';

let app: E2EApp;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

/** The token in a `/p/<id>#<token>` link. */
const tokenOf = (link: string): string => link.slice(link.indexOf('#') + 1);

/** Opens `link` in a fresh browser context (another person's device) and waits for the plan. */
async function openElsewhere(link: string): Promise<Page> {
  const page = await app.newPage();
  await page.goto(link);
  await new PlanPage(page).waitUntilShown();
  return page;
}

/** Waits for the "link no longer works" page (4401) on `page`. */
async function closedOut(page: Page): Promise<void> {
  const message = new MessagePage(page);
  await message.heading.filter({ hasText: sv['plan.fatal.bad_token.title'] }).waitFor();
  await page.getByText(fill(sv['plan.fatal.code'], { code: 4401 })).waitFor();
  expect(await testApi(page).fatal()).toEqual({ code: 4401, kind: 'bad_token' });
}

/** Clicks "Byt ut länk" for `label`, checks the confirm dialog's warning, and confirms. */
async function replace(settings: SettingsPage, label: string, kind: 'Edit' | 'View'): Promise<void> {
  const page = settings.page;
  await page
    .getByRole('button', { name: fill(sv['settings.links.replaceLabel'], { link: label }), exact: true })
    .click();
  const dialog = page.getByRole('dialog', { name: sv[`settings.replace${kind}.title`], exact: true });
  await dialog.waitFor();
  expect(await dialog.innerText()).toContain(sv[`settings.replace${kind}.message`]);
  expect(await axeViolations(page)).toBe('');
  await dialog.getByRole('button', { name: sv['settings.replace.confirm'], exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText(sv[`settings.replace.done${kind}`]).waitFor();
}

describe('replacing links', () => {
  it('[e2e-links] replacing the read and then the edit link closes out their old holders; the coordinator keeps editing', async () => {
    const plan = await app.createPlan('Länkbyte');
    const oldEdit = app.link(plan.id, plan.editToken);
    const oldView = app.link(plan.id, plan.viewToken);

    const coordinator = await app.newPage();
    await coordinator.goto(`${app.url}/p/${plan.id}/installningar#${plan.editToken}`);
    const settings = new SettingsPage(coordinator);
    await settings.heading.waitFor();
    await settings.editLink.waitFor();
    expect(await settings.editLink.inputValue()).toBe(oldEdit);
    // This device did not create the plan, so it does not know the read link: it can make a new one.
    expect(await settings.viewLink.count()).toBe(0);

    const reader = await openElsewhere(oldView);
    const colleague = await openElsewhere(oldEdit);

    // Cancelling changes nothing.
    await coordinator
      .getByRole('button', {
        name: fill(sv['settings.links.replaceLabel'], { link: sv['settings.links.view'] }),
        exact: true,
      })
      .click();
    await coordinator.getByRole('button', { name: sv['dialog.cancel'], exact: true }).click();
    expect(await testApi(reader).fatal()).toBeNull();

    // The read link: the new one shows, the reader on the old one is closed out, the editors stay.
    await replace(settings, sv['settings.links.view'], 'View');
    await settings.viewLink.waitFor();
    const newView = await settings.viewLink.inputValue();
    expect(newView).toMatch(new RegExp(`^${app.url}/p/${plan.id}#[A-Za-z0-9_-]{22,}$`));
    expect(newView).not.toBe(oldView);
    await closedOut(reader);
    expect(await testApi(colleague).fatal()).toBeNull();
    expect(await testApi(coordinator).fatal()).toBeNull();

    // The edit link: the colleague on the old one is closed out; the coordinator's page switches to the new one.
    await replace(settings, sv['settings.links.edit'], 'Edit');
    await expect.poll(() => settings.editLink.inputValue()).not.toBe(oldEdit);
    const newEdit = await settings.editLink.inputValue();
    expect(newEdit).toMatch(new RegExp(`^${app.url}/p/${plan.id}#[A-Za-z0-9_-]{22,}$`));
    await closedOut(colleague);
    expect(await testApi(coordinator).fatal()).toBeNull();
    await expect.poll(() => testApi(coordinator).connectionState()).toBe('synced');
    expect(await testApi(coordinator).role()).toBe('edit');

    // The coordinator keeps editing: the change reaches a reader on the new read link.
    await settings.title.fill('Länkbyte klart');
    await settings.title.press('Enter');
    const newReader = await openElsewhere(newView);
    await expect.poll(async () => (await readOpenPlan(newReader)).meta.title).toBe('Länkbyte klart');
    await expect.poll(() => testApi(coordinator).unsyncedChanges()).toBe(0);

    // The old links stay dead for a new device too.
    const late = await app.newPage();
    await late.goto(oldEdit);
    await closedOut(late);

    // The coordinator's device kept the new link: a reload opens the plan with it, still editable.
    await coordinator.goto(`${app.url}/p/${plan.id}/installningar`);
    await settings.heading.waitFor();
    await settings.editLink.waitFor();
    expect(await settings.editLink.inputValue()).toBe(newEdit);
    expect(await settings.viewLink.inputValue()).toBe(newView);
    await expect.poll(() => testApi(coordinator).role()).toBe('edit');
    await expect.poll(() => testApi(coordinator).connectionState()).toBe('synced');
    expect(tokenOf(newEdit)).not.toBe(plan.editToken);
  });

  it('[e2e-links] a read link holder sees no "Byt ut länk" button', async () => {
    const plan = await app.createPlan('Bara läsa');
    const page = await app.newPage();
    await page.goto(`${app.url}/p/${plan.id}/installningar#${plan.viewToken}`);
    const settings = new SettingsPage(page);
    await settings.viewLink.waitFor();
    await expect.poll(() => testApi(page).role()).toBe('view');
    expect(await page.getByRole('button', { name: sv['settings.links.replace'] }).count()).toBe(0);
  });
});
