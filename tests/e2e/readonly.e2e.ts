// [e2e-readonly] The view link shows the plan read-only: a notice, no add/delete, no cell editors, and live updates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNCED } from './badge.ts';
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

/** Lets the page finish the work of the last input: two animation frames. */
const settle = (page: PlanPage): Promise<void> =>
  page.page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );

describe('read-only link', () => {
  it('[e2e-readonly] the view link opens the plan read-only, offers no editing, and still updates live', async () => {
    const plan = await app.createPlan('Läsplan');
    const editor = await new PlanPage(await app.newPage()).open(app.link(plan.id, plan.editToken));
    const reader = await new PlanPage(await app.newPage()).open(app.link(plan.id, plan.viewToken));
    const [first, second] = (await readOpenPlan(reader.page)).activities;
    if (!first || !second) throw new Error('the template has fewer than two activities');

    await reader.readOnlyNotice.waitFor();
    await expect(testApi(reader.page).role()).resolves.toBe('view');
    expect(await reader.grid.host.getAttribute('data-readonly')).toBe('true');
    expect(await reader.addButton.count()).toBe(0);
    expect(await reader.deleteButton.count()).toBe(0);
    expect(await reader.exportButton.isVisible()).toBe(true);
    // The editor's page, for contrast: same plan, editing offered.
    expect(await editor.readOnlyNotice.count()).toBe(0);
    expect(await editor.addButton.isVisible()).toBe(true);

    // A double click, Enter or F2 on a cell opens no editor for the reader (it does for the editor).
    await editor.grid.startEditing(first.id, 'text');
    await editor.grid.textEditor.waitFor();
    await editor.grid.textEditor.press('Escape');
    await editor.grid.anyEditor.first().waitFor({ state: 'detached' });

    for (const field of ['text', 'status', 'due'] as const) {
      await reader.grid.startEditing(first.id, field);
      await reader.grid.cell(first.id, field).press('Enter');
      await reader.grid.cell(first.id, field).press('F2');
      await settle(reader);
      expect(await reader.grid.anyEditor.count(), field).toBe(0);
      expect(await reader.page.locator('.choice-list-editor').count(), field).toBe(0);
    }
    await reader.grid.cell(first.id, 'text').press('x');
    await settle(reader);
    expect(await reader.grid.anyEditor.count()).toBe(0);
    expect(await reader.grid.cellText(first.id, 'text')).toBe(first.text);

    // What the editor changes reaches the reader live; the reader stays connected and read-only.
    const text = 'Beslut fattat i ledningssamverkan';
    await editor.grid.editCell(second.id, 'text', text);
    await editor.grid.editCell(second.id, 'status', 'Klar');
    await expect.poll(() => reader.grid.cellText(second.id, 'text')).toBe(text);
    await reader.grid.statusChip(second.id, 'done').waitFor();
    await expect.poll(() => reader.badgeText()).toMatch(SYNCED);
    await expect(testApi(reader.page).fatal()).resolves.toBeNull();
    expect(await readOpenPlan(reader.page)).toEqual(await readOpenPlan(editor.page));
  });
});
