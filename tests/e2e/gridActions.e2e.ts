// [e2e-drag] [e2e-delete] [e2e-filter] [e2e-refuse] [e2e-step] What a person does to rows in the grid: drag a row to
// another place, delete one after a question, narrow the view with search and filters, get a reason for a refused
// edit, and move an activity to another step in one action.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sv } from '../../src/i18n/sv.ts';
import type { Activity, ParticipantId, PlanSnapshot } from '../../src/model/schema.ts';
import { startApp } from './harness.ts';
import type { E2EApp } from './harness.ts';
import { PlanPage } from './pages/PlanPage.ts';
import { readOpenPlan } from './testApi.ts';

const TEMPLATE_ACTIVITIES = 42;

let app: E2EApp;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

/** A new plan from the template, opened by `people` people (each in their own browser context) on its edit link. */
async function openNewPlan(
  title: string,
  people: number,
): Promise<{ pages: PlanPage[]; plan: PlanSnapshot }> {
  const created = await app.createPlan(title);
  const pages: PlanPage[] = [];
  for (let person = 0; person < people; person++) {
    pages.push(await new PlanPage(await app.newPage()).open(app.link(created.id, created.editToken)));
  }
  const [first] = pages;
  if (!first) throw new Error('openNewPlan: nobody opened the plan');
  const plan = await readOpenPlan(first.page);
  expect(plan.activities).toHaveLength(TEMPLATE_ACTIVITIES);
  return { pages, plan };
}

/** Two people on one plan. */
async function twoEditors(title: string): Promise<{ alice: PlanPage; bertil: PlanPage; plan: PlanSnapshot }> {
  const { pages, plan } = await openNewPlan(title, 2);
  const [alice, bertil] = pages;
  if (!alice || !bertil) throw new Error('twoEditors: a page is missing');
  return { alice, bertil, plan };
}

/** One person on a new plan. */
async function oneEditor(title: string): Promise<{ page: PlanPage; plan: PlanSnapshot }> {
  const {
    pages: [page],
    plan,
  } = await openNewPlan(title, 1);
  if (!page) throw new Error('oneEditor: the page is missing');
  return { page, plan };
}

/** The activity ids of a page's plan, in plan order. */
async function idsIn(page: PlanPage): Promise<string[]> {
  return (await readOpenPlan(page.page)).activities.map((activity) => activity.id);
}

/** The activity `id` in a page's plan. */
async function activityIn(page: PlanPage, id: string): Promise<Activity | undefined> {
  return (await readOpenPlan(page.page)).activities.find((activity) => activity.id === id);
}

/** The template activity with exactly this text. */
function withText(plan: PlanSnapshot, text: string): Activity {
  const found = plan.activities.find((activity) => activity.text === text);
  if (!found) throw new Error(`the template has no activity "${text}"`);
  return found;
}

function at(plan: PlanSnapshot, index: number): Activity {
  const found = plan.activities[index];
  if (!found) throw new Error(`the plan has no activity ${index}`);
  return found;
}

/** `ids` with `moved` taken out and put back right after `after`. */
function movedAfter(ids: readonly string[], moved: string, after: string): string[] {
  const rest = ids.filter((id) => id !== moved);
  rest.splice(rest.indexOf(after) + 1, 0, moved);
  return rest;
}

/** Waits until the grid shows every row again, the rendered ones from the top in plan order. */
async function expectAllRowsShown(page: PlanPage, ids: readonly string[]): Promise<void> {
  await expect.poll(() => page.grid.displayedRowCount()).toBe(ids.length);
  await expect
    .poll(async () => {
      const rendered = await page.grid.renderedRowIds();
      // A screenful of rows from the top, not just the one or two a filter left.
      return rendered.length >= 5 && rendered.every((id, index) => ids[index] === id);
    })
    .toBe(true);
}

describe('grid actions', () => {
  it("[e2e-drag] dragging an activity's handle onto a row further down in another focus area moves it right after that row, for everyone", async () => {
    const { alice, bertil, plan } = await twoEditors('Dragplan');
    const ids = plan.activities.map((activity) => activity.id);
    const moved = withText(plan, 'Att arbetet ska prioriteras');
    const onto = withText(plan, 'Genomföra fler brukarrevisioner');
    expect(onto.focusAreaId).not.toBe(moved.focusAreaId);
    expect(ids.indexOf(onto.id)).toBeGreaterThan(ids.indexOf(moved.id) + 1);
    const expected = movedAfter(ids, moved.id, onto.id);

    await alice.grid.dragRow(moved.id, onto.id);

    await expect.poll(() => idsIn(alice)).toEqual(expected);
    expect(await activityIn(alice, moved.id)).toMatchObject({
      focusAreaId: onto.focusAreaId,
      step: onto.step,
      text: moved.text,
    });
    await expect.poll(() => alice.grid.rowIndex(moved.id)).toBe(expected.indexOf(moved.id));
    const areaName = plan.focusAreas.find((area) => area.id === onto.focusAreaId)?.name;
    expect(await alice.grid.cellText(moved.id, 'focusAreaId')).toBe(areaName);

    // Bertil's plan and grid show the same order.
    await expect.poll(() => idsIn(bertil)).toEqual(expected);
    const shownTo = expected.indexOf(moved.id) + 2;
    await expect
      .poll(async () => (await bertil.grid.renderedRowIds()).slice(0, shownTo))
      .toEqual(expected.slice(0, shownTo));
    expect(await bertil.grid.cellText(moved.id, 'focusAreaId')).toBe(areaName);
    expect(await readOpenPlan(bertil.page)).toEqual(await readOpenPlan(alice.page));
  });

  it('[e2e-delete] "Ta bort" on a selected row asks first: "Avbryt" keeps it, confirming removes it for everyone', async () => {
    const { alice, bertil, plan } = await twoEditors('Borttagningsplan');
    const doomed = at(plan, 2);
    await bertil.grid.row(doomed.id).waitFor();

    await alice.grid.select(doomed.id);
    await alice.deleteButton.click();
    await alice.deleteDialog.waitFor();
    expect(await alice.deleteDialog.innerText()).toContain(
      sv['delete.confirmOne'].replace('{text}', doomed.text),
    );
    // The safe answer has the focus.
    expect(await alice.cancelDelete.evaluate((button) => button === document.activeElement)).toBe(true);
    await alice.cancelDelete.click();
    await alice.deleteDialog.waitFor({ state: 'hidden' });
    expect(await idsIn(alice)).toEqual(plan.activities.map((activity) => activity.id));
    await alice.grid.row(doomed.id).waitFor();

    await alice.deleteButton.click();
    await alice.confirmDelete.click();
    await alice.deleteDialog.waitFor({ state: 'hidden' });
    await alice.announcement.filter({ hasText: sv['plan.deletedOne'] }).waitFor();
    const left = await idsIn(alice);
    expect(left).toHaveLength(TEMPLATE_ACTIVITIES - 1);
    expect(left).toEqual(plan.activities.map((activity) => activity.id).filter((id) => id !== doomed.id));
    await alice.grid.row(doomed.id).waitFor({ state: 'detached' });

    await expect.poll(() => idsIn(bertil)).toEqual(left);
    await bertil.grid.row(doomed.id).waitFor({ state: 'detached' });
  });

  it('[e2e-filter] search and the status, step and owner filters narrow the rows shown, clearing restores them, and export still writes all rows', async () => {
    const { page, plan } = await oneEditor('Filterplan');
    const ids = plan.activities.map((activity) => activity.id);

    // Quick search
    await page.search('brukarrevisioner');
    await expect
      .poll(() => page.grid.renderedRowIds())
      .toEqual([withText(plan, 'Genomföra fler brukarrevisioner').id]);
    expect(await page.grid.displayedRowCount()).toBe(1);
    await page.search('');
    await expectAllRowsShown(page, ids);

    // Status: one activity in progress
    const started = at(plan, 5);
    await page.grid.editCell(started.id, 'status', sv['status.in_progress']);
    await page.filterBy('status', sv['status.in_progress']);
    await expect.poll(() => page.grid.renderedRowIds()).toEqual([started.id]);
    expect(await page.grid.displayedRowCount()).toBe(1);
    await page.filterBy('status', null);
    await expectAllRowsShown(page, ids);

    // Step 3, and "Exportera CSV" while it is on
    const stepThree = plan.activities
      .filter((activity) => activity.step === 3)
      .map((activity) => activity.id);
    expect(stepThree.length).toBeGreaterThan(1);
    await page.filterBy('step', sv['step.label'].replace('{step}', '3'));
    await expect.poll(() => page.grid.renderedRowIds()).toEqual(stepThree);
    expect(await page.grid.displayedRowCount()).toBe(stepThree.length);

    const download = await page.exportCsv();
    const text = (await readFile(await download.path())).toString('utf8');
    const records = parse(text, { bom: true, delimiter: ';', record_delimiter: '\r\n' }) as string[][];
    expect(records).toHaveLength(TEMPLATE_ACTIVITIES + 1);
    const exported = await readOpenPlan(page.page);
    expect(records.slice(1).map((record) => record[3])).toEqual(
      exported.activities.map((activity) => activity.text),
    );
    expect(records.slice(1).map((record) => record[2])).toEqual(
      exported.activities.map((activity) => String(activity.step)),
    );
    // The filter is still on after the export.
    expect(await page.grid.renderedRowIds()).toEqual(stepThree);
    await page.filterBy('step', null);
    await expectAllRowsShown(page, ids);

    // Owner: Krokom owns two rows; a row owned by Åre alone stays out.
    const krokomOnly = at(plan, 1);
    const krokomAndAre = at(plan, 3);
    const areOnly = at(plan, 4);
    await page.grid.editCell(krokomOnly.id, 'owners', ['Krokom']);
    await page.grid.editCell(krokomAndAre.id, 'owners', ['Krokom', 'Åre']);
    await page.grid.editCell(areOnly.id, 'owners', ['Åre']);
    const idOf = (name: string): ParticipantId => {
      const found = plan.participants.find((participant) => participant.name === name);
      if (!found) throw new Error(`the template has no participant ${name}`);
      return found.id;
    };
    const [krokom, are] = [idOf('Krokom'), idOf('Åre')];
    const ownersOf = async (rows: readonly Activity[]): Promise<string[][]> => {
      const now = await readOpenPlan(page.page);
      return rows.map((row) =>
        [...(now.activities.find((activity) => activity.id === row.id)?.owners ?? [])].sort(),
      );
    };
    await expect
      .poll(() => ownersOf([krokomOnly, krokomAndAre, areOnly]))
      .toEqual([[krokom], [krokom, are].sort(), [are]]);
    const ownedByKrokom = (await readOpenPlan(page.page)).activities.filter((activity) =>
      activity.owners.includes(krokom),
    );
    expect(ownedByKrokom.map((activity) => activity.id)).toEqual([krokomOnly.id, krokomAndAre.id]);
    await page.filterBy('owner', 'Krokom');
    await expect.poll(() => page.grid.renderedRowIds()).toEqual([krokomOnly.id, krokomAndAre.id]);
    expect(await page.grid.displayedRowCount()).toBe(2);
    await page.filterBy('owner', null);
    await expectAllRowsShown(page, ids);
  });

  it('[e2e-refuse] an empty activity text and an impossible due date are refused with a Swedish reason and stored nowhere', async () => {
    const { alice, bertil, plan } = await twoEditors('Vägransplan');
    const first = at(plan, 0);
    const second = at(plan, 1);
    const third = at(plan, 2);

    // An activity's text may not be emptied.
    await alice.grid.startEditing(first.id, 'text');
    await alice.grid.textEditor.fill('');
    await alice.grid.textEditor.press('Enter');
    await alice.grid.anyEditor.first().waitFor({ state: 'detached' });
    await alice.problem.filter({ hasText: sv['error.required'] }).waitFor();
    expect(await alice.problem.innerText()).toBe(sv['error.required']);
    expect(await alice.problem.getAttribute('role')).toBe('alert');
    expect(await alice.grid.cellText(first.id, 'text')).toBe(first.text);
    expect((await activityIn(alice, first.id))?.text).toBe(first.text);

    // 31 February, typed into the date field segment by segment (Chromium's field is mm/dd/yyyy here).
    const due = '2027-03-31';
    await alice.grid.editCell(second.id, 'due', due);
    const dateField = await alice.grid.typeDate(second.id, ['02', '31', '2027']);
    expect(await dateField.evaluate((field: HTMLInputElement) => field.validity.badInput)).toBe(true);
    await dateField.press('Enter');
    await alice.grid.anyEditor.first().waitFor({ state: 'detached' });
    await alice.problem.filter({ hasText: sv['error.bad_date'] }).waitFor();
    expect(await alice.problem.innerText()).toBe(sv['error.bad_date']);
    expect(await alice.grid.cellText(second.id, 'due')).toBe(due);
    expect((await activityIn(alice, second.id))?.due).toBe(due);

    // A later, valid edit reaches Bertil; the refused ones never did.
    await alice.grid.editCell(third.id, 'status', sv['status.done']);
    await expect.poll(async () => (await activityIn(bertil, third.id))?.status).toBe('done');
    // The refusal no longer applies once a change of Alice's has gone through.
    await expect.poll(() => alice.problem.innerText()).toBe('');
    expect((await activityIn(bertil, first.id))?.text).toBe(first.text);
    expect((await activityIn(bertil, second.id))?.due).toBe(due);
    expect(await bertil.grid.cellText(first.id, 'text')).toBe(first.text);
    expect(await bertil.grid.cellText(second.id, 'due')).toBe(due);
    expect(await readOpenPlan(bertil.page)).toEqual(await readOpenPlan(alice.page));
  });

  it('[e2e-refuse] a focus area priority of 0 or 120 typed in the Prioritet cell is refused with a Swedish reason', async () => {
    // One person per value, so each refusal is a fresh message in an empty alert line.
    const typedValues = ['0', '120'];
    const { pages, plan } = await openNewPlan('Prioritetsplan', typedValues.length);
    const first = at(plan, 0);
    const area = plan.focusAreas.find((focusArea) => focusArea.id === first.focusAreaId);
    if (!area) throw new Error('the first activity has no focus area');

    for (const [index, typed] of typedValues.entries()) {
      const page = pages[index];
      if (!page) throw new Error(`no page for ${typed}`);
      expect(await page.problem.innerText()).toBe('');
      await page.grid.editCell(first.id, 'priority', typed);
      await page.problem.filter({ hasText: sv['error.bad_priority'] }).waitFor();
      expect(await page.problem.innerText()).toBe(sv['error.bad_priority']);
      expect(await page.grid.cellText(first.id, 'priority')).toBe(String(area.priority));
      expect((await readOpenPlan(page.page)).focusAreas).toEqual(plan.focusAreas);
    }
  });

  it('[e2e-step] choosing "Steg 3" in an activity\'s Steg cell moves it to the end of step 3 of its focus area in one action', async () => {
    const { page, plan } = await oneEditor('Stegplan');
    const ids = plan.activities.map((activity) => activity.id);
    const moved = withText(plan, 'Kartlägga och inventera utbildningsinsatser');
    expect(moved.step).toBe(1);
    const lastOfStepThree = plan.activities
      .filter((activity) => activity.focusAreaId === moved.focusAreaId && activity.step === 3)
      .at(-1);
    if (!lastOfStepThree) throw new Error('the focus area has no step 3 activity');
    const expected = movedAfter(ids, moved.id, lastOfStepThree.id);

    await page.grid.editCell(moved.id, 'step', sv['step.label'].replace('{step}', '3'));

    await expect.poll(() => idsIn(page)).toEqual(expected);
    expect(await activityIn(page, moved.id)).toMatchObject({
      focusAreaId: moved.focusAreaId,
      step: 3,
      text: moved.text,
    });
    await expect.poll(() => page.grid.rowIndex(moved.id)).toBe(expected.indexOf(moved.id));
    expect(await page.grid.rowIndex(lastOfStepThree.id)).toBe(expected.indexOf(moved.id) - 1);
    expect(await page.grid.cellText(moved.id, 'step')).toBe('3');
  });
});
