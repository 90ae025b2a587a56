// [overview] The overview's table computed from the Jämtland Härjedalen plan after a steering group's edits.
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addActivity, setActivityField } from '../../../src/model/activities.ts';
import { addFocusArea } from '../../../src/model/focusAreas.ts';
import { readPlan } from '../../../src/model/plan.ts';
import type { ActivityField, PlanSnapshot } from '../../../src/model/schema.ts';
import { ownedBy } from '../../../src/state/mine.ts';
import { readOverviewTable } from '../../../src/views/overview/overviewTable.ts';
import type { OverviewRow } from '../../../src/views/overview/overviewTable.ts';
import { alice, areaNamed, seededDoc, unwrap } from '../../helpers/plans.ts';

const TODAY = '2026-11-23';
const DIRECTION = 'Övergripande beslut om riktningen framåt';
const USERS = 'Brukar- och patientmedverkan';
const CULTURE =
  'Kulturarbete - fördjupad kunskap om grunderna och de förändringar som samsjuklighetsutredningens förslag kommer innebära';
const SIP = 'SIP';

const activityNamed = (plan: PlanSnapshot, text: string) => {
  const found = plan.activities.find((activity) => activity.text === text);
  if (!found) throw new Error(`no activity ${text}`);
  return found;
};
const participantNamed = (plan: PlanSnapshot, name: string) => {
  const found = plan.participants.find((participant) => participant.name === name);
  if (!found) throw new Error(`no participant ${name}`);
  return found.id;
};
const rowNamed = (rows: readonly OverviewRow[], name: string): OverviewRow => {
  const row = rows.find((candidate) => candidate.name === name);
  if (!row) throw new Error(`no row ${name}`);
  return row;
};
/** Each step cell's activity texts, Steg 1 to 3. */
const textsOf = (row: OverviewRow): string[][] =>
  row.cells.map((cell) => cell.items.map((item) => item.text));

/** The template plan, then what a meeting does to it: statuses, owners, dates, a decision, new rows. */
function editedPlan(): { doc: Y.Doc; plan: PlanSnapshot } {
  const doc = seededDoc('jamtland-harjedalen');
  const seeded = readPlan(doc);
  const set = (text: string, field: ActivityField, value: unknown): void =>
    unwrap(setActivityField(doc, alice, activityNamed(seeded, text).id, field, value));
  const region = participantNamed(seeded, 'Region Jämtland Härjedalen');
  const ostersund = participantNamed(seeded, 'Östersund');
  const joint = participantNamed(seeded, 'Gemensamt');

  // Done, with a past due date: not overdue. Owners chosen in another order than the participants'.
  set('Att arbetet ska prioriteras', 'status', 'done');
  set('Att arbetet ska prioriteras', 'due', '2026-11-01');
  set('Att arbetet ska prioriteras', 'owners', [joint, ostersund, region]);
  set('Att arbetet ska prioriteras', 'decision', 'Reformarbetet prioriteras i hela länet.');
  set('Att arbetet ska prioriteras', 'decisionDate', '2026-11-23');
  // In progress with yesterday as due date: overdue.
  set('Hur förflyttningen ska ske', 'status', 'in_progress');
  set('Hur förflyttningen ska ske', 'due', '2026-11-22');
  set('Hur förflyttningen ska ske', 'owners', [region]);
  // Due today: not overdue yet.
  set('Se över resursfördelningen', 'due', TODAY);
  set('Se över resursfördelningen', 'status', 'awaiting_decision');
  set('Se över resursfördelningen', 'decision', 'Frågan tas upp på nästa möte.');
  // Moved from Steg 1 to Steg 2: it goes last there.
  set('Inom primärvården', 'step', 2);

  const users = areaNamed(seeded, USERS);
  const firstOfUsers = activityNamed(
    seeded,
    'Göra brukare mer delaktiga i den övergripande planeringen och genomförandet av reformens arbete.',
  );
  unwrap(
    addActivity(doc, alice, {
      focusAreaId: users.id,
      step: 1,
      text: 'Bjuda in brukarrådet',
      after: firstOfUsers.id,
    }),
  );
  unwrap(addActivity(doc, alice, { focusAreaId: areaNamed(seeded, SIP).id, step: 3, text: 'Följa upp SIP' }));
  unwrap(addFocusArea(doc, alice, { name: 'Uppföljning och lärande', priority: 2 }));
  return { doc, plan: readPlan(doc) };
}

describe('[overview] the plan as focus areas against Steg 1–3', () => {
  it('has one row per focus area in priority order, an added area last among its priority', () => {
    const { rows } = readOverviewTable(editedPlan().plan, TODAY);
    expect(rows.map((row) => [row.priority, row.name])).toEqual([
      [1, DIRECTION],
      [2, USERS],
      [2, CULTURE],
      [2, 'Kompetens -och utvecklingsbehov'],
      [2, 'Screening -och kartläggning'],
      [2, 'Uppföljning och lärande'],
      [3, 'Stegvis vård och vårdkedjor'],
      [3, 'Samordnade och integrerade verksamheter/insatser'],
      [3, 'Tillgängligheten av sprututbyte och LARO och lågtröskelverksamheter'],
      [3, 'Personliga ombudens utökade målgrupp'],
      [3, 'Kommunernas stödinsatser'],
      [3, SIP],
      [4, 'Gemensamma HVB-hem i länet'],
    ]);
    expect(rows.filter((row) => row.firstOfPriority).map((row) => row.name)).toEqual([
      DIRECTION,
      USERS,
      'Stegvis vård och vårdkedjor',
      'Gemensamma HVB-hem i länet',
    ]);
  });

  it('puts each activity under its step in plan order, moved and added ones where the model placed them', () => {
    const { rows } = readOverviewTable(editedPlan().plan, TODAY);
    expect(textsOf(rowNamed(rows, DIRECTION))).toEqual([
      ['Att arbetet ska prioriteras'],
      ['Hur förflyttningen ska ske'],
      ['Se över resursfördelningen'],
    ]);
    expect(textsOf(rowNamed(rows, USERS))).toEqual([
      [
        'Göra brukare mer delaktiga i den övergripande planeringen och genomförandet av reformens arbete.',
        'Bjuda in brukarrådet',
        'Den hjälpsökande ska beredas möjlighet att vara mer delaktig i sin egen vård',
      ],
      [
        'Identifiera behoven genom länssamverkan',
        'Se över behov av samverkansforum och ta ställning till NSPH/Hjärnkolls förslag till samverkan',
        'Genomföra fler brukarrevisioner',
      ],
      [],
    ]);
    expect(textsOf(rowNamed(rows, CULTURE))).toEqual([
      ['Mellan primärvård och specialistsjukvård', 'Inom respektive kommun', 'Mellan kommunerna i länet'],
      ['Inom primärvården'],
      [],
    ]);
    expect(textsOf(rowNamed(rows, SIP))).toEqual([
      ['Implementera den nya överenskommelsen hos båda huvudmännen.'],
      [],
      ['Följa upp SIP'],
    ]);
    expect(rowNamed(rows, SIP).cells.map((cell) => cell.step)).toEqual([1, 2, 3]);
  });

  it('shows a focus area without activities, with three empty cells and zero counts', () => {
    const row = rowNamed(readOverviewTable(editedPlan().plan, TODAY).rows, 'Uppföljning och lärande');
    expect(textsOf(row)).toEqual([[], [], []]);
    expect([row.total, row.done, row.overdue]).toEqual([0, 0, 0]);
  });

  it('names owners in the participants’ order, joined by ", ", and leaves unowned activities empty', () => {
    const [step1, step2, step3] = rowNamed(readOverviewTable(editedPlan().plan, TODAY).rows, DIRECTION).cells;
    expect(step1?.items[0]?.owners).toBe('Region Jämtland Härjedalen, Östersund, Gemensamt');
    expect(step2?.items[0]?.owners).toBe('Region Jämtland Härjedalen');
    expect(step3?.items[0]?.owners).toBe('');
  });

  it('marks overdue only a past due date on an activity not done: done and due today are not', () => {
    const table = readOverviewTable(editedPlan().plan, TODAY);
    const items = rowNamed(table.rows, DIRECTION).cells.flatMap((cell) => cell.items);
    expect(items.map((item) => [item.text, item.status, item.due, item.overdue])).toEqual([
      ['Att arbetet ska prioriteras', 'done', '2026-11-01', false],
      ['Hur förflyttningen ska ske', 'in_progress', '2026-11-22', true],
      ['Se över resursfördelningen', 'awaiting_decision', TODAY, false],
    ]);
    expect(table.overdue).toBe(1);
    // A day later, the one due today is late too.
    expect(readOverviewTable(editedPlan().plan, '2026-11-24').overdue).toBe(2);
  });

  it('carries the decision and its date; an undated decision keeps an empty date', () => {
    const items = rowNamed(readOverviewTable(editedPlan().plan, TODAY).rows, DIRECTION).cells.flatMap(
      (cell) => cell.items,
    );
    expect(items.map((item) => [item.decisionDate, item.decision])).toEqual([
      ['2026-11-23', 'Reformarbetet prioriteras i hela länet.'],
      ['', ''],
      ['', 'Frågan tas upp på nästa möte.'],
    ]);
  });

  it('counts per row and in total: activities, done and overdue', () => {
    const table = readOverviewTable(editedPlan().plan, TODAY);
    const direction = rowNamed(table.rows, DIRECTION);
    expect([direction.total, direction.done, direction.overdue]).toEqual([3, 1, 1]);
    expect(rowNamed(table.rows, USERS).total).toBe(6);
    // The template's 42 activities plus the two added.
    expect(table.activities).toBe(44);
    expect(table.rows.reduce((sum, row) => sum + row.total, 0)).toBe(44);
  });

  it('with "Min organisation" on, keeps every focus area but lists only that organisation’s activities', () => {
    const { plan } = editedPlan();
    const region = participantNamed(plan, 'Region Jämtland Härjedalen');
    const table = readOverviewTable(ownedBy(plan, region), TODAY);
    expect(table.rows).toHaveLength(13);
    expect(table.activities).toBe(2);
    expect(textsOf(rowNamed(table.rows, DIRECTION))).toEqual([
      ['Att arbetet ska prioriteras'],
      ['Hur förflyttningen ska ske'],
      [],
    ]);
  });

  it('gives cells keys of focus area and step, so a live update can keep the cells it did not touch', () => {
    const { plan } = editedPlan();
    const area = areaNamed(plan, SIP);
    expect(rowNamed(readOverviewTable(plan, TODAY).rows, SIP).cells.map((cell) => cell.id)).toEqual([
      `${area.id}/1`,
      `${area.id}/2`,
      `${area.id}/3`,
    ]);
  });
});
