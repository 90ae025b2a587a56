// [e2e-offline] Edits made while the relay is down wait on the device, and both people converge when it is back.
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

describe('offline and back', () => {
  it('[e2e-offline] edits made while the relay is stopped show as unsynced and reach the other person after a restart', async () => {
    const plan = await app.createPlan('Offlineplan');
    const link = app.link(plan.id, plan.editToken);
    const alice = await new PlanPage(await app.newPage()).open(link);
    const bertil = await new PlanPage(await app.newPage()).open(link);
    const [first, second] = (await readOpenPlan(alice.page)).activities;
    if (!first || !second) throw new Error('the template has fewer than two activities');

    await app.stopServer();
    await expect.poll(() => alice.badgeText()).toBe(offlineWith(0));
    await expect.poll(() => bertil.badgeText()).toBe(offlineWith(0));

    // Alice edits a cell and adds an activity; both wait on her device.
    const editedText = 'Ändrad på tåget utan täckning';
    await alice.grid.editCell(first.id, 'text', editedText);
    expect(await alice.badgeText()).toBe(offlineWith(1));
    const addedText = 'Ny aktivitet skriven offline';
    await alice.addActivity(addedText);
    expect(await alice.announcement.innerText()).toBe(sv['plan.added']);
    expect(await alice.badgeText()).toBe(offlineWith(2));
    await expect(testApi(alice.page).unsyncedChanges()).resolves.toBe(2);
    // Bertil, also offline, changes another row's status.
    await bertil.grid.editCell(second.id, 'status', 'Väntar på beslut');
    expect(await bertil.badgeText()).toBe(offlineWith(1));
    expect(await bertil.grid.cellText(first.id, 'text')).toBe(first.text);

    const added = (await readOpenPlan(alice.page)).activities.find((activity) => activity.text === addedText);
    if (!added) throw new Error('the added activity is not in Alice’s plan');
    expect(await alice.grid.cellText(added.id, 'text')).toBe(addedText);

    await app.startServer();
    for (const page of [alice, bertil]) {
      await expect.poll(() => testApi(page.page).unsyncedChanges(), { timeout: 15_000 }).toBe(0);
      await expect.poll(() => page.badgeText()).toMatch(SYNCED);
    }
    await expect.poll(() => bertil.grid.cellText(first.id, 'text')).toBe(editedText);
    expect(await bertil.grid.cellText(added.id, 'text')).toBe(addedText);
    await expect.poll(() => alice.grid.cellText(second.id, 'status')).toBe('Väntar på beslut');
    await alice.grid.statusChip(second.id, 'awaiting_decision').waitFor();

    await expect.poll(async () => readOpenPlan(bertil.page)).toEqual(await readOpenPlan(alice.page));
    const final = await readOpenPlan(alice.page);
    expect(final.activities).toHaveLength(43);
    expect(final.activities.find((activity) => activity.id === first.id)?.text).toBe(editedText);
    expect(final.activities.find((activity) => activity.id === second.id)?.status).toBe('awaiting_decision');
  });

  it('[e2e-local-first] a plan opened before shows from the device copy at once when the relay cannot be reached, edits included', async () => {
    const plan = await app.createPlan('Lokal kopia');
    const link = app.link(plan.id, plan.editToken);
    const alice = await new PlanPage(await app.newPage()).open(link);
    const [first] = (await readOpenPlan(alice.page)).activities;
    if (!first) throw new Error('the template has no activities');

    // From now on every socket to the relay is refused at once: the network is there, the relay is not.
    let relayReachable = false;
    await alice.page.context().routeWebSocket(/\/sync\//, (socket) => {
      if (relayReachable) socket.connectToServer();
      else void socket.close({ code: 1011 });
    });
    await alice.page.reload();
    await alice.grid.waitForRows();
    expect((await readOpenPlan(alice.page)).activities).toHaveLength(42);
    await expect.poll(() => alice.badgeText()).toBe(offlineWith(0));

    // The copy is fully usable: an edit is kept on the device and survives another reload.
    const text = 'Skrivet medan servern inte svarade';
    await alice.grid.editCell(first.id, 'text', text);
    await expect.poll(() => alice.badgeText()).toBe(offlineWith(1));
    await alice.page.reload();
    await expect
      .poll(async () => (await readOpenPlan(alice.page)).activities.find((a) => a.id === first.id)?.text)
      .toBe(text);
    await expect.poll(() => alice.grid.cellText(first.id, 'text')).toBe(text);
    await expect.poll(() => alice.badgeText()).toBe(offlineWith(1));

    // When the relay is reachable again the edit reaches a colleague.
    relayReachable = true;
    const bertil = await new PlanPage(await app.newPage()).open(link);
    await expect.poll(() => bertil.grid.cellText(first.id, 'text')).toBe(text);
    await expect.poll(() => alice.badgeText(), { timeout: 15_000 }).toMatch(SYNCED);
  });
});
