// [e2e-local-copy] The device copy: changes left unconfirmed survive a closed tab and are announced on reopening;
// without IndexedDB, or with the device's storage full, the app says offline work is off and keeps working online.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sv } from '../../src/i18n/sv.ts';
import { SYNCED, offlineWith } from './badge.ts';
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

/** The plan's CSV as the server has it, to prove an edit reached the store. */
async function serverCsv(planId: string, token: string): Promise<string> {
  const response = await fetch(`${app.url}/api/plans/${planId}/export.csv`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return response.text();
}

describe('the device copy', () => {
  it('[e2e-local-copy] a tab closed with unconfirmed changes loses nothing, and the reopened plan says so', async () => {
    const plan = await app.createPlan('Stängd flik');
    const link = app.link(plan.id, plan.editToken);
    const alice = await new PlanPage(await app.newPage()).open(link);
    const [first] = (await readOpenPlan(alice.page)).activities;
    if (!first) throw new Error('the template has no activities');
    const context = alice.page.context();

    // The relay stops answering this laptop; an edit waits on the device, then the tab is closed.
    let relayReachable = false;
    await context.routeWebSocket(/\/sync\//, (socket) => {
      if (relayReachable) socket.connectToServer();
      else void socket.close({ code: 1011 });
    });
    await alice.page.reload();
    await alice.grid.waitForRows();
    const text = 'Skrivet strax innan fliken stängdes';
    await alice.grid.editCell(first.id, 'text', text);
    await expect.poll(() => alice.badgeText()).toBe(offlineWith(1));
    await alice.page.close();

    const reopened = new PlanPage(await context.newPage());
    await reopened.page.goto(link);
    const notice = reopened.page.getByTestId('carried-over-notice');
    await expect.poll(() => notice.innerText()).toContain(sv['plan.carriedOverOne']);
    await expect.poll(() => reopened.grid.cellText(first.id, 'text')).toBe(text);
    await expect.poll(() => reopened.badgeText()).toBe(offlineWith(1));
    expect(await serverCsv(plan.id, plan.viewToken)).not.toContain(text);

    // Back online: the relay confirms the change, and the notice says it arrived.
    relayReachable = true;
    await reopened.page.evaluate(() => window.__samplan?.disconnect());
    await reopened.page.evaluate(() => window.__samplan?.connect());
    await expect.poll(() => testApi(reopened.page).unsyncedChanges(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => reopened.badgeText()).toMatch(SYNCED);
    await expect.poll(() => notice.innerText()).toContain(sv['plan.carriedOverSent']);
    expect(await serverCsv(plan.id, plan.viewToken)).toContain(text);
    await notice.getByRole('button', { name: sv['plan.dismiss'] }).press('Enter');
    await notice.waitFor({ state: 'detached' });
  });

  it('[e2e-local-copy] an edit made online is confirmed by the relay at once', async () => {
    const plan = await app.createPlan('Kvittens');
    const alice = await new PlanPage(await app.newPage()).open(app.link(plan.id, plan.editToken));
    const [first] = (await readOpenPlan(alice.page)).activities;
    if (!first) throw new Error('the template has no activities');
    await alice.grid.editCell(first.id, 'note', 'Bekräftad av servern');
    await expect.poll(() => testApi(alice.page).unsyncedChanges()).toBe(0);
    expect(await alice.badgeText()).toMatch(SYNCED);
    expect(await serverCsv(plan.id, plan.viewToken)).toContain('Bekräftad av servern');
  });

  it('[e2e-no-indexeddb] without IndexedDB (a private window) the app says offline work is off and works online', async () => {
    const plan = await app.createPlan('Privat fönster');
    const link = app.link(plan.id, plan.editToken);
    const page = await app.newPage();
    await page.context().addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('IndexedDB is disabled in this window', 'InvalidStateError');
      };
    });
    const alice = await new PlanPage(page).open(link);
    const notice = page.getByTestId('local-copy-notice');
    expect(await notice.innerText()).toBe(sv['plan.noLocalCopy']);
    await expect(testApi(page).localCopy()).resolves.toBe('unavailable');

    const [first] = (await readOpenPlan(page)).activities;
    if (!first) throw new Error('the template has no activities');
    await alice.grid.editCell(first.id, 'text', 'Ändrat utan lokal kopia');
    const bertil = await new PlanPage(await app.newPage()).open(link);
    await expect.poll(() => bertil.grid.cellText(first.id, 'text')).toBe('Ändrat utan lokal kopia');
  });

  it('[e2e-quota] when the device storage is full, the app says offline work is off and keeps working online', async () => {
    const plan = await app.createPlan('Fullt lagringsutrymme');
    const link = app.link(plan.id, plan.editToken);
    const alice = await new PlanPage(await app.newPage()).open(link);
    // A full disk as the browser reports it: every write transaction aborts with QuotaExceededError.
    // (CDP's Storage.overrideQuotaForOrigin did not make the app's writes fail here, so the abort is staged.)
    await alice.page.evaluate(() => {
      const transaction = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args) {
        const opened = transaction.apply(this, args);
        if (args[1] !== 'readwrite' && args[1] !== undefined) return opened;
        const full = new DOMException('The device is out of space', 'QuotaExceededError');
        Object.defineProperty(opened, 'error', { get: () => full });
        queueMicrotask(() => opened.abort());
        return opened;
      } as typeof transaction;
    });
    const [first] = (await readOpenPlan(alice.page)).activities;
    if (!first) throw new Error('the template has no activities');
    await alice.grid.editCell(first.id, 'text', 'Ändrat när disken var full');
    await expect.poll(() => testApi(alice.page).localCopy()).toBe('full');
    expect(await alice.page.getByTestId('local-copy-notice').innerText()).toBe(sv['plan.localCopyFull']);
    await expect.poll(() => serverCsv(plan.id, plan.viewToken)).toContain('Ändrat när disken var full');
    await expect.poll(() => alice.badgeText()).toMatch(SYNCED);
  });
});
