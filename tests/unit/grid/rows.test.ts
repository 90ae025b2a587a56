// src/grid/rows.ts: a plan snapshot becomes grid rows with names and priorities resolved, in plan order.
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addActivity, moveActivity, setActivityField } from '../../../src/model/activities.ts';
import {
  addFocusArea,
  removeFocusArea,
  renameFocusArea,
  setFocusAreaPriority,
} from '../../../src/model/focusAreas.ts';
import { renameParticipant } from '../../../src/model/participants.ts';
import { readPlan } from '../../../src/model/plan.ts';
import type { Result } from '../../../src/model/result.ts';
import type { Participant, PlanSnapshot } from '../../../src/model/schema.ts';
import { sameRow, toGridRows } from '../../../src/grid/rows.ts';
import { alice, areaNamed, first, seededDoc } from '../../helpers/plans.ts';
import { TestNetwork } from '../../helpers/syncedDocs.ts';

const DIRECTION = 'Övergripande beslut om riktningen framåt';
const COMPETENCE = 'Kompetens -och utvecklingsbehov';

const participantNamed = (plan: PlanSnapshot, name: string): Participant => {
  const participant = plan.participants.find((candidate) => candidate.name === name);
  if (!participant) throw new Error(`no participant ${name}`);
  return participant;
};

const must = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(result.error.detail);
  return result.value;
};

const rowsOf = (doc: Y.Doc) => toGridRows(readPlan(doc));

describe('toGridRows: one row per activity, in plan order', () => {
  it('gives one row per activity, keyed by the activity id, in the order the plan lists them', () => {
    const doc = seededDoc();
    const plan = readPlan(doc);
    const rows = toGridRows(plan);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.map((row) => row.id)).toEqual(plan.activities.map((activity) => activity.id));
    expect(first(rows)).toMatchObject({
      focusAreaName: DIRECTION,
      step: 1,
      text: 'Att arbetet ska prioriteras',
    });
  });

  it('moves a focus area’s rows to the end when its priority drops to 99', () => {
    const doc = seededDoc();
    const area = areaNamed(readPlan(doc), DIRECTION);
    must(setFocusAreaPriority(doc, alice, area.id, 99));
    const rows = rowsOf(doc);
    const own = rows.filter((row) => row.focusAreaId === area.id);
    expect(own.length).toBeGreaterThan(0);
    expect(rows.slice(-own.length)).toEqual(own);
    expect(own.every((row) => row.priority === 99)).toBe(true);
  });

  it('puts a moved activity’s row at its new place, under the new area’s name and priority', () => {
    const doc = seededDoc();
    const plan = readPlan(doc);
    const moved = first(plan.activities.filter((a) => a.focusAreaId === areaNamed(plan, DIRECTION).id));
    const competence = areaNamed(plan, COMPETENCE);
    const anchor = first(plan.activities.filter((a) => a.focusAreaId === competence.id && a.step === 2));
    must(moveActivity(doc, alice, moved.id, { focusAreaId: competence.id, step: 2, after: anchor.id }));
    const rows = rowsOf(doc);
    const at = rows.findIndex((row) => row.id === moved.id);
    expect(rows[at - 1]?.id).toBe(anchor.id);
    expect(rows[at]).toMatchObject({
      focusAreaName: COMPETENCE,
      priority: competence.priority,
      step: 2,
      text: moved.text,
    });
  });
});

describe('toGridRows: names and priorities resolved', () => {
  it('shows on every row the name and priority of its focus area', () => {
    const plan = readPlan(seededDoc());
    const areas = new Map(plan.focusAreas.map((area) => [area.id, area]));
    for (const row of toGridRows(plan)) {
      const area = areas.get(row.focusAreaId);
      expect(row.focusAreaName).toBe(area?.name);
      expect(row.priority).toBe(area?.priority);
    }
  });

  it('names the owners in the participants’ order, whatever order they were picked in', () => {
    const doc = seededDoc();
    const plan = readPlan(doc);
    const activity = first(plan.activities);
    const ostersund = participantNamed(plan, 'Östersund');
    const berg = participantNamed(plan, 'Berg');
    must(setActivityField(doc, alice, activity.id, 'owners', [ostersund.id, berg.id]));
    const row = rowsOf(doc).find((candidate) => candidate.id === activity.id);
    expect(row?.owners).toEqual([berg.id, ostersund.id]);
    expect(row?.ownerNames).toBe('Berg, Östersund');
  });

  it('shows an owner’s new name once the participant is renamed', () => {
    const doc = seededDoc();
    const plan = readPlan(doc);
    const activity = first(plan.activities);
    const region = participantNamed(plan, 'Region Jämtland Härjedalen');
    must(setActivityField(doc, alice, activity.id, 'owners', [region.id]));
    must(renameParticipant(doc, alice, region.id, 'Region JH'));
    expect(rowsOf(doc).find((row) => row.id === activity.id)?.ownerNames).toBe('Region JH');
  });

  it('keeps the row of an activity whose focus area a racing edit removed, last and without area name or priority', () => {
    const network = new TestNetwork(2, seededDoc());
    try {
      const area = areaNamed(readPlan(network.doc(0)), COMPETENCE);
      network.cut(0);
      const added = must(
        addActivity(network.doc(0), network.origin(0), {
          focusAreaId: area.id,
          step: 1,
          text: 'Skrivet offline',
        }),
      );
      must(removeFocusArea(network.doc(1), network.origin(1), area.id, { withActivities: true }));
      network.healAll();
      const rows = rowsOf(network.doc(1));
      expect(rows.at(-1)).toMatchObject({
        id: added,
        text: 'Skrivet offline',
        focusAreaName: '',
        priority: 0,
      });
    } finally {
      network.destroy();
    }
  });

  it('gives an empty-template plan its first row once a focus area and an activity are added', () => {
    const doc = seededDoc('empty');
    expect(rowsOf(doc)).toEqual([]);
    const area = must(addFocusArea(doc, alice, { name: 'Gemensam kompetensutveckling', priority: '3' }));
    must(addActivity(doc, alice, { focusAreaId: area, step: 1, text: 'Utbildningsdag för chefer' }));
    expect(rowsOf(doc)).toEqual([
      expect.objectContaining({
        focusAreaId: area,
        focusAreaName: 'Gemensam kompetensutveckling',
        priority: 3,
        text: 'Utbildningsdag för chefer',
        ownerNames: '',
      }),
    ]);
  });
});

describe('grid rows as values', () => {
  it('are frozen copies: a later change to the plan leaves rows already built as they were', () => {
    const doc = seededDoc();
    const before = first(rowsOf(doc));
    must(setActivityField(doc, alice, before.id, 'text', 'Ny lydelse'));
    expect(Object.isFrozen(before)).toBe(true);
    expect(before.text).toBe('Att arbetet ska prioriteras');
    expect(first(rowsOf(doc)).text).toBe('Ny lydelse');
  });

  it('sameRow holds for a row rebuilt from an unchanged plan and fails once one of its cells changes', () => {
    const doc = seededDoc();
    const activity = first(readPlan(doc).activities);
    const original = first(rowsOf(doc));
    expect(sameRow(original, first(rowsOf(doc)))).toBe(true);
    must(setActivityField(doc, alice, activity.id, 'reformParts', [2, 5]));
    expect(sameRow(original, first(rowsOf(doc)))).toBe(false);
  });

  it('sameRow fails when only the row’s focus area was renamed, so the grid redraws the area cell', () => {
    const doc = seededDoc();
    const plan = readPlan(doc);
    const original = first(toGridRows(plan));
    must(renameFocusArea(doc, alice, areaNamed(plan, DIRECTION).id, 'Riktning framåt'));
    const after = rowsOf(doc).find((row) => row.id === original.id);
    expect(after?.focusAreaName).toBe('Riktning framåt');
    expect(after && sameRow(original, after)).toBe(false);
  });
});
