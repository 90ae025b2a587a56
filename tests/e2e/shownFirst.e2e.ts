// [e2e-shown-first] A reopened plan shows the rows this device showed last while its document loads: read-only and
// marked busy until then, corrected by the document where it differs, and a damaged kept plan is simply not used.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** The kept plan of `planId` in the page's IndexedDB, as stored (undefined when none). */
function readKept(page: Page, planId: string): Promise<unknown> {
  return page.evaluate(
    (id) =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('samplan-shown-plans');
        request.onerror = () => reject(new Error('cannot open the kept plans'));
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('plans')) {
            db.close();
            resolve(undefined);
            return;
          }
          const get = db.transaction('plans').objectStore('plans').get(id);
          get.onsuccess = () => {
            db.close();
            resolve(get.result as unknown);
          };
          get.onerror = () => reject(new Error('cannot read the kept plan'));
        };
      }),
    planId,
  );
}

/** Replaces the kept plan of `planId` with `value`. */
function writeKept(page: Page, planId: string, value: unknown): Promise<void> {
  return page.evaluate(
    ({ id, kept }) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('samplan-shown-plans');
        request.onerror = () => reject(new Error('cannot open the kept plans'));
        request.onsuccess = () => {
          const db = request.result;
          const transaction = db.transaction('plans', 'readwrite');
          transaction.objectStore('plans').put(kept, id);
          transaction.oncomplete = () => {
            db.close();
            resolve();
          };
          transaction.onerror = () => reject(new Error('cannot write the kept plan'));
        };
      }),
    { id: planId, kept: value },
  );
}

/** The text of the kept plan's activity `id`. */
async function keptText(page: Page, planId: string, id: string): Promise<string | undefined> {
  const kept = (await readKept(page, planId)) as { plan?: { activities?: { id: string; text: string }[] } };
  return kept?.plan?.activities?.find((activity) => activity.id === id)?.text;
}

describe('the rows shown first', () => {
  it('[e2e-shown-first] the kept rows show at once, read-only and busy, until the document has loaded', async () => {
    const plan = await app.createPlan('Visas först');
    const link = app.link(plan.id, plan.editToken);
    const page = await app.newPage();
    const alice = await new PlanPage(page).open(link);
    expect(await testApi(page).openedFromShown()).toBe(false);
    const [first, second] = (await readOpenPlan(page)).activities;
    if (!first || !second) throw new Error('the template has fewer than two activities');
    const text = 'Ändrad och sparad på enheten';
    await alice.grid.editCell(first.id, 'text', text);
    // Kept once the changes have settled.
    await expect.poll(() => keptText(page, plan.id, first.id), { timeout: 10_000 }).toBe(text);

    // The next open: the device copy's database answers 1.5 s late, so the kept rows stand alone for a while.
    await page.context().addInitScript(() => {
      const open = indexedDB.open.bind(indexedDB);
      indexedDB.open = (name: string, version?: number) => {
        if (!name.startsWith('samplan-plan-')) return open(name, version);
        const late = {} as IDBOpenDBRequest;
        setTimeout(() => {
          const real = open(name, version);
          real.onupgradeneeded = (event) => late.onupgradeneeded?.call(real, event);
          real.onsuccess = (event) => {
            Object.defineProperty(late, 'result', { value: real.result });
            late.onsuccess?.call(real, event);
          };
          real.onerror = (event) => late.onerror?.call(real, event);
        }, 1500);
        return late;
      };
    });
    await page.reload();
    await alice.grid.host.locator('.ag-row[row-id]').first().waitFor();
    const busy = page.locator('.plan-grid-area[aria-busy="true"]');
    await busy.waitFor();
    expect(await testApi(page).openedFromShown()).toBe(true);
    expect((await readOpenPlan(page)).activities).toHaveLength(0);
    expect(await alice.grid.cellText(first.id, 'text')).toBe(text);
    // Read-only while busy: a double click opens no editor.
    await alice.grid.cell(second.id, 'text').dblclick();
    expect(await alice.grid.anyEditor.count()).toBe(0);

    await alice.grid.waitForRows();
    expect((await readOpenPlan(page)).activities.find((activity) => activity.id === first.id)?.text).toBe(
      text,
    );
    await alice.grid.editCell(second.id, 'text', 'Redigerbar när planen är inläst');
    await expect
      .poll(
        async () => (await readOpenPlan(page)).activities.find((activity) => activity.id === second.id)?.text,
      )
      .toBe('Redigerbar när planen är inläst');
  });

  it('[e2e-shown-first] the document corrects kept rows that differ, and a damaged kept plan is not used', async () => {
    const plan = await app.createPlan('Rättas av dokumentet');
    const link = app.link(plan.id, plan.editToken);
    const page = await app.newPage();
    const alice = await new PlanPage(page).open(link);
    const [first] = (await readOpenPlan(page)).activities;
    if (!first) throw new Error('the template has no activities');
    await expect.poll(() => keptText(page, plan.id, first.id), { timeout: 10_000 }).toBe(first.text);

    const kept = (await readKept(page, plan.id)) as { plan: { activities: { id: string; text: string }[] } };
    const stale = structuredClone(kept);
    const staleFirst = stale.plan.activities.find((activity) => activity.id === first.id);
    if (!staleFirst) throw new Error('the kept plan lacks the first activity');
    staleFirst.text = 'Gammal text från ett tidigare besök';
    await writeKept(page, plan.id, stale);
    await page.reload();
    await alice.grid.waitForRows();
    expect(await testApi(page).openedFromShown()).toBe(true);
    await expect.poll(() => alice.grid.cellText(first.id, 'text')).toBe(first.text);
    // Kept anew from the document once it has loaded and settled.
    await expect.poll(() => keptText(page, plan.id, first.id), { timeout: 10_000 }).toBe(first.text);

    await writeKept(page, plan.id, { format: 1, plan: 'trasig' });
    await page.reload();
    await alice.grid.waitForRows();
    expect(await testApi(page).openedFromShown()).toBe(false);
    expect(await alice.grid.cellText(first.id, 'text')).toBe(first.text);
  });
});
