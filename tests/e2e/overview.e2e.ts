// [e2e-overview] The overview (Översikt) in headless Chromium: the plan as focus areas against Steg 1–3, live while
// a colleague edits in the table, an activity opens in the table, accessible, and printable on A4 landscape.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sv } from '../../src/i18n/sv.ts';
import type { Activity, PlanSnapshot } from '../../src/model/schema.ts';
import { axeViolations } from './axe.ts';
import { startApp } from './harness.ts';
import type { CreatedPlan, E2EApp } from './harness.ts';
import { OverviewPage } from './pages/OverviewPage.ts';
import { PlanPage } from './pages/PlanPage.ts';
import { readOpenPlan } from './testApi.ts';

const DIRECTION = 'Övergripande beslut om riktningen framåt';
const USERS = 'Brukar- och patientmedverkan';
const SIP = 'SIP';

let app: E2EApp;
let created: CreatedPlan;
/** Alice reads the overview; Bertil edits in the table in a browser of his own. */
let alice: OverviewPage;
let bertil: PlanPage;
let plan: PlanSnapshot;

beforeAll(async () => {
  app = await startApp();
  created = await app.createPlan('Översikt Jämtland');
  const link = app.link(created.id, created.editToken);
  const alicePage = await app.newPage({
    identity: { name: 'Alice Andersson', organisation: 'Region Jämtland Härjedalen' },
  });
  await new PlanPage(alicePage).open(link);
  alice = await new OverviewPage(alicePage).openFromNav();
  bertil = await new PlanPage(
    await app.newPage({ identity: { name: 'Bertil Berg', organisation: 'Östersund' } }),
  ).open(link);
  plan = await readOpenPlan(bertil.page);
  // A locator that never matches fails in seconds with its name, not at the test's timeout.
  alicePage.setDefaultTimeout(10_000);
  bertil.page.setDefaultTimeout(10_000);
});
afterAll(async () => {
  await app?.close();
});

function withText(text: string): Activity {
  const found = plan.activities.find((activity) => activity.text === text);
  if (!found) throw new Error(`the template has no activity "${text}"`);
  return found;
}

/** Today on the test browsers' clock (Swedish time), as the app writes it. */
const todayInSweden = (): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

/** Whether an element is laid out (display: none anywhere up its tree makes it not). */
const isShown = (page: Page, selector: string): Promise<boolean> =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => (element as HTMLElement).offsetParent !== null);

describe('[e2e-overview] the overview', () => {
  it('opens from the view links and shows the focus areas in priority order, each activity under its step', async () => {
    expect(new URL(alice.page.url()).pathname).toBe(`/p/${created.id}/oversikt`);
    expect(await alice.areaNames()).toEqual(plan.focusAreas.map((area) => area.name));
    expect((await alice.priorities()).slice(0, 3)).toEqual([
      sv['overview.priority'].replace('{priority}', '1'),
      sv['overview.priority'].replace('{priority}', '2'),
      sv['overview.priority'].replace('{priority}', '2'),
    ]);
    expect(await alice.textsIn(DIRECTION, 1)).toEqual(['Att arbetet ska prioriteras']);
    expect(await alice.textsIn(DIRECTION, 2)).toEqual(['Hur förflyttningen ska ske']);
    expect(await alice.textsIn(DIRECTION, 3)).toEqual(['Se över resursfördelningen']);
    expect(await alice.textsIn(USERS, 2)).toEqual([
      'Identifiera behoven genom länssamverkan',
      'Se över behov av samverkansforum och ta ställning till NSPH/Hjärnkolls förslag till samverkan',
      'Genomföra fler brukarrevisioner',
    ]);
    // An empty cell says so to screen readers, and shows a dash.
    expect(await alice.textsIn(SIP, 2)).toEqual([]);
    expect(await alice.cell(SIP, 2).innerText()).toContain('–');
    expect(await alice.cell(SIP, 2).textContent()).toContain(sv['overview.noActivities']);
    await expect
      .poll(() => alice.item('Hur förflyttningen ska ske').locator('.status-chip').innerText())
      .toBe(sv['status.not_started']);
    const headers = await alice.table.locator('thead th[scope="col"]').allInnerTexts();
    expect(headers).toEqual([sv['overview.focusArea'], 'Steg 1', 'Steg 2', 'Steg 3']);
    expect(await alice.table.locator('tbody th[scope="row"]').count()).toBe(plan.focusAreas.length);
  });

  it("shows a colleague's edits in the table at once: status, owner, a late due date, a decision", async () => {
    // Alice is on an activity in the row Bertil is about to change; the update must not take her focus away.
    await alice.activity('Se över resursfördelningen').focus();
    const late = withText('Hur förflyttningen ska ske');
    await bertil.grid.editCell(late.id, 'status', sv['status.in_progress']);
    await bertil.grid.editCell(late.id, 'owners', ['Östersund']);
    await bertil.grid.editCell(late.id, 'due', '2020-01-15');
    const decided = withText('Att arbetet ska prioriteras');
    await bertil.grid.editCell(decided.id, 'status', sv['status.done']);
    await bertil.grid.editCell(decided.id, 'due', '2020-01-15');
    await editDecision(decided.id, 'Reformarbetet prioriteras i hela länet.');

    const item = alice.item('Hur förflyttningen ska ske');
    await expect.poll(() => item.locator('.status-chip').innerText()).toBe(sv['status.in_progress']);
    await expect.poll(() => item.locator('.overview-item__owners').textContent()).toBe('Ansvarig: Östersund');
    await expect.poll(() => item.locator('.overview-item__due').innerText()).toContain('2020-01-15');
    expect(await item.locator('.overdue-tag').innerText()).toBe(sv['due.overdue']);
    // Done is never late, whatever its date.
    const done = alice.item('Att arbetet ska prioriteras');
    await expect.poll(() => done.locator('.status-chip').innerText()).toBe(sv['status.done']);
    expect(await done.locator('.overdue-tag').count()).toBe(0);
    await expect
      .poll(() => done.locator('.overview-item__decision').innerText())
      .toMatch(/^Beslut( \d{4}-\d{2}-\d{2})?: Reformarbetet prioriteras i hela länet\.$/);
    // The row's counts follow.
    await expect.poll(() => alice.row(DIRECTION).locator('th').innerText()).toContain('försenade: 1');
    expect(await alice.page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Se över resursfördelningen',
    );
  });

  it('passes axe (WCAG 2.1 AA) with statuses, an overdue mark and a decision showing', async () => {
    expect(await axeViolations(alice.page), 'axe violations on the overview').toBe('');
    // The table region is reachable by keyboard, so a narrow screen can scroll it sideways.
    expect(await alice.scrollRegion.getAttribute('tabindex')).toBe('0');
  });

  it('prints on A4 landscape: controls hidden, a header with title, county and date, and pages', async () => {
    const page = alice.page;
    expect(await isShown(page, '.overview__print-header')).toBe(false);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await isShown(page, '.overview__print-header')).toBe(true);
      const header = await alice.printHeader.innerText();
      expect(header).toContain('Översikt Jämtland');
      expect(header).toContain('Län: Jämtland Härjedalen');
      expect(header).toContain(`Utskriven ${todayInSweden()}`);
      const printed = await page
        .locator('[data-print="hide"]')
        .evaluateAll((parts) => parts.filter((part) => getComputedStyle(part).display !== 'none').length);
      expect(printed).toBe(0);
      for (const hidden of ['.plan-views', '.connection-badge, [data-testid="connection-badge"]', 'h1']) {
        expect(await isShown(page, hidden), hidden).toBe(false);
      }
      expect(await isShown(page, 'table.overview-table')).toBe(true);
      const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(20_000);
      const pages = mediaBoxesOf(pdf.toString('latin1'));
      expect(pages.length).toBeGreaterThan(0);
      expect(pages.filter((size) => !isA4Landscape(size))).toEqual([]);
      // The overview's own page size wins where the print dialog follows the stylesheet: A4 landscape (points).
      const ownPages = mediaBoxesOf((await page.pdf({ preferCSSPageSize: true })).toString('latin1'));
      expect(ownPages.length).toBeGreaterThan(0);
      expect(ownPages.filter((size) => !isA4Landscape(size))).toEqual([]);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('opens a clicked activity in the table with its row focused, and Enter does the same', async () => {
    const target = withText('Genomföra fler brukarrevisioner');
    await alice.activity(target.text).click();
    await expect.poll(() => new URL(alice.page.url()).pathname).toBe(`/p/${created.id}`);
    const table = new PlanPage(alice.page);
    await expect.poll(() => focusedRowId(alice.page)).toBe(target.id);

    await alice.navLink.click();
    await alice.waitUntilShown();
    const other = withText('Implementera den nya överenskommelsen hos båda huvudmännen.');
    await alice.activity(other.text).focus();
    await alice.page.keyboard.press('Enter');
    await expect.poll(() => focusedRowId(alice.page)).toBe(other.id);
    expect(await table.grid.row(other.id).count()).toBe(1);
  });
});

/** The row of the grid cell that has keyboard focus, or null. */
function focusedRowId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.closest('.ag-row')?.getAttribute('row-id') ?? null);
}

/** Writes a decision in Bertil's table through the cell's own editor (not one of GridPage's fields yet). */
async function editDecision(id: string, text: string): Promise<void> {
  const cell = (await bertil.grid.reveal(id)).locator('[col-id="decision"]');
  await cell.scrollIntoViewIfNeeded();
  await cell.dblclick();
  const editor = bertil.page.locator('.ag-popup-editor textarea');
  await editor.fill(text);
  await editor.press('Enter');
  await editor.waitFor({ state: 'detached' });
}

/** Each PDF page's size in whole points, read from its /MediaBox (Chromium writes page dictionaries uncompressed). */
function mediaBoxesOf(pdf: string): [number, number][] {
  return [...pdf.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((box) => [
    Math.round(Number(box[1])),
    Math.round(Number(box[2])),
  ]);
}

/** 297 × 210 mm is 841.9 × 595.3 pt; Chromium rounds the page to whole CSS pixels, so allow a point or two. */
const isA4Landscape = ([width, height]: [number, number]): boolean =>
  Math.abs(width - 842) <= 2 && Math.abs(height - 595) <= 2;
