// [e2e-undo] [e2e-paste] [e2e-keys] Spreadsheet keys in the plan: undo and redo of one's own changes only (never a
// colleague's, refused where a colleague changed the cell since), paste of a spreadsheet block as one undoable
// action, copy, Delete, the add-row shortcut, AG Grid's own keys, and the shortcuts help.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sv } from '../../src/i18n/sv.ts';
import type { Activity, PlanSnapshot } from '../../src/model/schema.ts';
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

const ALICE = { name: 'Alice Andersson', organisation: 'Region Jämtland Härjedalen' };
const BERTIL = { name: 'Bertil Berg', organisation: 'Östersund' };

/** A person with a stored identity (as the "who am I" dialog keeps it) on the plan's edit link. */
async function personOn(link: string, actor: { name: string; organisation: string }): Promise<PlanPage> {
  const page = await app.newPage();
  await page
    .context()
    .addInitScript((value) => localStorage.setItem('samplan.actor', value), JSON.stringify(actor));
  return new PlanPage(page).open(link);
}

async function newPlan(title: string): Promise<string> {
  const created = await app.createPlan(title);
  return app.link(created.id, created.editToken);
}

async function activityIn(page: PlanPage, id: string): Promise<Activity | undefined> {
  return (await readOpenPlan(page.page)).activities.find((activity) => activity.id === id);
}

function at(plan: PlanSnapshot, index: number): Activity {
  const found = plan.activities[index];
  if (!found) throw new Error(`the plan has no activity ${index}`);
  return found;
}

/** The grid cell that has the keyboard focus: its row id and column id. */
const focusedCell = (page: Page): Promise<{ rowId: string | null; colId: string | null }> =>
  page.evaluate(() => {
    const cell = document.activeElement?.closest('.ag-cell') ?? null;
    return {
      rowId: cell?.closest('[row-id]')?.getAttribute('row-id') ?? null,
      colId: cell?.getAttribute('col-id') ?? null,
    };
  });

/** Fires the clipboard event a spreadsheet paste (or a copy) makes, on the focused element; returns text/plain after. */
const clipboardEvent = (page: Page, type: 'paste' | 'copy', text = ''): Promise<string> =>
  page.evaluate(
    ([kind, data]) => {
      const transfer = new DataTransfer();
      if (kind === 'paste') transfer.setData('text/plain', data);
      const target = document.activeElement ?? document.body;
      // Read what the app put on the clipboard while the event is still being dispatched (the data is
      // readable only then), from a listener that runs after the grid's.
      let written = '';
      const read = (event: ClipboardEvent): void => {
        written = event.clipboardData?.getData('text/plain') ?? '';
      };
      window.addEventListener(kind, read);
      target.dispatchEvent(
        new ClipboardEvent(kind, { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
      window.removeEventListener(kind, read);
      return written;
    },
    [type, text] as const,
  );

const fieldsOf = (activity: Activity | undefined) =>
  activity && {
    status: activity.status,
    due: activity.due,
    reformParts: activity.reformParts,
    note: activity.note,
  };

describe('[e2e-undo] undo and redo', () => {
  it('[e2e-undo-mine] Ctrl+Z undoes my change and leaves a colleague’s change alone', async () => {
    const link = await newPlan('Ångra mitt');
    const alice = await personOn(link, ALICE);
    const bertil = await personOn(link, BERTIL);
    const plan = await readOpenPlan(alice.page);
    const row = at(plan, 0);

    await alice.grid.editCell(row.id, 'note', 'Alices anteckning');
    await expect.poll(async () => (await activityIn(bertil, row.id))?.note).toBe('Alices anteckning');
    await bertil.grid.editCell(row.id, 'responsible', 'Karin Ek');
    await expect.poll(async () => (await activityIn(alice, row.id))?.responsible).toBe('Karin Ek');

    await alice.grid.cell(row.id, 'note').click();
    await alice.page.keyboard.press('Control+z');
    for (const person of [alice, bertil]) {
      await expect
        .poll(async () => {
          const activity = await activityIn(person, row.id);
          return [activity?.note, activity?.responsible];
        })
        .toEqual([row.note, 'Karin Ek']);
    }
    await expect.poll(() => alice.announcement.innerText()).toBe(sv['undo.done']);

    // Redo puts it back; a second undo with nothing of mine left changes nothing of Bertil's.
    await alice.page.keyboard.press('Control+y');
    await expect.poll(async () => (await activityIn(bertil, row.id))?.note).toBe('Alices anteckning');
    await alice.page.keyboard.press('Control+Shift+z');
    await expect.poll(() => alice.announcement.innerText()).toBe(sv['redo.nothing']);
    await alice.page.keyboard.press('Control+z');
    await alice.page.keyboard.press('Control+z');
    await expect.poll(() => alice.announcement.innerText()).toBe(sv['undo.nothing']);
    expect((await activityIn(alice, row.id))?.responsible).toBe('Karin Ek');
  });

  it('[e2e-undo-refused] undo is refused when a colleague changed the same cell since', async () => {
    const link = await newPlan('Ångra nekat');
    const alice = await personOn(link, ALICE);
    const bertil = await personOn(link, BERTIL);
    const row = at(await readOpenPlan(alice.page), 1);

    await alice.grid.editCell(row.id, 'note', 'Alice skrev');
    await expect.poll(async () => (await activityIn(bertil, row.id))?.note).toBe('Alice skrev');
    await bertil.grid.editCell(row.id, 'note', 'Bertil skrev');
    await expect.poll(async () => (await activityIn(alice, row.id))?.note).toBe('Bertil skrev');
    const before = await readOpenPlan(alice.page);

    await alice.grid.cell(row.id, 'note').click();
    await alice.page.keyboard.press('Control+z');
    await expect
      .poll(() => alice.problem.innerText())
      .toBe(sv['error.changed_since'].replace('{name}', BERTIL.name));
    expect(await readOpenPlan(alice.page)).toEqual(before);
    expect((await activityIn(bertil, row.id))?.note).toBe('Bertil skrev');
  });
});

describe('[e2e-paste] clipboard', () => {
  it('[e2e-paste-block] a spreadsheet block fills the cells, bad values are reported, one Ctrl+Z undoes it all', async () => {
    const alice = await personOn(await newPlan('Klistra in'), ALICE);
    const plan = await readOpenPlan(alice.page);
    const rows = [at(plan, 0), at(plan, 1), at(plan, 2)];
    const [first, second, third] = rows as [Activity, Activity, Activity];

    // As Excel puts it: tabs, CRLF, a note with a line break quoted.
    const block = [
      'Pågår\t2027-03-01\t1, 3\t"rad ett\nrad två"',
      'Okänd status\t2027-04-01\t2\tandra',
      'Klar\t2027-02-30\t10\ttredje',
      '',
    ].join('\r\n');
    await alice.grid.cell(first.id, 'status').click();
    await clipboardEvent(alice.page, 'paste', block);

    await expect
      .poll(async () => fieldsOf(await activityIn(alice, first.id)))
      .toEqual({
        status: 'in_progress',
        due: '2027-03-01',
        reformParts: [1, 3],
        note: 'rad ett\nrad två',
      });
    expect(fieldsOf(await activityIn(alice, second.id))).toEqual({
      status: second.status,
      due: '2027-04-01',
      reformParts: [2],
      note: 'andra',
    });
    expect(fieldsOf(await activityIn(alice, third.id))).toEqual({
      status: 'done',
      due: third.due,
      reformParts: [10],
      note: 'tredje',
    });
    expect(await alice.announcement.innerText()).toBe(sv['paste.doneMany'].replace('{count}', '10'));
    const problem = await alice.problem.innerText();
    expect(problem).toContain(`rad 2, ${sv['column.status']}: ${sv['error.bad_status']}`);
    expect(problem).toContain(`rad 3, ${sv['column.due']}: ${sv['error.bad_date']}`);

    await alice.grid.cell(first.id, 'status').click();
    await alice.page.keyboard.press('Control+z');
    await expect
      .poll(async () => Promise.all(rows.map(async (row) => fieldsOf(await activityIn(alice, row.id)))))
      .toEqual(rows.map(fieldsOf));
  });

  it('[e2e-copy] Ctrl+C copies the focused cell’s text as shown', async () => {
    const alice = await personOn(await newPlan('Kopiera'), ALICE);
    const row = at(await readOpenPlan(alice.page), 0);
    await alice.grid.cell(row.id, 'status').click();
    expect(await clipboardEvent(alice.page, 'copy')).toBe(sv[`status.${row.status}`]);
    await alice.grid.cell(row.id, 'step').click();
    expect(await clipboardEvent(alice.page, 'copy')).toBe(String(row.step));
  });
});

describe('[e2e-keys] keys on a focused cell', () => {
  it('[e2e-keys-delete] Delete clears a note, and is refused on a cell that must have a value', async () => {
    const alice = await personOn(await newPlan('Töm'), ALICE);
    const row = at(await readOpenPlan(alice.page), 0);
    await alice.grid.editCell(row.id, 'note', 'Ska bort');
    await expect.poll(async () => (await activityIn(alice, row.id))?.note).toBe('Ska bort');

    await alice.grid.cell(row.id, 'note').click();
    await alice.page.keyboard.press('Delete');
    await expect.poll(async () => (await activityIn(alice, row.id))?.note).toBe('');
    await expect(alice.grid.anyEditor.count()).resolves.toBe(0);

    await alice.grid.cell(row.id, 'text').click();
    await alice.page.keyboard.press('Backspace');
    await expect
      .poll(() => alice.problem.innerText())
      .toBe(sv['keys.cannotClear'].replace('{column}', sv['column.text']));
    expect((await activityIn(alice, row.id))?.text).toBe(row.text);
    expect(await alice.grid.anyEditor.count()).toBe(0);
  });

  it('[e2e-keys-add-row] Alt+Enter adds an activity right below, in the same focus area and step, focused', async () => {
    const alice = await personOn(await newPlan('Ny rad'), ALICE);
    const plan = await readOpenPlan(alice.page);
    const row = at(plan, 1);
    await alice.grid.cell(row.id, 'owners').click();
    await alice.page.keyboard.press('Alt+Enter');
    await expect
      .poll(async () => (await readOpenPlan(alice.page)).activities.length)
      .toBe(plan.activities.length + 1);
    const added = at(await readOpenPlan(alice.page), 2);
    expect(added).toMatchObject({
      focusAreaId: row.focusAreaId,
      step: row.step,
      text: sv['keys.newActivity'],
    });
    await expect.poll(() => focusedCell(alice.page)).toEqual({ rowId: added.id, colId: 'text' });

    // Typing replaces the placeholder, as in any cell.
    await alice.page.keyboard.type('Samordna hemsjukvården');
    await alice.page.keyboard.press('Enter');
    await expect.poll(async () => (await activityIn(alice, added.id))?.text).toBe('Samordna hemsjukvården');
  });

  it('[e2e-keys-grid] arrows, Tab, F2, Enter, typing and Escape work as AG Grid does them', async () => {
    const alice = await personOn(await newPlan('Tangenter'), ALICE);
    const plan = await readOpenPlan(alice.page);
    const [first, second] = [at(plan, 0), at(plan, 1)];
    await alice.grid.cell(first.id, 'text').click();
    await alice.page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedCell(alice.page)).toEqual({ rowId: second.id, colId: 'text' });
    await alice.page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedCell(alice.page)).toEqual({ rowId: second.id, colId: 'owners' });
    await alice.page.keyboard.press('Tab');
    await expect.poll(() => focusedCell(alice.page)).toEqual({ rowId: second.id, colId: 'responsible' });

    await alice.page.keyboard.press('F2');
    await alice.grid.anyEditor.first().waitFor();
    await alice.page.keyboard.press('Escape');
    await alice.grid.anyEditor.first().waitFor({ state: 'detached' });

    await alice.page.keyboard.type('Kim');
    await alice.grid.anyEditor.first().waitFor();
    await alice.page.keyboard.press('Escape');
    await alice.grid.anyEditor.first().waitFor({ state: 'detached' });
    expect((await activityIn(alice, second.id))?.responsible).toBe(second.responsible);

    await alice.page.keyboard.press('Enter');
    await alice.grid.anyEditor.first().waitFor();
    await alice.page.keyboard.press('Control+a');
    await alice.page.keyboard.type('Kim Ek');
    await alice.page.keyboard.press('Enter');
    await expect.poll(async () => (await activityIn(alice, second.id))?.responsible).toBe('Kim Ek');
  });

  it('[e2e-keys-help] "?" and the toolbar button open the list of shortcuts', async () => {
    const alice = await personOn(await newPlan('Hjälp'), ALICE);
    const row = at(await readOpenPlan(alice.page), 0);
    const dialog = alice.page.getByRole('dialog', { name: sv['shortcuts.title'] });

    await alice.grid.cell(row.id, 'text').click();
    await alice.page.keyboard.press('?');
    await dialog.waitFor();
    expect(await dialog.locator('tbody tr').count()).toBe(11);
    await expect(dialog.innerText()).resolves.toContain(sv['shortcuts.addRow.keys']);
    await alice.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await alice.grid.anyEditor.count()).toBe(0);

    await alice.page.getByRole('button', { name: sv['shortcuts.open'], exact: true }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: sv['shortcuts.close'], exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  });
});
