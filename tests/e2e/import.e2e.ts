// [e2e-import] "Importera CSV": a preview with counts, refused rows and new names; one confirmed change; one Ctrl+Z.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sv } from '../../src/i18n/sv.ts';
import { axeViolations } from './axe.ts';
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

const fill = (key: keyof typeof sv, params: Record<string, string | number>): string =>
  Object.entries(params).reduce<string>(
    (text, [name, value]) => text.replace(`{${name}}`, String(value)),
    sv[key],
  );

// As Excel on a Swedish Windows saves it: Windows-1252 (Latin-1 for these letters), semicolons, no BOM.
const FILE = [
  'Fokusområde;Aktivitet;Ansvarig;Status;Klart senast',
  'SIP;Importerad aktivitet;Östersund;Pågår;2027-03-31',
  'SIP;Felaktig rad;Krokom;Klar-ish;',
  'SIP;Med ny organisation;Nordanstig;Klar;',
  '',
].join('\r\n');

describe('CSV import', () => {
  it('[e2e-import] previews counts, the bad row by line and reason, the unknown owner; imports on confirm; Ctrl+Z takes it all back', async () => {
    const created = await app.createPlan('Import Jämtland');
    const page = await new PlanPage(await app.newPage()).open(app.link(created.id, created.editToken));
    const before = await readOpenPlan(page.page);

    await page.page.getByRole('button', { name: sv['toolbar.import'], exact: true }).click();
    const dialog = page.page.getByRole('dialog', { name: sv['importCsv.title'] });
    await dialog.getByLabel(sv['importCsv.file'], { exact: true }).setInputFiles({
      name: 'plan från excel.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(FILE, 'latin1'),
    });

    const summary = dialog.getByRole('status');
    await expect.poll(() => summary.innerText()).toContain(fill('importCsv.summary.ready', { count: 2 }));
    expect(await summary.innerText()).toContain(sv['importCsv.summary.refusedOne']);
    await dialog.getByText(/plan från excel.csv är läst som Windows-1252 med semikolon/).waitFor();
    const refused = dialog.getByRole('table');
    expect(await refused.getByRole('row').nth(1).innerText()).toMatch(/^3\s+Okänd status ”Klar-ish”\.$/);
    const createOwner = dialog.getByRole('checkbox', {
      name: fill('importCsv.newOwner', { name: 'Nordanstig' }),
    });
    expect(await createOwner.isChecked()).toBe(true);
    expect(await axeViolations(page.page), 'axe on the import preview').toBe('');

    // Not creating the owner skips its row; the button says so before anything changes.
    await createOwner.uncheck();
    await dialog.getByRole('button', { name: sv['importCsv.submitOne'], exact: true }).waitFor();
    expect(await summary.innerText()).toContain(sv['importCsv.summary.skippedOne']);
    await createOwner.check();
    expect(await readOpenPlan(page.page)).toEqual(before);

    await dialog.getByRole('button', { name: fill('importCsv.submit', { count: 2 }), exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.announcement.innerText()).toBe(fill('importCsv.done', { count: 2 }));
    const after = await readOpenPlan(page.page);
    expect(after.activities).toHaveLength(before.activities.length + 2);
    const imported = after.activities.find((activity) => activity.text === 'Importerad aktivitet');
    if (imported === undefined) throw new Error('the activity was not imported');
    expect(imported).toMatchObject({ status: 'in_progress', due: '2027-03-31' });
    expect(after.participants.map((participant) => participant.name)).toContain('Nordanstig');
    await page.grid.reveal(imported.id);
    expect(await page.grid.cellText(imported.id, 'text')).toBe('Importerad aktivitet');
    expect(await page.grid.cellText(imported.id, 'owners')).toBe('Östersund');

    // One change: one Ctrl+Z removes both activities and the organisation the import created.
    await page.page.keyboard.press('Control+z');
    await expect
      .poll(async () => (await readOpenPlan(page.page)).activities.length)
      .toBe(before.activities.length);
    expect(await readOpenPlan(page.page)).toEqual(before);
    await expect.poll(() => page.grid.row(imported.id).count()).toBe(0);
  });
});
