// [csv-roundtrip-import] Export, then import into another plan, then export again: the same file, byte for byte.
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../../src/csv/exportCsv.ts';
import type { CsvSeparator } from '../../../src/csv/exportCsv.ts';
import { importableRows, previewCsvFile } from '../../../src/csv/importCsv.ts';
import type { ImportPreview } from '../../../src/csv/importCsv.ts';
import { addActivity, deleteActivity, setActivityField } from '../../../src/model/activities.ts';
import { addFocusArea } from '../../../src/model/focusAreas.ts';
import { addParticipant } from '../../../src/model/participants.ts';
import { importActivities } from '../../../src/model/importActivities.ts';
import { readPlan } from '../../../src/model/plan.ts';
import type * as Y from 'yjs';
import { alice, areaNamed, seededDoc, unwrap } from '../../helpers/plans.ts';

const NEW_AREA = 'Uppföljning – ”nyckeltal”; del 2';
/** An owner whose name holds the separator the export joins owners with. */
const COMMA_OWNER = 'Vård, stöd och omsorg';

/** The Jämtland plan with every kind of cell filled in, and text chosen to trip up a CSV reader. */
function richDoc(): Y.Doc {
  const doc = seededDoc('jamtland-harjedalen', 'Rik plan');
  unwrap(addFocusArea(doc, alice, { name: NEW_AREA, priority: 2 }));
  unwrap(addParticipant(doc, alice, { name: COMMA_OWNER, kind: 'other' }));
  const plan = readPlan(doc);
  const p = (name: string) => {
    const found = plan.participants.find((participant) => participant.name === name);
    if (found === undefined) throw new Error(name);
    return found.id;
  };
  const [a, b, c, d, e] = plan.activities;
  if (!a || !b || !c || !d || !e) throw new Error('fixture');
  const set = (id: typeof a.id, field: Parameters<typeof setActivityField>[3], value: unknown) =>
    unwrap(setActivityField(doc, alice, id, field, value));
  set(a.id, 'text', 'Säkerställa vård; för "målgruppen"\nsamt anhöriga');
  set(a.id, 'owners', [p('Region Jämtland Härjedalen'), p('Östersund')]);
  set(a.id, 'status', 'awaiting_decision');
  set(a.id, 'due', '2027-03-31');
  set(a.id, 'reformParts', [4, 1, 10]);
  set(a.id, 'decision', 'Styrgruppen beslutade; start i januari');
  set(a.id, 'decisionDate', '2026-11-23');
  set(b.id, 'note', 'Två rader\r\nmed CRLF och ä, å, ö – ’citat’');
  set(b.id, 'responsible', 'Åsa Öberg');
  set(b.id, 'owners', [p('Krokom'), p('Östersund')]);
  set(b.id, 'decisionDate', '2026-10-01');
  set(b.id, 'status', 'done');
  set(c.id, 'decision', 'Utan datum,\n"på två rader"');
  set(c.id, 'text', '=HYPERLINK("http://evil")');
  set(c.id, 'owners', [p('Gemensamt')]);
  set(d.id, 'owners', [p('Berg'), p('Kommunförbundet Jämtland Härjedalen'), p('Krokom'), p(COMMA_OWNER)]);
  set(d.id, 'status', 'blocked');
  set(e.id, 'note', '@bara en anteckning');
  set(e.id, 'status', 'paused');
  unwrap(addActivity(doc, alice, { focusAreaId: a.focusAreaId, step: 2, text: '-1+1' }));
  unwrap(addActivity(doc, alice, { focusAreaId: a.focusAreaId, step: 2, text: '+46 70 123 45 67' }));
  const last = unwrap(
    addActivity(doc, alice, { focusAreaId: areaNamed(plan, NEW_AREA).id, step: 3, text: 'Ny' }),
  );
  set(last, 'status', 'waiting');
  set(last, 'responsible', 'Per "Pelle" Persson');
  return doc;
}

/** A plan with the Jämtland participants and focus areas (the new one too) and no activities. */
function sameStructureDoc(): Y.Doc {
  const doc = seededDoc('jamtland-harjedalen', 'Tom kopia');
  unwrap(addFocusArea(doc, alice, { name: NEW_AREA, priority: 2 }));
  unwrap(addParticipant(doc, alice, { name: COMMA_OWNER, kind: 'other' }));
  for (const activity of readPlan(doc).activities) unwrap(deleteActivity(doc, alice, activity.id));
  return doc;
}

function previewOf(bytes: Uint8Array, doc: Y.Doc): ImportPreview {
  const outcome = previewCsvFile(bytes, readPlan(doc));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
  return outcome.preview;
}

/** Imports `bytes` into `doc`, creating every name the file has and the plan lacks; returns the new export. */
function importAndExport(bytes: Uint8Array, doc: Y.Doc, separator: CsvSeparator = ';'): string {
  const preview = previewOf(bytes, doc);
  expect(preview.refusals).toEqual([]);
  const choices = {
    createFocusAreas: preview.unknownFocusAreas.map((name) => name.name),
    createOwners: preview.unknownOwners.map((name) => name.name),
  };
  expect(importableRows(preview, choices)).toHaveLength(preview.rows.length);
  const outcome = unwrap(importActivities(doc, alice, preview.rows, choices));
  expect(outcome.skipped).toBe(0);
  return exportCsv(readPlan(doc), { separator });
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

// The Windows-1252 bytes for the characters above 0xFF that the rich plan uses; the rest are Latin-1.
const CP1252: Record<string, number> = { '–': 0x96, '’': 0x92, '”': 0x94, '€': 0x80 };

/** Text as Excel on Swedish Windows saves it: one byte per character, no BOM. */
function windows1252(text: string): Uint8Array {
  return new Uint8Array(
    [...text].map((c) => {
      const code = CP1252[c] ?? c.charCodeAt(0);
      if (code > 0xff) throw new Error(`not in Windows-1252: ${c}`);
      return code;
    }),
  );
}

describe('[csv-roundtrip-import] export → import → export', () => {
  const original = exportCsv(readPlan(richDoc()));

  it('[csv-roundtrip-vacuity] the exported file does hold the tricky cells', () => {
    for (const piece of [
      `"'=HYPERLINK(""http://evil"")"`,
      ";'-1+1;",
      ";'+46 70 123 45 67;",
      ";'@bara en anteckning;",
      '"Säkerställa vård; för ""målgruppen""\nsamt anhöriga"',
      ';2026-10-01:\r\n',
      '"Utan datum,\n""på två rader"""',
      'Berg, Krokom, Kommunförbundet Jämtland Härjedalen',
      '1, 4, 10',
      'Per ""Pelle"" Persson',
      '– ’citat’',
    ])
      expect(original).toContain(piece);
  });

  it('[csv-roundtrip-same] into a plan with the same participants and focus areas: the same bytes', () => {
    const doc = sameStructureDoc();
    const again = importAndExport(utf8(original), doc);
    expect(previewOf(utf8(original), sameStructureDoc()).unknownOwners).toEqual([]);
    expect(Buffer.from(utf8(again))).toEqual(Buffer.from(utf8(original)));
  });

  it('[csv-roundtrip-empty] into an empty plan, creating its focus areas and organisations from the preview', () => {
    const doc = seededDoc('empty', 'Tom plan');
    const preview = previewOf(utf8(original), doc);
    expect(preview.unknownFocusAreas.length).toBeGreaterThan(5);
    expect(preview.unknownOwners.map((name) => name.name)).toContain('Region Jämtland Härjedalen');
    expect(importAndExport(utf8(original), doc)).toBe(original);
  });

  it('[csv-roundtrip-comma] with , as separator', () => {
    const commas = exportCsv(readPlan(richDoc()), { separator: ',' });
    expect(commas).not.toBe(original);
    expect(importAndExport(utf8(commas), sameStructureDoc(), ',')).toBe(commas);
    expect(importAndExport(utf8(commas), seededDoc('empty'), ',')).toBe(commas);
  });

  it('[csv-roundtrip-1252] after Excel saved it again as Windows-1252 without a BOM', () => {
    const bytes = windows1252(original.slice(1));
    expect(previewOf(bytes, sameStructureDoc()).encoding).toBe('windows-1252');
    expect(importAndExport(bytes, sameStructureDoc())).toBe(original);
  });
});
