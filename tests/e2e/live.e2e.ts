// [e2e-live] Two people on one edit link see each other's edits live, and a remote edit never disturbs an open editor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sv } from '../../src/i18n/sv.ts';
import type { Activity } from '../../src/model/schema.ts';
import { startApp } from './harness.ts';
import type { CreatedPlan, E2EApp } from './harness.ts';
import { PlanPage } from './pages/PlanPage.ts';
import { readOpenPlan } from './testApi.ts';

let app: E2EApp;
let plan: CreatedPlan;
let alice: PlanPage;
let bertil: PlanPage;
let rows: Activity[];

beforeAll(async () => {
  app = await startApp();
  plan = await app.createPlan('Liveplan');
  const link = app.link(plan.id, plan.editToken);
  alice = await new PlanPage(await app.newPage()).open(link);
  bertil = await new PlanPage(await app.newPage()).open(link);
  rows = (await readOpenPlan(alice.page)).activities.slice(0, 5);
});
afterAll(async () => {
  await app?.close();
});

/** The activity `id` in a page's plan. */
async function activityIn(page: PlanPage, id: string): Promise<Activity | undefined> {
  return (await readOpenPlan(page.page)).activities.find((activity) => activity.id === id);
}

const row = (index: number): Activity => {
  const found = rows[index];
  if (!found) throw new Error(`the plan has no row ${index}`);
  return found;
};

describe('live editing', () => {
  it("[e2e-live] one person's text and status edit shows in the other's grid, and back the other way", async () => {
    const first = row(0);
    const text = 'Styrgruppen fattar beslut om prioritering – Åre, Östersund';
    await alice.grid.editCell(first.id, 'text', text);
    await alice.grid.editCell(first.id, 'status', 'Klar');
    await expect.poll(() => alice.grid.cellText(first.id, 'text')).toBe(text);

    await expect.poll(() => bertil.grid.cellText(first.id, 'text')).toBe(text);
    await bertil.grid.statusChip(first.id, 'done').waitFor();
    expect(await bertil.grid.cellText(first.id, 'status')).toBe('Klar');
    expect(await activityIn(bertil, first.id)).toMatchObject({ text, status: 'done' });

    // Bertil sets the second row's owners and due date; Alice sees both.
    const second = row(1);
    await bertil.grid.editCell(second.id, 'owners', ['Krokom', 'Åre']);
    await bertil.grid.editCell(second.id, 'due', '2027-03-31');
    await expect.poll(() => alice.grid.cellText(second.id, 'due')).toBe('2027-03-31');
    const owners = await alice.grid.cellText(second.id, 'owners');
    expect(owners).toContain('Krokom');
    expect(owners).toContain('Åre');
    const aliceSees = await activityIn(alice, second.id);
    expect(aliceSees?.due).toBe('2027-03-31');
    expect(aliceSees?.owners).toEqual((await activityIn(bertil, second.id))?.owners);
  });

  it('[e2e-live] a remote edit on another row leaves an open, uncommitted text editor and its typed text alone', async () => {
    const mine = row(2);
    const theirs = row(3);
    const typed = 'Halvvägs skriven mening om länsgemensam rutin';
    const remote = 'Bertil ändrade den här raden under tiden';

    await alice.grid.startEditing(mine.id, 'text');
    await alice.grid.textEditor.fill(typed);

    await bertil.grid.editCell(theirs.id, 'text', remote);
    // The remote change reaches Alice's grid while her editor is open.
    await expect.poll(() => alice.grid.cellText(theirs.id, 'text')).toBe(remote);
    expect(await alice.grid.textEditor.isVisible()).toBe(true);
    expect(await alice.grid.textEditor.inputValue()).toBe(typed);
    expect((await activityIn(alice, mine.id))?.text).toBe(mine.text);

    await alice.grid.textEditor.press('Enter');
    await alice.grid.textEditor.waitFor({ state: 'detached' });
    // AG Grid hands the edit over just after the popup closes: poll rather than read at once.
    await expect.poll(async () => (await activityIn(alice, mine.id))?.text).toBe(typed);
    await expect.poll(() => alice.grid.cellText(mine.id, 'text')).toBe(typed);
    expect(await alice.grid.cellText(theirs.id, 'text')).toBe(remote);
    await expect.poll(() => bertil.grid.cellText(mine.id, 'text')).toBe(typed);
    expect(await readOpenPlan(bertil.page)).toEqual(await readOpenPlan(alice.page));
  });

  it('[e2e-live] Enter in a text editor saves at once, as one change and one undo step', async () => {
    const target = row(4);
    const page = await app.newPage();
    const carl = await new PlanPage(page).open(app.link(plan.id, plan.editToken));
    // What the plan holds while the Enter key is still being handled (a window listener runs after the grid's own).
    await page.evaluate((id) => {
      const seen: string[] = [];
      (window as unknown as { seenOnEnter: string[] }).seenOnEnter = seen;
      window.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter') return;
        const activity = window.__samplan?.readPlan()?.activities.find((candidate) => candidate.id === id);
        seen.push(`${activity?.note ?? ''}|${activity?.responsible ?? ''}`);
      });
    }, target.id);

    await carl.grid.editCell(target.id, 'note', 'Sparas på Enter');
    await carl.grid.editCell(target.id, 'responsible', 'Dana Dahl');
    const seen = await page.evaluate(() => (window as unknown as { seenOnEnter: string[] }).seenOnEnter);
    expect(seen).toEqual(['Sparas på Enter|', 'Sparas på Enter|Dana Dahl']);
    await expect.poll(async () => (await activityIn(alice, target.id))?.responsible).toBe('Dana Dahl');

    // Two edits, two undo steps: the request AG Grid sends after the key changed nothing more.
    await carl.grid.cell(target.id, 'note').click();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await activityIn(carl, target.id))?.responsible).toBe(target.responsible);
    expect((await activityIn(carl, target.id))?.note).toBe('Sparas på Enter');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await activityIn(carl, target.id))?.note).toBe(target.note);
    await page.keyboard.press('Control+z');
    await expect.poll(() => carl.announcement.innerText()).toBe(sv['undo.nothing']);
    await page.close();
  });
});
