// [e2e-keyboard] With the keyboard alone (Tab, Shift+Tab, Enter, Space, arrows, typing): create a plan, open it,
// add an activity, set its status and owner through the grid's editors, and export CSV. Every stop shows its focus.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { sv } from '../../src/i18n/sv.ts';
import { startApp } from './harness.ts';
import type { E2EApp } from './harness.ts';
import { readOpenPlan } from './testApi.ts';

let app: E2EApp;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

/** What has the focus: enough to recognise it, and whether its focus can be seen. */
interface Focused {
  readonly tag: string;
  readonly id: string;
  readonly name: string;
  /** The grid cell (or header) the focus is in: its row id ('' in the header) and column id. */
  readonly rowId: string | null;
  readonly colId: string | null;
  readonly visible: boolean;
}

function readFocus(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement ?? document.body;
    // A ring: an outline, a shadow, or a border (AG Grid's theme draws a focused cell's border; a header's ::after).
    const ring = (style: CSSStyleDeclaration): boolean =>
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
      style.boxShadow !== 'none' ||
      (style.borderTopStyle !== 'none' &&
        parseFloat(style.borderTopWidth) > 0 &&
        style.borderTopColor !== 'rgba(0, 0, 0, 0)' &&
        element.matches('.ag-cell, .ag-header-cell'));
    const visible = ring(getComputedStyle(element)) || ring(getComputedStyle(element, '::after'));
    const cell = element.closest('[col-id]');
    const row = element.closest('.ag-row[row-id]');
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      name: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 80),
      rowId: row?.getAttribute('row-id') ?? (cell ? '' : null),
      colId: cell?.getAttribute('col-id') ?? null,
      visible: element === document.body || visible,
    };
  });
}

/**
 * Presses `key` until the focus is where `wanted` says (at most `max` times), and checks on the way that every
 * element the focus passes shows it.
 */
async function pressUntil(
  page: Page,
  key: string,
  wanted: (focus: Focused) => boolean,
  max = 60,
): Promise<Focused> {
  const seen: Focused[] = [];
  for (let step = 0; step < max; step++) {
    await page.keyboard.press(key);
    const focus = await readFocus(page);
    seen.push(focus);
    expect(focus.visible, `focus on ${JSON.stringify(focus)} cannot be seen`).toBe(true);
    if (wanted(focus)) return focus;
  }
  throw new Error(`${key} ×${max} never reached the wanted element; went through ${JSON.stringify(seen)}`);
}

const named =
  (name: string) =>
  (focus: Focused): boolean =>
    focus.name === name;

describe('keyboard only', () => {
  it('[e2e-keyboard] create a plan, open it, add an activity, set status and owner, export CSV', async () => {
    const page = await app.newPage();
    await page
      .context()
      .addInitScript((actor) => localStorage.setItem('samplan.actor', JSON.stringify(actor)), {
        name: 'Kim Tangentsson',
        organisation: 'Region Jämtland Härjedalen',
      });
    await page.goto(`${app.url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();

    // The language switch is in the header: English with Space, and back to Svenska with Shift+Tab and Enter.
    await pressUntil(page, 'Tab', named(en['language.en']));
    await page.keyboard.press('Space');
    await page.getByRole('heading', { level: 1, name: en['start.heading'] }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await pressUntil(page, 'Shift+Tab', named(sv['language.sv']));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: sv['start.heading'] }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');

    // Create: the title, the template as it is (Jämtland Härjedalen), and the button.
    await pressUntil(page, 'Tab', (focus) => focus.id === 'plan-title');
    await page.keyboard.type('Tangentplan');
    await pressUntil(page, 'Tab', named(sv['start.create.submit']));
    await page.keyboard.press('Enter');
    await page.locator('#created-heading').filter({ hasText: 'Tangentplan' }).waitFor();

    // Open it: the focus moved to the "created" heading; the link comes after the two links to share.
    await pressUntil(page, 'Tab', named(sv['start.open']));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/p\/[A-Za-z0-9_-]+$/);
    const grid = page.getByTestId('plan-grid');
    await grid.locator('.ag-row[row-id]').first().waitFor();
    const before = await readOpenPlan(page);

    // Add an activity through the dialog: its text field has the focus; Enter adds.
    await pressUntil(page, 'Tab', named(sv['toolbar.add']));
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: sv['add.title'] }).waitFor();
    await page.keyboard.type('Samordna med tangentbordet');
    await pressUntil(page, 'Tab', named(sv['add.submit']));
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: sv['add.title'] }).waitFor({ state: 'hidden' });
    await expect
      .poll(async () => (await readOpenPlan(page)).activities.length)
      .toBe(before.activities.length + 1);
    const added = (await readOpenPlan(page)).activities.find(
      (activity) => activity.text === 'Samordna med tangentbordet',
    );
    if (!added) throw new Error('the activity was not added');

    // Into the grid, down to the new row, over to its status; Enter opens the list, ↓ picks "Pågår", Enter saves.
    await pressUntil(page, 'Tab', (focus) => focus.colId !== null);
    await pressUntil(page, 'ArrowDown', (focus) => focus.rowId === added.id, 80);
    await pressUntil(page, 'ArrowRight', (focus) => focus.colId === 'status', 12);
    await page.keyboard.press('Enter');
    await page.locator('.choice-list-editor').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('.choice-list-editor').waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await readOpenPlan(page)).activities.find((a) => a.id === added.id)?.status)
      .toBe('in_progress');

    // The owner: back to "Ansvarig"; Space ticks the first organisation, Enter saves.
    const focusAfterEdit = await readFocus(page);
    expect(focusAfterEdit).toMatchObject({ rowId: added.id, colId: 'status', visible: true });
    await pressUntil(page, 'ArrowLeft', (focus) => focus.colId === 'owners', 12);
    await page.keyboard.press('Enter');
    await page.locator('.choice-list-editor').waitFor();
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.locator('.choice-list-editor').waitFor({ state: 'detached' });
    const [firstParticipant] = before.participants;
    if (!firstParticipant) throw new Error('the template has no participants');
    await expect
      .poll(async () => (await readOpenPlan(page)).activities.find((a) => a.id === added.id)?.owners)
      .toEqual([firstParticipant.id]);

    // Out of the grid (up to the header, then back through the toolbar) to "Exportera CSV".
    await pressUntil(page, 'ArrowUp', (focus) => focus.rowId === '', 80);
    await pressUntil(page, 'Shift+Tab', named(sv['toolbar.export']), 40);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^aktivitetsplan-Tangentplan-\d{4}-\d{2}-\d{2}\.csv$/);
  });
});
