// [e2e-follow-up] The follow-up view in Chromium: late activities first, three charts drawn by a charting library
// that loads only when the view opens, their figures as tables that follow live changes, and no axe findings.
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sv } from '../../src/i18n/sv.ts';
import { setActivityField } from '../../src/model/activities.ts';
import type { ActivityField, PlanSnapshot } from '../../src/model/schema.ts';
import { daysBetween } from '../../src/views/followUp/progress.ts';
import { axeViolations } from './axe.ts';
import { connectColleague } from './colleague.ts';
import type { Colleague } from './colleague.ts';
import { startApp } from './harness.ts';
import type { E2EApp } from './harness.ts';
import { FollowUpPage } from './pages/FollowUpPage.ts';
import { PlanPage } from './pages/PlanPage.ts';

let app: E2EApp;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const REGION = 'Region Jämtland Härjedalen';
const OVERALL = 'Övergripande beslut om riktningen framåt';
const PLAN_LATE = 'Lägga en plan för kompetensutveckling';
const MOVE_LATE = 'Hur förflyttningen ska ske';
/** The lazily loaded chunk that holds Observable Plot (src/views/followUp/plotLibrary.ts). */
const PLOT_CHUNK = /\/assets\/plotLibrary-[\w-]+\.js$/;

/** Today in the browser's zone (the harness runs Swedish time), as the view counts late days. */
const swedishToday = (): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

/** Sets cells as a colleague at another computer would, one model call per cell. */
function arrange(colleague: Colleague, text: string, cells: Partial<Record<ActivityField, unknown>>): void {
  const plan: PlanSnapshot = colleague.plan();
  const activity = plan.activities.find((candidate) => candidate.text === text);
  if (!activity) throw new Error(`no activity ${text}`);
  const owner = (name: string) => plan.participants.find((participant) => participant.name === name)?.id;
  for (const [field, value] of Object.entries(cells)) {
    const written = field === 'owners' ? (value as string[]).map(owner) : value;
    const result = setActivityField(
      colleague.doc,
      colleague.origin,
      activity.id,
      field as ActivityField,
      written,
    );
    if (!result.ok) throw new Error(`${field}: ${result.error.detail}`);
  }
}

describe('follow-up view', () => {
  it('[e2e-follow-up] lists late activities first, draws three charts with tables that follow live edits, loads Plot only there', async () => {
    const created = await app.createPlan('Uppföljningsplan');
    const colleague = await connectColleague(app.url, created.id, created.editToken);
    arrange(colleague, 'Att arbetet ska prioriteras', {
      status: 'done',
      owners: [REGION],
      due: '2020-01-01',
    });
    arrange(colleague, MOVE_LATE, {
      status: 'in_progress',
      owners: [REGION, 'Östersund'],
      due: '2021-06-01',
    });
    arrange(colleague, 'Se över resursfördelningen', { status: 'blocked' });
    arrange(colleague, PLAN_LATE, { status: 'awaiting_decision', owners: ['Östersund'], due: '2020-01-15' });

    const page = await app.newPage();
    const requested: string[] = [];
    page.on('request', (request: Request) => requested.push(request.url()));
    const plan = await new PlanPage(page).open(app.link(created.id, created.editToken));
    const followUp = new FollowUpPage(page);

    // The table page neither fetches the charting library nor draws anything with it.
    expect(requested.filter((url) => PLOT_CHUNK.test(url))).toEqual([]);
    expect(await page.locator('svg g[aria-label="bar"]').count()).toBe(0);

    await followUp.openFromNav();
    await page.waitForURL(`${app.url}/p/${created.id}/uppfoljning`);
    expect(await plan.grid.host.count()).toBe(0);

    // Late activities come first: oldest due date first, done ones never.
    expect(await followUp.sectionHeadings()).toEqual([
      'Försenade aktiviteter (2)',
      sv['followUp.byFocusArea'],
      sv['followUp.byOrganisation'],
      sv['followUp.byReformPart'],
    ]);
    expect(await followUp.overdueItems.locator('.follow-up__late-text').allInnerTexts()).toEqual([
      PLAN_LATE,
      MOVE_LATE,
    ]);
    const oldest = await followUp.overdueItems.first().innerText();
    const days = daysBetween('2020-01-15', swedishToday());
    for (const fact of [
      'Klart senast 2020-01-15',
      `försenad ${days} dagar`,
      sv['status.awaiting_decision'],
      'Ansvarig: Östersund',
      'Fokusområde: Kompetens -och utvecklingsbehov',
    ]) {
      expect(oldest).toContain(fact);
    }
    expect(await followUp.overdueItems.nth(1).innerText()).toContain(`Ansvarig: ${REGION}, Östersund`);

    // Three charts, drawn once Plot has loaded: one bar segment per group and status present.
    await followUp.figure('by-part').waitFor();
    expect(requested.filter((url) => PLOT_CHUNK.test(url))).toHaveLength(1);
    expect(await followUp.main.locator('.follow-up__plot svg').count()).toBe(3);
    // Övergripande: in progress, blocked, done; Kompetens: awaiting a decision, not started; ten areas not started.
    expect(await followUp.bars('by-area').count()).toBe(15);
    expect(await followUp.figure('by-area').getAttribute('aria-label')).toContain(`${OVERALL}: 1 av 3 klara`);
    expect(await followUp.section('by-area').locator('figcaption li').allInnerTexts()).toEqual(
      ['not_started', 'in_progress', 'awaiting_decision', 'waiting', 'blocked', 'paused', 'done'].map(
        (status) => sv[`status.${status}` as keyof typeof sv],
      ),
    );
    expect(await followUp.loadStatus.innerText()).toBe('');

    // The figures as tables: statuses in order, then total and share done.
    for (const chart of ['by-area', 'by-organisation', 'by-part'] as const) await followUp.showTable(chart);
    expect(await followUp.rowFigures('by-area', OVERALL)).toEqual([
      '0',
      '1',
      '0',
      '0',
      '1',
      '0',
      '1',
      '3',
      '33 %',
    ]);
    expect(await followUp.rowFigures('by-area', sv['followUp.planTotal'])).toEqual([
      '38',
      '1',
      '1',
      '0',
      '1',
      '0',
      '1',
      '42',
      '2 %',
    ]);
    expect(await followUp.rowFigures('by-organisation', REGION)).toEqual([
      '0',
      '1',
      '0',
      '0',
      '0',
      '0',
      '1',
      '2',
      '50 %',
    ]);
    expect(await followUp.rowFigures('by-organisation', 'Östersund')).toEqual([
      '0',
      '1',
      '1',
      '0',
      '0',
      '0',
      '0',
      '2',
      '0 %',
    ]);
    expect(await followUp.rowFigures('by-organisation', sv['followUp.noOwner'])).toEqual([
      '38',
      '0',
      '0',
      '0',
      '1',
      '0',
      '0',
      '39',
      '0 %',
    ]);
    expect(await followUp.rowFigures('by-part', sv['followUp.noReformPart'])).toEqual([
      '38',
      '1',
      '1',
      '0',
      '1',
      '0',
      '1',
      '42',
      '2 %',
    ]);
    expect(await axeViolations(page)).toBe('');

    // A colleague finishes an activity: the late list, the tables and the chart follow without a reload.
    arrange(colleague, MOVE_LATE, { status: 'done', reformParts: [1, 9] });
    await expect
      .poll(() => followUp.rowFigures('by-organisation', REGION))
      .toEqual(['0', '0', '0', '0', '0', '0', '2', '2', '100 %']);
    expect(await followUp.overdueHeading.innerText()).toBe('Försenade aktiviteter (1)');
    expect(await followUp.overdueItems.count()).toBe(1);
    expect(await followUp.rowFigures('by-part', 'Del 9. Uppföljning med målbilderna i fokus')).toEqual([
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '1',
      '1',
      '100 %',
    ]);
    // Redrawn in place: still one drawing per chart, the old one gone.
    expect(await followUp.main.locator('.follow-up__plot svg').count()).toBe(3);
    // Part 1 and part 9 one segment each; the 41 untagged: not started, awaiting a decision, blocked, done.
    await expect.poll(() => followUp.bars('by-part').count()).toBe(6);

    // A late activity opens in the table.
    await followUp.overdueItems.first().click();
    await page.waitForURL(`${app.url}/p/${created.id}`);
    await plan.grid.host.waitFor();
    colleague.close();
  });

  it('[e2e-follow-up-offline] when the charts cannot load, says so and shows the figures as tables', async () => {
    const created = await app.createPlan('Utan diagram');
    // No service worker (it would answer from its cache), and the chart chunk refused as if offline.
    const context = await app.browser.newContext({ serviceWorkers: 'block', locale: 'sv-SE' });
    await context.addInitScript(() => {
      localStorage.setItem('samplan.actor', JSON.stringify({ name: 'Testa Testsson', organisation: '' }));
    });
    await context.route(PLOT_CHUNK, (route) => route.abort('internetdisconnected'));
    const page = await context.newPage();
    await new PlanPage(page).open(app.link(created.id, created.editToken));
    const followUp = await new FollowUpPage(page).openFromNav();

    await followUp.loadStatus.filter({ hasText: sv['followUp.loadFailed'] }).waitFor();
    expect(await followUp.main.locator('svg').count()).toBe(0);
    expect(await followUp.section('by-area').locator('details').getAttribute('open')).not.toBeNull();
    expect(await followUp.rowFigures('by-area', sv['followUp.planTotal'])).toEqual([
      '42',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '42',
      '0 %',
    ]);
    expect(await axeViolations(page)).toBe('');
    await context.close();
  });
});
