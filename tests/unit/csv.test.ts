// [csv] The CSV export parses back, through a real CSV reader, to the plan it came from.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, csvFileName, exportCsv } from '../../src/csv/exportCsv.ts';
import { addActivity, setActivityField } from '../../src/model/activities.ts';
import { readPlan } from '../../src/model/plan.ts';
import type { PlanSnapshot } from '../../src/model/schema.ts';
import { alice, first, seededDoc } from '../helpers/plans.ts';
import { CSV_HEADER, expectedCsvRows } from '../helpers/csvOracle.ts';

/** The rows a real CSV reader gets back from the exported text (after the BOM). */
function parseBack(csv: string, delimiter = ';'): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return parse(csv.slice(1), {
    delimiter,
    record_delimiter: '\r\n',
    relax_column_count: false,
  }) as string[][];
}

function trickyPlan(): PlanSnapshot {
  const doc = seededDoc('jamtland-harjedalen', 'Åtgärder; "Östersund" 2027');
  const plan = readPlan(doc);
  const [a, b, c] = plan.activities;
  const [region, , , , , , , , ostersund] = plan.participants;
  if (!a || !b || !c || !region || !ostersund) throw new Error('fixture');
  setActivityField(doc, alice, a.id, 'text', 'Säkerställa vård; för "målgruppen"\nsamt anhöriga');
  setActivityField(doc, alice, a.id, 'owners', [region.id, ostersund.id]);
  setActivityField(doc, alice, a.id, 'status', 'awaiting_decision');
  setActivityField(doc, alice, a.id, 'due', '2027-03-31');
  setActivityField(doc, alice, a.id, 'reformParts', [4, 1]);
  setActivityField(doc, alice, b.id, 'note', 'Två rader\r\nmed CRLF och ä, å, ö');
  setActivityField(doc, alice, b.id, 'responsible', 'Åsa Öberg');
  setActivityField(doc, alice, a.id, 'decision', 'Styrgruppen beslutade; start i januari');
  setActivityField(doc, alice, a.id, 'decisionDate', '2026-11-23');
  setActivityField(doc, alice, b.id, 'decisionDate', '2026-10-01');
  setActivityField(doc, alice, c.id, 'decision', 'Utan datum');
  setActivityField(doc, alice, c.id, 'text', '=HYPERLINK("http://evil")');
  addActivity(doc, alice, { focusAreaId: a.focusAreaId, step: 2, text: '-1+1' });
  addActivity(doc, alice, { focusAreaId: a.focusAreaId, step: 2, text: '@SUM(A1)' });
  return readPlan(doc);
}

describe('[csv] export for Swedish Excel and LibreOffice', () => {
  it('[csv-format] has a BOM, CRLF line ends, ; separators and the Swedish header', () => {
    const csv = exportCsv(readPlan(seededDoc()));
    expect(csv.startsWith('\uFEFFPrioritet;Fokusområde;Steg;Aktivitet;')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\n')).toBe(false);
    expect(parseBack(csv)[0]).toEqual(CSV_HEADER);
  });

  it('[csv-roundtrip] parses back to the whole plan, with Swedish characters, ;, quotes and line breaks in cells', () => {
    const plan = trickyPlan();
    const rows = parseBack(exportCsv(plan));
    const guarded = expectedCsvRows(plan).map((row) =>
      row.map((cell) => (/^[=+\-@]/.test(cell) ? `'${cell}` : cell)),
    );
    // Line breaks inside cells are kept as they are stored (LF).
    expect(rows.slice(1)).toEqual(guarded);
    expect(rows).toHaveLength(plan.activities.length + 1);
    expect(rows[1]).toEqual([
      '1',
      'Övergripande beslut om riktningen framåt',
      '1',
      'Säkerställa vård; för "målgruppen"\nsamt anhöriga',
      'Region Jämtland Härjedalen, Östersund',
      '',
      'Väntar på beslut',
      '2027-03-31',
      '1, 4',
      '',
      '2026-11-23: Styrgruppen beslutade; start i januari',
    ]);
    const decisions = rows.map((row) => row.at(-1));
    expect(decisions).toContain('2026-10-01:');
    expect(decisions).toContain('Utan datum');
  });

  it('[csv-injection] prefixes cells that start with = + - @ tab or CR with an apostrophe', () => {
    const texts = parseBack(exportCsv(trickyPlan())).map((row) => row[3]);
    expect(texts).toContain(`'=HYPERLINK("http://evil")`);
    expect(texts).toContain(`'-1+1`);
    expect(texts).toContain(`'@SUM(A1)`);
    expect(csvField('\tx', ';')).toBe("'\tx");
    expect(csvField('\rx', ';')).toBe('"\'\rx"');
    expect(csvField('Kompetens -och utvecklingsbehov', ';')).toBe('Kompetens -och utvecklingsbehov');
  });

  it('[csv-comma] uses , on request and quotes fields that hold one', () => {
    const plan = trickyPlan();
    const rows = parse(exportCsv(plan, { separator: ',' }).slice(1), { delimiter: ',' }) as string[][];
    expect(rows[0]).toEqual(CSV_HEADER);
    expect(rows[1]?.[4]).toBe('Region Jämtland Härjedalen, Östersund');
    expect(rows).toHaveLength(plan.activities.length + 1);
  });

  it('[csv-name] names the file aktivitetsplan-<title>-<date>.csv without characters file systems refuse', () => {
    expect(csvFileName('Aktivitetsplan Jämtland Härjedalen', '2026-11-23')).toBe(
      'aktivitetsplan-Aktivitetsplan-Jämtland-Härjedalen-2026-11-23.csv',
    );
    expect(csvFileName('A/B: "C"?', '2026-11-23')).toBe('aktivitetsplan-A-B-C-2026-11-23.csv');
    expect(csvFileName('   ', '2026-11-23')).toBe('aktivitetsplan-plan-2026-11-23.csv');
  });

  it('[csv-empty] exports the header alone for a plan without activities', () => {
    const rows = parseBack(exportCsv(readPlan(seededDoc('empty'))));
    expect(rows).toEqual([CSV_HEADER]);
    expect(first(rows)).toHaveLength(11);
  });
});
