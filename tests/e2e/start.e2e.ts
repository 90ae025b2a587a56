// [e2e-start] The start page: one click makes the Jämtland Härjedalen plan, shows its links and opens it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sv } from '../../src/i18n/sv.ts';
import { SYNCED } from './badge.ts';
import { startApp } from './harness.ts';
import type { E2EApp } from './harness.ts';
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

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('start page', () => {
  it('[e2e-start] creates a Jämtland Härjedalen plan with one click, shows its links, opens it and lists it', async () => {
    const page = await app.newPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    const start = await new StartPage(page).goto(app.url);
    await expect(start.heading.innerText()).resolves.toBe(sv['start.heading']);

    // One click with the defaults.
    await start.createButton.click();
    const title = sv['start.create.titleDefault'];
    await start.createdHeading.filter({ hasText: title }).waitFor();
    expect(await start.createdHeading.innerText()).toBe(
      sv['start.created.heading'].replace('{title}', title),
    );

    const linkPattern = new RegExp(`^${escape(app.url)}/p/([A-Za-z0-9_-]+)#([A-Za-z0-9_-]{20,})$`);
    const editLink = await start.editLink.inputValue();
    const viewLink = await start.viewLink.inputValue();
    const [, planId, editToken] = linkPattern.exec(editLink) ?? [];
    const [, viewPlanId, viewToken] = linkPattern.exec(viewLink) ?? [];
    expect(planId, editLink).toBeDefined();
    expect(viewPlanId, viewLink).toBe(planId);
    expect(viewToken).not.toBe(editToken);

    // Both links have a copy button; the copied text is the whole link.
    await start.copyViewLink.waitFor();
    await start.copyEditLink.click();
    await start.copyStatus('edit-link').filter({ hasText: sv['start.copied'] }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(editLink);

    // "Öppna planen" opens the grid with the whole template.
    await start.openButton.click();
    await page.waitForURL(`${app.url}/p/${planId}`);
    const plan = new PlanPage(page);
    await plan.waitUntilShown();
    const snapshot = await readOpenPlan(page);
    expect(snapshot.activities).toHaveLength(42);
    expect(snapshot.meta.title).toBe(title);
    await expect(testApi(page).role()).resolves.toBe('edit');
    expect(await plan.title.innerText()).toBe(title);

    const firstArea = snapshot.focusAreas[0];
    const firstActivity = snapshot.activities.find((activity) => activity.focusAreaId === firstArea?.id);
    if (!firstArea || !firstActivity) throw new Error('the template has no first focus area with activities');
    expect(firstArea.name).toBe('Övergripande beslut om riktningen framåt');
    expect(await plan.grid.cellText(firstActivity.id, 'focusAreaId')).toBe(firstArea.name);
    expect(await plan.grid.cellText(firstActivity.id, 'text')).toBe(firstActivity.text);
    await expect.poll(() => plan.badgeText()).toMatch(SYNCED);

    // Back on the start page, the plan is listed as opened on this device, with edit rights.
    await start.goto(app.url);
    const listed = start.recentPlans.filter({ has: page.getByRole('link', { name: title, exact: true }) });
    await listed.waitFor();
    expect(await listed.getByRole('link').getAttribute('href')).toBe(`/p/${planId}`);
    expect(await listed.innerText()).toContain(sv['role.edit']);
  });
});
