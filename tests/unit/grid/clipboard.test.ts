// [clipboard] Spreadsheet clipboard text is split as Excel and LibreOffice write it, and display values become model values.
import { afterEach, describe, expect, it } from 'vitest';
import { formatTsvField, parseDisplayValue, parseTsv, planPaste } from '../../../src/grid/clipboard.ts';
import { toGridRows } from '../../../src/grid/rows.ts';
import { setCells } from '../../../src/model/batch.ts';
import { readActivity, readPlan } from '../../../src/model/plan.ts';
import type { PlanSnapshot } from '../../../src/model/schema.ts';
import { alice, seededDoc } from '../../helpers/plans.ts';
import type * as Y from 'yjs';

describe('[clipboard-tsv] parseTsv', () => {
  it('splits tabs and CRLF or LF rows, without a row for the final line end', () => {
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('a\tb\nc\td')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('keeps empty fields, at the start, middle and end of a row', () => {
    expect(parseTsv('\tx\t\t\n')).toEqual([['', 'x', '', '']]);
  });

  it('reads quoted fields with tabs, line breaks and doubled quotes', () => {
    expect(parseTsv('"rad 1\nrad 2"\t"a\tb"\t"säger ""hej"""\r\nslut\r\n')).toEqual([
      ['rad 1\nrad 2', 'a\tb', 'säger "hej"'],
      ['slut'],
    ]);
  });

  it('takes quotes inside an unquoted field, or an unclosed quote, literally', () => {
    expect(parseTsv('5" skärm\t"öppen')).toEqual([['5" skärm', '"öppen']]);
    expect(parseTsv('"a"b\tc')).toEqual([['"a"b', 'c']]);
  });

  it('formats a field as a spreadsheet would, and parses it back', () => {
    for (const value of ['enkel', 'två\nrader', 'flik\there', '"citat" först', '']) {
      expect(parseTsv(formatTsvField(value))).toEqual([[value]]);
    }
    expect(formatTsvField('enkel')).toBe('enkel');
  });
});

let doc: Y.Doc;
afterEach(() => doc?.destroy());

function plan(): PlanSnapshot {
  doc = seededDoc();
  return readPlan(doc);
}

describe('[clipboard-values] parseDisplayValue', () => {
  it('reads status by Swedish or English label or key, step as "Steg 2" or "2"', () => {
    const lookup = plan();
    for (const text of ['Pågår', 'pågår', 'In progress', 'in_progress']) {
      expect(parseDisplayValue('status', text, lookup)).toEqual({ ok: true, value: 'in_progress' });
    }
    expect(parseDisplayValue('status', 'Kanske', lookup)).toMatchObject({
      ok: false,
      error: { code: 'bad_status' },
    });
    expect(parseDisplayValue('step', 'Steg 2', lookup)).toEqual({ ok: true, value: 2 });
    expect(parseDisplayValue('step', '3', lookup)).toEqual({ ok: true, value: 3 });
    expect(parseDisplayValue('step', '4', lookup)).toMatchObject({ ok: false, error: { code: 'bad_step' } });
  });

  it('reads focus areas and owners by name, reform parts as "1, 3"', () => {
    const snapshot = plan();
    const [area] = snapshot.focusAreas;
    const [first, second] = snapshot.participants;
    if (!area || !first || !second) throw new Error('fixture');
    expect(parseDisplayValue('focusAreaId', ` ${area.name.toUpperCase()} `, snapshot)).toEqual({
      ok: true,
      value: area.id,
    });
    expect(parseDisplayValue('owners', `${first.name}, ${second.name}`, snapshot)).toEqual({
      ok: true,
      value: [first.id, second.id],
    });
    expect(parseDisplayValue('owners', '', snapshot)).toEqual({ ok: true, value: [] });
    expect(parseDisplayValue('owners', 'Ingen sådan', snapshot)).toMatchObject({
      ok: false,
      error: { code: 'unknown_participant' },
    });
    expect(parseDisplayValue('reformParts', '1, 3', snapshot)).toEqual({ ok: true, value: [1, 3] });
    expect(parseDisplayValue('reformParts', 'ett', snapshot)).toMatchObject({ ok: false });
  });
});

describe('[clipboard-paste] a pasted block', () => {
  it('fills cells rightwards and downwards, refuses bad values, and writes the rest in one batch', () => {
    const snapshot = plan();
    const rows = toGridRows(snapshot);
    const [a, b] = rows;
    if (!a || !b) throw new Error('fixture');
    const block = parseTsv('Pågår\t2027-03-01\t1, 2\r\nOkänd\t2027-02-30\t3\r\nKlar\t\t\textra\r\n');
    const pasted = planPaste(block, rows, 0, ['status', 'due', 'reformParts', 'note'], snapshot);
    expect(pasted.refused.map((r) => [r.rowIndex, r.column, r.error.code])).toEqual([
      [1, 'status', 'bad_status'],
    ]);
    const outcome = setCells(doc, alice, pasted.cells);
    // The date is refused by the model: February has no 30th.
    expect(outcome.refused.map((r) => [pasted.places[r.index], r.error.code])).toEqual([
      [{ rowIndex: 1, column: 'due' }, 'bad_date'],
    ]);
    expect(readActivity(doc, a.id)).toMatchObject({
      status: 'in_progress',
      due: '2027-03-01',
      reformParts: [1, 2],
    });
    expect(readActivity(doc, b.id)).toMatchObject({ status: b.status, reformParts: [3] });
    const third = rows[2];
    if (!third) throw new Error('fixture');
    expect(readActivity(doc, third.id)).toMatchObject({
      status: 'done',
      due: '',
      reformParts: [],
      note: 'extra',
    });
  });

  it('leaves out the cells the grid says not to write (an open conflict)', () => {
    const snapshot = plan();
    const rows = toGridRows(snapshot);
    const pasted = planPaste(
      parseTsv('x\ty\n'),
      rows,
      0,
      ['note', 'responsible'],
      snapshot,
      (_row, column) => column !== 'note',
    );
    expect(pasted.cells.map((cell) => cell.cell.field)).toEqual(['responsible']);
    expect(pasted.refused).toEqual([]);
  });

  it('counts the values that fall outside the grid', () => {
    const snapshot = plan();
    const rows = toGridRows(snapshot).slice(-1);
    const pasted = planPaste(parseTsv('a\tb\nc\td\n'), rows, 41, ['note'], snapshot);
    expect(pasted.cells).toHaveLength(1);
    expect(pasted.outside).toBe(3);
  });
});
