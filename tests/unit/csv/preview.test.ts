// [csv-import] The import preview: rows to add, rows refused with their line and reasons, and names the plan lacks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importableRows, previewCsvFile, previewCsvText } from '../../../src/csv/importCsv.ts';
import type { ImportPreview, PreviewOutcome } from '../../../src/csv/importCsv.ts';
import { addParticipant } from '../../../src/model/participants.ts';
import { readPlan } from '../../../src/model/plan.ts';
import { LIMITS } from '../../../src/model/schema.ts';
import { alice, seededDoc, unwrap } from '../../helpers/plans.ts';

const plan = readPlan(seededDoc());
const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/csv/${name}`, import.meta.url)));

function preview(outcome: PreviewOutcome): ImportPreview {
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.problem)}`);
  return outcome.preview;
}

/** Each refusal as "line: code column value" (value only where it helps to read the test). */
const reasons = (result: ImportPreview): string[] =>
  result.refusals.flatMap(({ line, problems }) =>
    problems.map((problem) => `${line}: ${problem.code} ${problem.column}`),
  );

describe('[csv-import] previewing a CSV file against the plan', () => {
  it('[csv-import-good] a good file: every row resolved, names matched case-insensitively, labels and keys read', () => {
    const result = preview(previewCsvFile(fixture('good.csv'), plan));
    expect(result).toMatchObject({
      encoding: 'utf-8',
      separator: ';',
      refusals: [],
      unknownFocusAreas: [],
      unknownOwners: [],
      ignoredColumns: [],
      alreadyInPlan: [],
    });
    expect(
      result.rows.map((row) => [row.line, row.focusArea, row.owners, row.cells.step, row.cells.status]),
    ).toEqual([
      [2, 'SIP', ['Region Jämtland Härjedalen', 'Östersund'], 1, 'in_progress'],
      [4, 'SIP', ['Krokom'], 2, 'done'],
      [5, 'SIP', ['Gemensamt'], 3, 'done'],
    ]);
    expect(result.rows[0]?.cells).toEqual({
      step: 1,
      text: 'Utbilda SIP-samordnare',
      responsible: 'Åsa Öberg',
      status: 'in_progress',
      due: '2027-03-31',
      reformParts: [1, 4],
      note: 'Två rader\nför anteckningen',
      decision: 'Styrgruppen beslutade',
      decisionDate: '2026-11-23',
    });
    expect(result.rows[2]?.cells.text).toBe('Citat "inom" texten; med semikolon');
    // Spreadsheets write 2027-01-05 as 2027-1-5 at times: unambiguous, so it is read.
    expect(result.rows[2]?.cells.due).toBe('2027-01-05');
  });

  it('[csv-import-status] an unknown status refuses its row with the line and the value', () => {
    const result = preview(previewCsvFile(fixture('unknown-status.csv'), plan));
    expect(result.rows.map((row) => [row.line, row.cells.status])).toEqual([
      [2, 'in_progress'],
      [4, 'not_started'],
    ]);
    expect(result.refusals).toEqual([
      { line: 3, problems: [{ code: 'bad_status', column: 'status', value: 'Klar-ish' }] },
    ]);
  });

  it('[csv-import-owner] unknown owners wait on a choice and are collected with their lines (after a multi-line cell)', () => {
    const result = preview(previewCsvFile(fixture('unknown-owner.csv'), plan));
    expect(result.refusals).toEqual([]);
    expect(result.rows.map((row) => [row.line, row.owners, row.newOwners])).toEqual([
      [2, ['Östersund'], []],
      [5, ['Östersunds kommun', 'Krokom'], ['Östersunds kommun']],
      [6, ['Nordanstig', 'Östersunds kommun'], ['Nordanstig', 'Östersunds kommun']],
    ]);
    expect(result.unknownOwners).toEqual([
      { name: 'Östersunds kommun', lines: [5, 6], priority: null },
      { name: 'Nordanstig', lines: [6], priority: null },
    ]);
    const none = { createFocusAreas: [], createOwners: [] };
    expect(importableRows(result, none).map((row) => row.line)).toEqual([2]);
    const one = { createFocusAreas: [], createOwners: ['östersunds KOMMUN'] };
    expect(importableRows(result, one).map((row) => row.line)).toEqual([2, 5]);
  });

  it('[csv-import-owner] a known owner whose name holds a comma or semicolon is read as one name', () => {
    const doc = seededDoc();
    unwrap(addParticipant(doc, alice, { name: 'Vård, stöd och omsorg', kind: 'other' }));
    unwrap(addParticipant(doc, alice, { name: 'Länsstyrelsen; tillsyn', kind: 'other' }));
    const text =
      'Fokusområde;Aktivitet;Ansvarig\r\n' +
      'SIP;Ett;"vård,  stöd och omsorg, Östersund"\r\n' +
      'SIP;Två;"Krokom; Länsstyrelsen; tillsyn;Vård, stöd och omsorg"\r\n' +
      'SIP;Tre;"Okänd, med komma"\r\n';
    const result = preview(previewCsvText(text, readPlan(doc)));
    expect(result.rows.map((row) => [row.line, row.owners, row.newOwners])).toEqual([
      [2, ['Vård, stöd och omsorg', 'Östersund'], []],
      [3, ['Krokom', 'Länsstyrelsen; tillsyn', 'Vård, stöd och omsorg'], []],
      // A name the plan lacks cannot be told from two: it is read as two, each offered as new.
      [4, ['Okänd', 'med komma'], ['Okänd', 'med komma']],
    ]);
  });

  it('[csv-import-date] bad dates refuse their rows: day-first, no such day, a bad decision date; 2027/03/31 is read', () => {
    const result = preview(previewCsvFile(fixture('bad-date.csv'), plan));
    expect(reasons(result)).toEqual(['2: bad_date due', '3: bad_date due', '5: bad_date decision']);
    expect(result.refusals[0]?.problems[0]?.value).toBe('31/03/2027');
    expect(result.rows.map((row) => [row.line, row.cells.due])).toEqual([[4, '2027-03-31']]);
  });

  it('[csv-import-missing] missing text or focus area refuses the row; an empty row is passed over silently', () => {
    const result = preview(previewCsvFile(fixture('missing-text.csv'), plan));
    expect(result.rows).toEqual([]);
    expect(reasons(result)).toEqual(['2: required text', '5: required focusArea', '6: required text']);
  });

  it('[csv-import-step] bad steps, reform parts and priorities refuse their rows ("Step 3" and "Steg 2" are fine)', () => {
    const result = preview(previewCsvFile(fixture('bad-step.csv'), plan));
    expect(result.separator).toBe(',');
    expect(reasons(result)).toEqual([
      '2: bad_step step',
      '3: bad_step step',
      '5: bad_reform_part reformParts',
      '6: bad_priority priority',
    ]);
    expect(result.rows.map((row) => [row.line, row.cells.step, row.cells.reformParts])).toEqual([
      [4, 3, [1, 10]],
    ]);
  });

  it('[csv-import-long] text longer than the limits refuses the row, naming the limit', () => {
    const long = 'x'.repeat(LIMITS.text + 1);
    const result = preview(
      previewCsvText(
        `Fokusområde;Aktivitet;Kontaktperson\r\nSIP;ok;ok\r\nSIP;${long};${'y'.repeat(201)}\r\n`,
        plan,
      ),
    );
    expect(result.refusals).toEqual([
      {
        line: 3,
        problems: [
          { code: 'too_long', column: 'text', value: long, max: LIMITS.text },
          { code: 'too_long', column: 'responsible', value: 'y'.repeat(201), max: LIMITS.responsible },
        ],
      },
    ]);
  });

  it('[csv-import-all-reasons] a row with several faults lists each, unknown names included, in column order', () => {
    const text =
      'Aktivitet;Status;Fokusområde;Ansvarig;Klart senast\r\n;Klar-ish;Nytt område;Nordanstig;igår\r\n';
    expect(reasons(preview(previewCsvText(text, plan)))).toEqual([
      '2: unknown_focus_area focusArea',
      '2: required text',
      '2: unknown_participant owners',
      '2: bad_status status',
      '2: bad_date due',
    ]);
  });

  it("[csv-import-names] unknown focus areas are collected with their lines and the file's priority", () => {
    const text = [
      'Prioritet;Fokusområde;Aktivitet',
      ';Ny fokus;a',
      '5;NY FOKUS;b',
      '2;Annan;c',
      '1;sip;d',
      '',
    ].join('\r\n');
    const result = preview(previewCsvText(text, plan));
    expect(result.unknownFocusAreas).toEqual([
      { name: 'Ny fokus', lines: [2, 3], priority: 5 },
      { name: 'Annan', lines: [4], priority: 2 },
    ]);
    expect(result.rows.map((row) => [row.focusArea, row.newFocusArea])).toEqual([
      ['Ny fokus', 'Ny fokus'],
      ['NY FOKUS', 'NY FOKUS'],
      ['Annan', 'Annan'],
      ['SIP', null],
    ]);
  });

  it('[csv-import-header] columns in any order, in English, any case; unknown and repeated columns ignored', () => {
    const text = 'STATUS;  activity ;Kommentar;Focus Area;Status\r\nDone;Gör något;x;SIP;Pågår\r\n';
    const result = preview(previewCsvText(text, plan));
    expect(result.ignoredColumns).toEqual(['Kommentar', 'Status']);
    expect(result.rows.map((row) => [row.cells.text, row.cells.status, row.cells.step])).toEqual([
      ['Gör något', 'done', 1],
    ]);
  });

  it('[csv-import-guard] takes off the apostrophe the export puts before = + - @', () => {
    const text = "Fokusområde;Aktivitet;Anteckning\r\nSIP;'=SUMMA(A1);'-1\r\nSIP;'vanlig apostrof;'@x\r\n";
    const result = preview(previewCsvText(text, plan));
    expect(result.rows.map((row) => [row.cells.text, row.cells.note])).toEqual([
      ['=SUMMA(A1)', '-1'],
      ["'vanlig apostrof", '@x'],
    ]);
  });

  it('[csv-import-file] refuses files it cannot read, with a reason for each', () => {
    const refusal = (bytes: Uint8Array) => {
      const outcome = previewCsvFile(bytes, plan);
      return outcome.ok ? null : outcome.problem;
    };
    expect(refusal(fixture('no-text-column.csv'))).toEqual({ code: 'missing_columns', columns: ['text'] });
    expect(refusal(fixture('unterminated.csv'))).toEqual({ code: 'unterminated_quote', line: 2 });
    expect(refusal(new Uint8Array())).toEqual({ code: 'empty' });
    expect(refusal(new TextEncoder().encode('Fokusområde;Aktivitet\r\n;\r\n'))).toEqual({ code: 'no_rows' });
    expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toEqual({ code: 'workbook' });
    expect(refusal(new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41))).toEqual({ code: 'too_big' });
    expect(refusal(new TextEncoder().encode('Hej!\nDetta är ett brev.\n'))).toEqual({
      code: 'missing_columns',
      columns: ['focusArea', 'text'],
    });
  });
});
