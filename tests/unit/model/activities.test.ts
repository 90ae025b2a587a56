// [model-*] Activity operations: validated, one transaction each, logged; refusals store nothing.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addActivity,
  deleteActivity,
  moveActivity,
  setActivityField,
} from '../../../src/model/activities.ts';
import { readLog } from '../../../src/model/log.ts';
import { readActivity, readPlan } from '../../../src/model/plan.ts';
import type { ActivityField, ActivityId } from '../../../src/model/schema.ts';
import { alice, areaNamed, first, seededDoc } from '../../helpers/plans.ts';

const CULTURE =
  'Kulturarbete - fördjupad kunskap om grunderna och de förändringar som samsjuklighetsutredningens förslag kommer innebära';

function withPlan() {
  const doc = seededDoc();
  const plan = readPlan(doc);
  return { doc, plan, activity: first(plan.activities, 'activity') };
}

/** Counts transactions that carry `origin`, to prove one action = one transaction. */
function countTransactions(doc: Y.Doc, origin: unknown): () => number {
  let count = 0;
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.origin === origin) count++;
  });
  return () => count;
}

describe('[model-add] adding an activity', () => {
  it('adds it under the chosen focus area and step, last there, in one transaction with a log entry', () => {
    const { doc, plan } = withPlan();
    const area = areaNamed(plan, CULTURE);
    const transactions = countTransactions(doc, alice);
    const result = addActivity(doc, alice, {
      focusAreaId: area.id,
      step: 2,
      text: '  Gemensam utbildningsdag  ',
    });
    expect(result.ok).toBe(true);
    const id = result.ok ? result.value : ('' as ActivityId);
    const inStep = readPlan(doc).activities.filter((a) => a.focusAreaId === area.id && a.step === 2);
    expect(inStep.map((a) => a.text)).toEqual(['Gemensam utbildningsdag']);
    expect(transactions()).toBe(1);
    expect(readLog(doc).at(-1)).toMatchObject({
      target: 'activity',
      action: 'add',
      id,
      to: 'Gemensam utbildningsdag',
      by: { name: 'Alice Andersson', organisation: 'Region Jämtland Härjedalen' },
    });
  });

  it('places it right after a given activity', () => {
    const { doc, plan } = withPlan();
    const area = areaNamed(plan, CULTURE);
    const [firstOne] = plan.activities.filter((a) => a.focusAreaId === area.id && a.step === 1);
    const result = addActivity(doc, alice, {
      focusAreaId: area.id,
      step: 1,
      text: 'Ny',
      after: firstOne?.id,
    });
    expect(result.ok).toBe(true);
    const texts = readPlan(doc)
      .activities.filter((a) => a.focusAreaId === area.id)
      .map((a) => a.text);
    expect(texts.slice(0, 3)).toEqual([
      'Inom primärvården',
      'Ny',
      'Mellan primärvård och specialistsjukvård',
    ]);
  });

  it('refuses empty text, an unknown focus area and a bad step, and stores nothing', () => {
    const { doc, plan } = withPlan();
    const area = first(plan.focusAreas);
    const before = Y.encodeStateVector(doc);
    expect(addActivity(doc, alice, { focusAreaId: area.id, step: 1, text: ' ' })).toMatchObject({
      ok: false,
      error: { code: 'required' },
    });
    expect(addActivity(doc, alice, { focusAreaId: 'nope' as never, step: 1, text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_focus_area' },
    });
    expect(addActivity(doc, alice, { focusAreaId: area.id, step: 4 as never, text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'bad_step' },
    });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('stores no empty text cells (they read as empty) but always both sets, and a cell set later is stored', () => {
    const { doc, plan } = withPlan();
    const result = addActivity(doc, alice, { focusAreaId: first(plan.focusAreas).id, step: 3, text: 'Kort' });
    const id = result.ok ? result.value : ('' as ActivityId);
    const row = doc.getMap('activities').get(id) as Y.Map<unknown>;
    expect([...row.keys()].sort()).toEqual([
      'focusAreaId',
      'order',
      'owners',
      'reformParts',
      'status',
      'step',
      'text',
    ]);
    expect(readActivity(doc, id)).toMatchObject({
      responsible: '',
      due: '',
      note: '',
      decision: '',
      decisionDate: '',
    });
    setActivityField(doc, alice, id, 'note', 'Nu');
    expect(row.get('note')).toBe('Nu');
  });
});

describe('[model-set] editing a cell', () => {
  it('stores each field in its type and logs previous and new value', () => {
    const { doc, plan, activity } = withPlan();
    const [region, berg] = plan.participants;
    const edits: [ActivityField, unknown][] = [
      ['text', 'Ny text; med "citat"'],
      ['owners', [region?.id, berg?.id]],
      ['responsible', 'Karin Ek'],
      ['status', 'awaiting_decision'],
      ['due', '2027-02-28'],
      ['reformParts', ['4', 1, 4]],
      ['note', 'Rad ett\nRad två'],
      ['step', '3'],
    ];
    for (const [field, value] of edits)
      expect(setActivityField(doc, alice, activity.id, field, value)).toEqual({ ok: true, value: undefined });
    expect(readActivity(doc, activity.id)).toMatchObject({
      text: 'Ny text; med "citat"',
      owners: [region?.id, berg?.id],
      responsible: 'Karin Ek',
      status: 'awaiting_decision',
      due: '2027-02-28',
      reformParts: [1, 4],
      note: 'Rad ett\nRad två',
      step: 3,
    });
    expect(readLog(doc).find((e) => e.field === 'status')).toMatchObject({
      from: 'not_started',
      to: 'awaiting_decision',
    });
  });

  it.each([
    ['status', 'klar', 'bad_status'],
    ['due', '2027-02-30', 'bad_date'],
    ['due', '23/11/2026', 'bad_date'],
    ['step', 0, 'bad_step'],
    ['owners', ['someone'], 'unknown_participant'],
    ['owners', 'Region', 'unknown_participant'],
    ['reformParts', [11], 'bad_reform_part'],
    ['text', '', 'required'],
    ['text', 'x'.repeat(4001), 'too_long'],
    ['note', 42, 'not_text'],
    ['focusAreaId', 'missing', 'unknown_focus_area'],
    ['order' as ActivityField, 'a0', 'unknown_field'],
  ] as const)('refuses %s = %j with %s and stores nothing', (field, value, code) => {
    const { doc, activity } = withPlan();
    const before = Y.encodeStateVector(doc);
    const result = setActivityField(doc, alice, activity.id, field as ActivityField, value);
    expect(result).toMatchObject({ ok: false, error: { code, field } });
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(readActivity(doc, activity.id)).toEqual(activity);
  });

  it('writes nothing when the value is unchanged, and refuses an unknown activity', () => {
    const { doc, activity } = withPlan();
    const before = Y.encodeStateVector(doc);
    expect(setActivityField(doc, alice, activity.id, 'text', activity.text).ok).toBe(true);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(setActivityField(doc, alice, 'gone' as ActivityId, 'text', 'x')).toMatchObject({
      ok: false,
      error: { code: 'unknown_activity' },
    });
  });
});

describe('[model-move] moving an activity', () => {
  it('moves it to another focus area and step, before a given activity, in one transaction', () => {
    const { doc, plan, activity } = withPlan();
    const area = areaNamed(plan, CULTURE);
    const target = first(plan.activities.filter((a) => a.focusAreaId === area.id && a.step === 1));
    const transactions = countTransactions(doc, alice);
    expect(
      moveActivity(doc, alice, activity.id, { focusAreaId: area.id, step: 1, before: target.id }).ok,
    ).toBe(true);
    const texts = readPlan(doc)
      .activities.filter((a) => a.focusAreaId === area.id && a.step === 1)
      .map((a) => a.text);
    expect(texts[0]).toBe(activity.text);
    expect(texts[1]).toBe(target.text);
    expect(transactions()).toBe(1);
    expect(readPlan(doc).activities).toHaveLength(42);
  });

  it('moves within a step to after another activity', () => {
    const { doc, plan } = withPlan();
    const area = areaNamed(plan, CULTURE);
    const [a, b, c] = plan.activities.filter((x) => x.focusAreaId === area.id && x.step === 1);
    if (!a || !b || !c) throw new Error('fixture');
    expect(moveActivity(doc, alice, a.id, { focusAreaId: area.id, step: 1, after: c.id }).ok).toBe(true);
    const ids = readPlan(doc)
      .activities.filter((x) => x.focusAreaId === area.id && x.step === 1)
      .map((x) => x.id);
    expect(ids.slice(0, 3)).toEqual([b.id, c.id, a.id]);
  });

  it('refuses an unknown target focus area or step', () => {
    const { doc, activity } = withPlan();
    expect(moveActivity(doc, alice, activity.id, { focusAreaId: 'x' as never, step: 1 }).ok).toBe(false);
    expect(
      moveActivity(doc, alice, activity.id, { focusAreaId: activity.focusAreaId, step: 5 as never }).ok,
    ).toBe(false);
    expect(readActivity(doc, activity.id)).toEqual(activity);
  });
});

describe('[model-delete] deleting an activity', () => {
  it('removes it and logs its text', () => {
    const { doc, activity } = withPlan();
    expect(deleteActivity(doc, alice, activity.id).ok).toBe(true);
    expect(readActivity(doc, activity.id)).toBeUndefined();
    expect(readPlan(doc).activities).toHaveLength(41);
    expect(readLog(doc).at(-1)).toMatchObject({ action: 'delete', id: activity.id, from: activity.text });
    expect(deleteActivity(doc, alice, activity.id)).toMatchObject({
      ok: false,
      error: { code: 'unknown_activity' },
    });
  });
});

describe('[model-regroup] changing focus area or step in a cell', () => {
  it('puts the activity last in its new step, in one transaction', () => {
    const { doc, plan } = withPlan();
    const area = areaNamed(plan, CULTURE);
    const [moving, staying] = plan.activities.filter((a) => a.focusAreaId === area.id && a.step === 1);
    if (!moving || !staying) throw new Error('fixture');
    const transactions = countTransactions(doc, alice);
    expect(setActivityField(doc, alice, moving.id, 'step', 2).ok).toBe(true);
    expect(setActivityField(doc, alice, staying.id, 'step', 2).ok).toBe(true);
    const inStep2 = readPlan(doc).activities.filter((a) => a.focusAreaId === area.id && a.step === 2);
    expect(inStep2.map((a) => a.id)).toEqual([moving.id, staying.id]);
    expect(transactions()).toBe(2);
  });

  it('puts the activity last in its new focus area', () => {
    const { doc, plan, activity } = withPlan();
    const area = areaNamed(plan, CULTURE);
    expect(setActivityField(doc, alice, activity.id, 'focusAreaId', area.id).ok).toBe(true);
    const inStep = readPlan(doc).activities.filter(
      (a) => a.focusAreaId === area.id && a.step === activity.step,
    );
    expect(inStep.at(-1)?.id).toBe(activity.id);
  });
});
