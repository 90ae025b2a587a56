// [e2e-csv] "Exportera CSV" downloads the whole plan as Swedish-Excel CSV, byte for byte what the server's endpoint gives.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from './harness.ts';
import type { E2EApp } from './harness.ts';
import { PlanPage } from './pages/PlanPage.ts';
import { readOpenPlan } from './testApi.ts';
import { CSV_HEADER, expectedCsvRows } from '../helpers/csvOracle.ts';

let app: E2EApp;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const todayInSweden = (): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

describe('CSV export', () => {
  it('[e2e-csv] the downloaded file is BOM + ; + CRLF, parses back to the plan, and equals GET export.csv', async () => {
    const title = 'CSV-plan Jämtland';
    const plan = await app.createPlan(title);
    const page = await new PlanPage(await app.newPage()).open(app.link(plan.id, plan.editToken));
    const [first] = (await readOpenPlan(page.page)).activities;
    if (!first) throw new Error('the template has no activities');
    const tricky = 'Möte; "Grönt" ljus för åtgärd i Härjedalen';
    await page.grid.editCell(first.id, 'text', tricky);
    await page.grid.editCell(first.id, 'status', 'Pågår');

    const download = await page.exportCsv();
    const fileName = `aktivitetsplan-CSV-plan-Jämtland-${todayInSweden()}.csv`;
    expect(download.suggestedFilename()).toBe(fileName);
    await page.announcement.filter({ hasText: fileName }).waitFor();
    const bytes = await readFile(await download.path());

    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\n').length).toBe(text.split('\r\n').length); // every line break is CRLF
    expect(text.slice(1, text.indexOf('\r\n'))).toBe(CSV_HEADER.join(';'));
    expect(text).toContain('"Möte; ""Grönt"" ljus för åtgärd i Härjedalen"');

    const records = parse(text, { bom: true, delimiter: ';', record_delimiter: '\r\n' }) as string[][];
    expect(records).toHaveLength(43);
    expect(records[0]).toEqual(CSV_HEADER);
    const snapshot = await readOpenPlan(page.page);
    expect(records.slice(1)).toEqual(expectedCsvRows(snapshot));
    expect(records[1]?.[3]).toBe(tricky);
    expect(records[1]?.[6]).toBe('Pågår');

    // The server's endpoint, asked by a reporting tool with the edit token, gives the same bytes
    // (polled: the edit reaches the relay over the socket a moment after the local export).
    const serverExport = async (token = plan.editToken) => {
      const response = await fetch(`${app.url}/api/plans/${plan.id}/export.csv`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return { response, bytes: Buffer.from(await response.arrayBuffer()) };
    };
    await expect.poll(async () => (await serverExport()).bytes.toString('utf8')).toBe(text);
    const { response, bytes: served } = await serverExport();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
    expect(served.equals(bytes)).toBe(true);
    expect((await serverExport(plan.viewToken)).bytes.equals(bytes)).toBe(true);
  });
});
