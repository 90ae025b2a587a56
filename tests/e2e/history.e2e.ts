// [e2e-history] A cell's earlier values with who and when, the changes since a date by focus area, and the plan as it
// was at an instant, each restored as a forward edit that reaches everyone and keeps every row's id.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sv } from '../../src/i18n/sv.ts';
import { startApp } from './harness.ts';
import type { E2EApp } from './harness.ts';
import { HistoryDialog } from './pages/HistoryDialog.ts';
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
const BERTIL = { name: 'Bertil Berg', organisation: 'Östersunds kommun' };

/** A browser of its own for one person, named on the device as the "who am I" choice would leave it. */
const personPage = (actor: { name: string; organisation: string }): Promise<Page> =>
  app.newPage({ identity: actor });

/** "Alice Andersson, Region Jämtland Härjedalen, 2026-11-23 14:32" at the start of a history line. */
const byAt = (actor: { name: string; organisation: string }): RegExp =>
  new RegExp(`^${actor.name}, ${actor.organisation}, \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}: `);

/** The relay's authoritative history of the plan: how many updates it has accepted. */
async function relayHistoryLength(planId: string, token: string): Promise<number> {
  const response = await fetch(`${app.url}/api/plans/${planId}/history?limit=1000`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { entries: unknown[] };
  return body.entries.length;
}

describe('history', () => {
  it('[e2e-history-cell] a cell’s earlier values show with who and when; restoring one reaches the other person, and the changes since a date list it under its focus area', async () => {
    const plan = await app.createPlan('Historik för en cell');
    const link = app.link(plan.id, plan.editToken);
    const alice = await new PlanPage(await personPage(ALICE)).open(link);
    const bertil = await new PlanPage(await personPage(BERTIL)).open(link);
    const snapshot = await readOpenPlan(alice.page);
    const [activity] = snapshot.activities;
    if (!activity) throw new Error('the template has no activities');
    const area = snapshot.focusAreas.find((candidate) => candidate.id === activity.focusAreaId);
    if (!area) throw new Error('the activity has no focus area');

    const firstEdit = 'Styrgruppen beslutar om arbetsformerna';
    const secondEdit = 'Styrgruppen beslutar om arbetsformerna i mars';
    await alice.grid.editCell(activity.id, 'text', firstEdit);
    await expect.poll(() => bertil.grid.cellText(activity.id, 'text')).toBe(firstEdit);
    await bertil.grid.editCell(activity.id, 'text', secondEdit);
    await expect.poll(() => alice.grid.cellText(activity.id, 'text')).toBe(secondEdit);

    // Alice puts the focus on the cell, then opens the history: the cell tab has the focus.
    await alice.grid.cell(activity.id, 'text').click();
    const history = new HistoryDialog(alice.page);
    await history.open();
    await expect.poll(() => history.tab('cell').evaluate((tab) => tab === document.activeElement)).toBe(true);
    const cellPanel = history.panel('cell');
    expect(await cellPanel.getByTestId('history-cell-activity').innerText()).toBe(secondEdit);
    expect(await cellPanel.getByTestId('history-cell-field').innerText()).toBe(sv['column.text']);
    const lines = await history.lines(cellPanel);
    expect(lines.map((line) => line.value)).toEqual([secondEdit, firstEdit, activity.text]);
    expect(lines[0]?.meta).toMatch(byAt(BERTIL));
    expect(lines[0]?.meta).toContain(sv['history.cell.shownNow']);
    expect(lines[1]?.meta).toMatch(byAt(ALICE));
    expect(lines[2]?.meta).toBe(sv['history.cell.before']);
    // The value shown now has nothing to restore.
    const restoreButtons = cellPanel.getByRole('button', { name: sv['history.cell.restore'] });
    expect(await restoreButtons.count()).toBe(2);

    await cellPanel
      .getByRole('button', {
        name: sv['history.cell.restoreLabel'].replace('{value}', firstEdit),
        exact: true,
      })
      .click();
    await expect
      .poll(() => history.status.innerText())
      .toBe(sv['history.cell.restored'].replace('{field}', sv['column.text']).replace('{value}', firstEdit));
    await expect.poll(async () => (await history.lines(cellPanel))[0]?.value).toBe(firstEdit);
    expect((await history.lines(cellPanel))[0]?.meta).toMatch(byAt(ALICE));

    // "Ändringar sedan", reached with the arrow key: the three edits under the activity's focus area, newest first.
    await history.tab('cell').focus();
    await alice.page.keyboard.press('ArrowRight');
    const since = history.panel('since');
    await since.waitFor();
    expect(await history.tab('since').getAttribute('aria-selected')).toBe('true');
    const group = since.getByRole('region', { name: area.name, exact: true });
    const changes = await history.lines(group);
    expect(changes.map((change) => change.meta)).toEqual([
      expect.stringMatching(byAt(ALICE)),
      expect.stringMatching(byAt(BERTIL)),
      expect.stringMatching(byAt(ALICE)),
    ]);
    expect(changes[0]?.meta).toContain(`${sv['column.text']}: ${secondEdit} → ${firstEdit}`);
    expect(changes[2]?.meta).toContain(`${sv['column.text']}: ${activity.text} → ${firstEdit}`);

    await history.close();
    expect(await alice.grid.cellText(activity.id, 'text')).toBe(firstEdit);
    await expect.poll(() => bertil.grid.cellText(activity.id, 'text')).toBe(firstEdit);
  });

  it('[e2e-history-plan-at] the plan at an instant shows its old values, and restoring it writes them anew for everyone under the same ids', async () => {
    const plan = await app.createPlan('Historik för planen');
    const link = app.link(plan.id, plan.editToken);
    const alice = await new PlanPage(await personPage(ALICE)).open(link);
    const bertil = await new PlanPage(await personPage(BERTIL)).open(link);
    const before = await readOpenPlan(alice.page);
    const [a, b, c] = before.activities;
    if (!a || !b || !c) throw new Error('the template has fewer than three activities');

    // The instant to go back to, in the page's own (Swedish) time; then let the clock pass the second.
    const instant = await alice.page.evaluate(() => {
      const now = new Date();
      const pad = (n: number): string => String(n).padStart(2, '0');
      return {
        ms: now.getTime(),
        date: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
        time: `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`,
      };
    });
    await expect.poll(() => Math.floor(Date.now() / 1000)).toBeGreaterThan(Math.floor(instant.ms / 1000));

    await alice.grid.editCell(a.id, 'text', 'Omskriven efter mötet');
    await alice.grid.editCell(b.id, 'status', 'Hindrad');
    await alice.grid.select(c.id);
    await alice.deleteButton.click();
    await alice.confirmDelete.click();
    await expect
      .poll(async () => (await readOpenPlan(bertil.page)).activities.length)
      .toBe(before.activities.length - 1);
    await expect.poll(() => bertil.grid.cellText(b.id, 'status')).toBe('Hindrad');
    const historyBefore = await relayHistoryLength(plan.id, plan.editToken);

    const history = new HistoryDialog(alice.page);
    await history.open();
    await history.select('planAt');

    // Out of reach, or before the plan existed: a clear sentence, and nothing changes.
    await alice.page.route('**/history/state**', (route) => route.abort('internetdisconnected'));
    await history.showPlanAt(instant.date, instant.time);
    await expect.poll(() => history.problem.innerText()).toBe(sv['history.at.error.offline']);
    await alice.page.unroute('**/history/state**');
    await history.showPlanAt('2020-01-01');
    await expect.poll(() => history.problem.innerText()).toBe(sv['history.at.error.no_history']);
    expect(await history.dialog.getByTestId('history-past-plan').count()).toBe(0);

    await history.showPlanAt(instant.date, instant.time);
    await history.dialog.getByTestId('history-past-plan').waitFor();
    expect(await history.problem.innerText()).toBe('');
    const rows = await history.pastRows();
    expect(rows.size).toBe(before.activities.length);
    // Columns: focus area, step, activity, owners, status, due, since then.
    expect(rows.get(a.id)?.[2]).toBe(a.text);
    expect(rows.get(a.id)?.[6]).toBe(sv['history.at.changed']);
    expect(rows.get(b.id)?.[4]).toBe(sv[`status.${b.status}`]);
    expect(rows.get(c.id)?.[2]).toBe(c.text);
    expect(rows.get(c.id)?.[6]).toBe(sv['history.at.removed']);
    expect(await history.dialog.getByTestId('history-past-summary').innerText()).toBe(
      sv['history.at.summary']
        .replace('{count}', String(before.activities.length))
        .replace('{changed}', '2')
        .replace('{added}', '0')
        .replace('{removed}', '1'),
    );
    // Looking changed nothing.
    expect((await readOpenPlan(alice.page)).activities).toHaveLength(before.activities.length - 1);

    await history.dialog.getByRole('button', { name: sv['history.at.restore'], exact: true }).click();
    await history.confirmRestore.click();
    await expect
      .poll(() => history.status.innerText())
      .toMatch(/^\d+ ändringar gjordes\. Planen är som den var /);
    await history.close();

    // Alice and Bertil both have the old values and the deleted activity back, under the same ids.
    for (const person of [alice, bertil]) {
      await expect.poll(async () => (await readOpenPlan(person.page)).activities).toEqual(before.activities);
      await expect.poll(() => person.grid.cellText(a.id, 'text')).toBe(a.text);
      expect(await person.grid.cellText(c.id, 'text')).toBe(c.text);
      expect(await person.grid.cellText(b.id, 'status')).toBe(sv[`status.${b.status}`]);
    }
    // A forward edit: the relay's history grew, and the plan's log tells who brought the activity back.
    await expect.poll(() => relayHistoryLength(plan.id, plan.editToken)).toBeGreaterThan(historyBefore);
    await bertil.grid.cell(a.id, 'text').click();
    const bertilHistory = new HistoryDialog(bertil.page);
    await bertilHistory.open();
    const lines = await bertilHistory.lines(bertilHistory.panel('cell'));
    expect(lines.map((line) => line.value)).toEqual([a.text, 'Omskriven efter mötet', a.text]);
    expect(lines[0]?.meta).toMatch(byAt(ALICE));
    const since = await bertilHistory.select('since');
    const restored = since.getByRole('listitem').filter({ hasText: sv['history.since.activity.recreate'] });
    expect(await restored.count()).toBe(1);
    expect(await restored.innerText()).toContain(c.text);
    // The deletion stays in the history, with no way to restore what is already back.
    const deleted = since.getByRole('listitem').filter({ hasText: sv['history.since.activity.delete'] });
    expect(await deleted.count()).toBe(1);
    expect(await deleted.getByRole('button').count()).toBe(0);
  });
});
