// [csv-apply] Applying an import preview to the plan: one transaction, one undo step, chosen names created, nothing half-done.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { previewCsvFile, previewCsvText } from '../../../src/csv/importCsv.ts';
import type { ImportPreview, PreviewOutcome } from '../../../src/csv/importCsv.ts';
import { removeFocusArea } from '../../../src/model/focusAreas.ts';
import { guessKind, importActivities } from '../../../src/model/importActivities.ts';
import { orderNewNames } from '../../../src/model/importOrder.ts';
import { readLog } from '../../../src/model/log.ts';
import { readPlan } from '../../../src/model/plan.ts';
import type { PlanSnapshot } from '../../../src/model/schema.ts';
import { createPlanUndo } from '../../../src/model/undo.ts';
import type * as Y from 'yjs';
import { alice, areaNamed, seededDoc, unwrap } from '../../helpers/plans.ts';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/csv/${name}`, import.meta.url)));

function preview(outcome: PreviewOutcome): ImportPreview {
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.problem)}`);
  return outcome.preview;
}

const NONE = { createFocusAreas: [], createOwners: [] };
const texts = (plan: PlanSnapshot, area: string, step: number): string[] =>
  plan.activities
    .filter((activity) => activity.focusAreaId === areaNamed(plan, area).id && activity.step === step)
    .map((activity) => activity.text);

function logLength(doc: Y.Doc): number {
  return readLog(doc).length;
}

describe('[csv-apply] importing the previewed rows', () => {
  it('[csv-apply-undo] adds every row in one transaction with log entries, and one undo takes the whole import back', () => {
    const doc = seededDoc();
    const undo = createPlanUndo(doc, alice);
    const before = readPlan(doc);
    const rows = preview(previewCsvFile(fixture('good.csv'), before)).rows;
    let transactions = 0;
    doc.on('afterTransaction', () => (transactions += 1));

    const outcome = unwrap(importActivities(doc, alice, rows, NONE));

    expect(outcome).toEqual({ added: 3, skipped: 0, createdFocusAreas: 0, createdOwners: 0 });
    expect(transactions).toBe(1);
    const after = readPlan(doc);
    expect(after.activities).toHaveLength(before.activities.length + 3);
    // Last in their focus area and step, after what was there.
    expect(texts(after, 'SIP', 1)).toEqual([...texts(before, 'SIP', 1), 'Utbilda SIP-samordnare']);
    expect(texts(after, 'SIP', 2)).toEqual(['Uppföljning av SIP']);
    const added = after.activities.find((activity) => activity.text === 'Utbilda SIP-samordnare');
    expect(added).toMatchObject({ status: 'in_progress', due: '2027-03-31', decisionDate: '2026-11-23' });
    expect(
      readLog(doc)
        .slice(-3)
        .map((entry) => [entry.action, entry.target, entry.to, entry.by.name]),
    ).toEqual([
      ['add', 'activity', 'Utbilda SIP-samordnare', 'Alice Andersson'],
      ['add', 'activity', 'Uppföljning av SIP', 'Alice Andersson'],
      ['add', 'activity', 'Citat "inom" texten; med semikolon', 'Alice Andersson'],
    ]);

    // Reading the same file again warns that its rows are already there.
    expect(preview(previewCsvFile(fixture('good.csv'), after)).alreadyInPlan).toEqual([2, 4, 5]);

    expect(unwrap(undo.undo()).done).toBe(true);
    expect(readPlan(doc)).toEqual(before);
    expect(undo.canUndo()).toBe(false);
    expect(unwrap(undo.redo()).done).toBe(true);
    expect(readPlan(doc).activities).toHaveLength(before.activities.length + 3);
  });

  it('[csv-apply-choices] creates only the chosen names the added rows use, and skips and counts the other rows', () => {
    const doc = seededDoc();
    const text = [
      'Prioritet;Fokusområde;Aktivitet;Ansvarig',
      '5;Nytt område;a;Nordanstig',
      ';Nytt område;b;',
      '2;Annat område;c;Östersund',
      ';SIP;d;Bergs kommun, Nordanstig',
      '',
    ].join('\r\n');
    const rows = preview(previewCsvText(text, readPlan(doc))).rows;
    const undo = createPlanUndo(doc, alice);
    const entries = logLength(doc);

    const outcome = unwrap(
      importActivities(doc, alice, rows, { createFocusAreas: ['NYTT område'], createOwners: ['Nordanstig'] }),
    );

    expect(outcome).toEqual({ added: 2, skipped: 2, createdFocusAreas: 1, createdOwners: 1 });
    const plan = readPlan(doc);
    expect(areaNamed(plan, 'Nytt område').priority).toBe(5);
    expect(plan.focusAreas.some((area) => area.name === 'Annat område')).toBe(false);
    expect(plan.participants.at(-1)).toMatchObject({ name: 'Nordanstig', kind: 'other' });
    expect(texts(plan, 'Nytt område', 1)).toEqual(['a', 'b']);
    expect(logLength(doc) - entries).toBe(4);
    unwrap(undo.undo());
    expect(plan.participants.length - readPlan(doc).participants.length).toBe(1);
    expect(readPlan(doc).focusAreas.some((area) => area.name === 'Nytt område')).toBe(false);
  });

  it('[csv-apply-revalidate] matches names against the plan as it is now: a focus area removed since is a skip', () => {
    const doc = seededDoc();
    const rows = preview(previewCsvFile(fixture('good.csv'), readPlan(doc))).rows;
    unwrap(removeFocusArea(doc, alice, areaNamed(readPlan(doc), 'SIP').id, { withActivities: true }));
    expect(unwrap(importActivities(doc, alice, rows, NONE))).toMatchObject({ added: 0, skipped: 3 });
    // Chosen for creation, it comes back as a new area.
    expect(
      unwrap(importActivities(doc, alice, rows, { createFocusAreas: ['SIP'], createOwners: [] })),
    ).toEqual({
      added: 3,
      skipped: 0,
      createdFocusAreas: 1,
      createdOwners: 0,
    });
  });

  it('[csv-apply-atomic] a row the model refuses refuses the whole import, naming its line; nothing is written', () => {
    const doc = seededDoc();
    const [good] = preview(previewCsvFile(fixture('good.csv'), readPlan(doc))).rows;
    if (good === undefined) throw new Error('fixture');
    const bad = { ...good, line: 9, cells: { ...good.cells, due: '2027-02-30' } };
    const before = readPlan(doc);
    const result = importActivities(doc, alice, [good, bad], NONE);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'bad_date', field: 'due', params: { line: '9' } },
    });
    expect(readPlan(doc)).toEqual(before);
  });

  it('[csv-apply-order] new organisations follow the order the file lists owners in', () => {
    expect(
      orderNewNames([
        ['Region', 'Östersund'],
        ['Krokom', 'Östersund'],
        ['Berg', 'Krokom'],
      ]),
    ).toEqual(['Region', 'Berg', 'Krokom', 'Östersund']);
    // Rows that disagree (a hand-edited file): the first one to order two names wins.
    expect(orderNewNames([['a', 'b'], ['b', 'a'], ['c']])).toEqual(['a', 'b', 'c']);
    expect(
      ['Region Gävleborg', 'Kommunförbundet Norrbotten', 'Bergs kommun', 'Gemensamt', 'Krokom'].map(
        guessKind,
      ),
    ).toEqual(['region', 'association', 'municipality', 'joint', 'other']);
  });
});
