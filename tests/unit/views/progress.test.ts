// [follow-up] The follow-up's figures from a known plan: Jämtland Härjedalen's 42 activities, a few of them edited.
import type * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setActivityField } from '../../../src/model/activities.ts';
import { readPlan } from '../../../src/model/plan.ts';
import { STATUSES } from '../../../src/model/schema.ts';
import type { Activity, ActivityField, PlanSnapshot, Status } from '../../../src/model/schema.ts';
import { daysBetween, readProgress } from '../../../src/views/followUp/progress.ts';
import type { PlanProgress, ProgressGroup, StatusCounts } from '../../../src/views/followUp/progress.ts';
import { segmentsOf } from '../../../src/views/followUp/progressChart.ts';
import { CHART_INK, STATUS_COLOURS, contrastRatio } from '../../../src/views/followUp/statusColors.ts';
import { alice, areaNamed, seededDoc, unwrap } from '../../helpers/plans.ts';

const TODAY = '2026-11-23';
const REGION = 'Region Jämtland Härjedalen';
const ASSOCIATION = 'Kommunförbundet Jämtland Härjedalen';
const OVERALL = 'Övergripande beslut om riktningen framåt';
const SKILLS = 'Kompetens -och utvecklingsbehov';

/** Counts with every status 0 except those given. */
const counts = (some: Partial<Record<Status, number>>): StatusCounts =>
  Object.fromEntries(STATUSES.map((status) => [status, some[status] ?? 0])) as StatusCounts;

const nameOf = (group: ProgressGroup): string => {
  const subject = group.subject;
  if (subject.kind === 'focusArea' || subject.kind === 'participant') return subject.name;
  if (subject.kind === 'reformPart') return `part ${subject.part}`;
  return subject.kind;
};
const groupNamed = (groups: readonly ProgressGroup[], name: string): ProgressGroup => {
  const group = groups.find((candidate) => nameOf(candidate) === name);
  if (!group) throw new Error(`no group ${name}`);
  return group;
};

let plan: PlanSnapshot;
let progress: PlanProgress;

/** The edits, made as a person makes them: one model call per cell. */
function editPlan(doc: Y.Doc): void {
  const snapshot = readPlan(doc);
  const owner = (name: string) => {
    const participant = snapshot.participants.find((candidate) => candidate.name === name);
    if (!participant) throw new Error(`no participant ${name}`);
    return participant.id;
  };
  const activity = (text: string): Activity => {
    const found = snapshot.activities.find((candidate) => candidate.text === text);
    if (!found) throw new Error(`no activity ${text}`);
    return found;
  };
  const set = (text: string, cells: Partial<Record<ActivityField, unknown>>) => {
    for (const [field, value] of Object.entries(cells)) {
      unwrap(setActivityField(doc, alice, activity(text).id, field as ActivityField, value));
    }
  };
  // Övergripande: done (due long ago, so not late), in progress and late with two owners, blocked and due today.
  set('Att arbetet ska prioriteras', {
    status: 'done',
    owners: [owner(REGION)],
    reformParts: [1],
    due: '2026-10-01',
  });
  set('Hur förflyttningen ska ske', {
    status: 'in_progress',
    owners: [owner('Östersund'), owner(REGION)],
    reformParts: [9, 1],
    due: '2026-11-20',
  });
  set('Se över resursfördelningen', { status: 'blocked', due: TODAY });
  // Kompetens: done; awaiting a decision since September; waiting, due the same day as the one above.
  set('Kartlägga och inventera utbildningsinsatser', { status: 'done', owners: [owner('Gemensamt')] });
  set('Lägga en plan för kompetensutveckling', {
    status: 'awaiting_decision',
    owners: [owner('Östersund')],
    reformParts: [4],
    due: '2026-09-30',
  });
  set('Genomföra kompetensutveckling', { status: 'waiting', owners: [owner('Berg')], due: '2026-11-20' });
  // SIP paused with a date ahead; HVB not started and one day late.
  set('Implementera den nya överenskommelsen hos båda huvudmännen.', {
    status: 'paused',
    owners: [owner(REGION)],
    due: '2026-12-01',
  });
  set('Invänta Kommunförbundets arbete', { owners: [owner(ASSOCIATION)], due: '2026-11-22' });
}

beforeAll(() => {
  const doc = seededDoc('jamtland-harjedalen');
  editPlan(doc);
  plan = readPlan(doc);
  progress = readProgress(plan, TODAY);
});

describe('[follow-up-areas] progress per focus area', () => {
  it('lists every focus area once, in plan order, with its counts by status', () => {
    expect(progress.byFocusArea.map(nameOf)).toEqual(plan.focusAreas.map((area) => area.name));
    expect(progress.byFocusArea.map((group) => group.total)).toEqual([3, 5, 4, 3, 5, 7, 3, 3, 2, 5, 1, 1]);
    const overall = groupNamed(progress.byFocusArea, OVERALL);
    expect(overall.counts).toEqual(counts({ done: 1, in_progress: 1, blocked: 1 }));
    expect(overall).toMatchObject({ total: 3, done: 1, shareDone: 1 / 3, percentDone: 33 });
    expect(groupNamed(progress.byFocusArea, SKILLS).counts).toEqual(
      counts({ done: 1, awaiting_decision: 1, waiting: 1 }),
    );
    expect(groupNamed(progress.byFocusArea, 'SIP').counts).toEqual(counts({ paused: 1 }));
    expect(groupNamed(progress.byFocusArea, 'Brukar- och patientmedverkan')).toMatchObject({
      counts: counts({ not_started: 5 }),
      total: 5,
      done: 0,
      shareDone: 0,
      percentDone: 0,
    });
  });

  it('totals the plan: every activity once, 2 of 42 done is 5 %', () => {
    expect(progress.total).toMatchObject({
      counts: counts({
        not_started: 35,
        in_progress: 1,
        awaiting_decision: 1,
        waiting: 1,
        blocked: 1,
        paused: 1,
        done: 2,
      }),
      total: 42,
      done: 2,
      shareDone: 2 / 42,
      percentDone: 5,
    });
    // The focus areas add up to the plan: each activity is in exactly one.
    for (const status of STATUSES) {
      const sum = progress.byFocusArea.reduce((total, group) => total + group.counts[status], 0);
      expect(sum).toBe(progress.total.counts[status]);
    }
  });

  it('counts activities whose focus area is gone (a racing removal) in a group of their own, last', () => {
    const removed = areaNamed(plan, OVERALL);
    const raced = { ...plan, focusAreas: plan.focusAreas.filter((area) => area.id !== removed.id) };
    const groups = readProgress(raced, TODAY).byFocusArea;
    expect(groups).toHaveLength(12);
    expect(groups.at(-1)).toMatchObject({
      key: 'area:unknown',
      subject: { kind: 'unknownFocusArea' },
      total: 3,
    });
    expect(
      readProgress(raced, TODAY).overdue.find((item) => item.text === 'Hur förflyttningen ska ske'),
    ).toMatchObject({ focusAreaName: '' });
  });
});

describe('[follow-up-owners] progress per owner organisation', () => {
  it('lists the participants in their order, then the activities no one owns', () => {
    expect(progress.byOrganisation.map(nameOf)).toEqual([...plan.participants.map((p) => p.name), 'noOwner']);
    expect(progress.byOrganisation.map((group) => group.total)).toEqual([
      3, 1, 0, 0, 0, 0, 0, 0, 2, 1, 1, 35,
    ]);
  });

  it('counts an activity with two owners for each of them', () => {
    const region = groupNamed(progress.byOrganisation, REGION);
    expect(region.counts).toEqual(counts({ done: 1, in_progress: 1, paused: 1 }));
    expect(region).toMatchObject({ total: 3, done: 1, percentDone: 33 });
    const ostersund = groupNamed(progress.byOrganisation, 'Östersund');
    expect(ostersund.counts).toEqual(counts({ in_progress: 1, awaiting_decision: 1 }));
    expect(ostersund).toMatchObject({ total: 2, done: 0, shareDone: 0, percentDone: 0 });
    expect(groupNamed(progress.byOrganisation, 'Gemensamt')).toMatchObject({
      total: 1,
      done: 1,
      percentDone: 100,
    });
    // 42 activities, one of them owned twice.
    expect(progress.byOrganisation.reduce((total, group) => total + group.total, 0)).toBe(43);
  });

  it('puts activities without an owner in the no-owner group, and an owner with none at 0 % (not NaN)', () => {
    const none = groupNamed(progress.byOrganisation, 'noOwner');
    expect(none).toMatchObject({
      key: 'owner:none',
      total: 35,
      counts: counts({ not_started: 34, blocked: 1 }),
    });
    expect(groupNamed(progress.byOrganisation, 'Bräcke')).toMatchObject({
      total: 0,
      counts: counts({}),
      shareDone: 0,
      percentDone: 0,
    });
  });
});

describe('[follow-up-parts] progress per reform part', () => {
  it('lists parts 1–10 even when empty, then the activities with no part', () => {
    expect(progress.byReformPart.map(nameOf)).toEqual([
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((part) => `part ${part}`),
      'noReformPart',
    ]);
    expect(progress.byReformPart.map((group) => group.total)).toEqual([2, 0, 0, 1, 0, 0, 0, 0, 1, 0, 39]);
  });

  it('counts an activity with two parts under each, with its status', () => {
    expect(groupNamed(progress.byReformPart, 'part 1')).toMatchObject({
      counts: counts({ done: 1, in_progress: 1 }),
      done: 1,
      shareDone: 0.5,
      percentDone: 50,
    });
    expect(groupNamed(progress.byReformPart, 'part 9').counts).toEqual(counts({ in_progress: 1 }));
    expect(groupNamed(progress.byReformPart, 'part 4').counts).toEqual(counts({ awaiting_decision: 1 }));
  });
});

describe('[follow-up-overdue] late activities', () => {
  it('lists past due dates on activities not done, oldest first, ties in plan order, with days late', () => {
    expect(progress.overdue.map((item) => [item.text, item.due, item.daysOverdue, item.status])).toEqual([
      ['Lägga en plan för kompetensutveckling', '2026-09-30', 54, 'awaiting_decision'],
      ['Hur förflyttningen ska ske', '2026-11-20', 3, 'in_progress'],
      ['Genomföra kompetensutveckling', '2026-11-20', 3, 'waiting'],
      ['Invänta Kommunförbundets arbete', '2026-11-22', 1, 'not_started'],
    ]);
  });

  it('names the focus area and the owners in the participants’ order', () => {
    expect(progress.overdue[1]).toMatchObject({ focusAreaName: OVERALL, owners: [REGION, 'Östersund'] });
    expect(progress.overdue[3]).toMatchObject({
      focusAreaName: 'Gemensamma HVB-hem i länet',
      owners: [ASSOCIATION],
    });
  });

  it('leaves out done activities and those due today; they become late the day after', () => {
    const texts = progress.overdue.map((item) => item.text);
    expect(texts).not.toContain('Att arbetet ska prioriteras');
    expect(texts).not.toContain('Se över resursfördelningen');
    const tomorrow = readProgress(plan, '2026-11-24').overdue;
    expect(tomorrow.find((item) => item.text === 'Se över resursfördelningen')).toMatchObject({
      daysOverdue: 1,
    });
    expect(tomorrow).toHaveLength(5);
  });

  it('counts calendar days, across summer time and a new year', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('not a date', TODAY)).toBe(0);
  });
});

describe('[follow-up-chart] bar segments and colours', () => {
  it('stacks each group’s non-empty statuses in status order, from 0 to the total', () => {
    const overall = groupNamed(progress.byFocusArea, OVERALL);
    expect(segmentsOf([overall]).map(({ status, x1, x2 }) => [status, x1, x2])).toEqual([
      ['in_progress', 0, 1],
      ['blocked', 1, 2],
      ['done', 2, 3],
    ]);
    expect(segmentsOf(progress.byFocusArea).length).toBe(12 + 2 + 2);
  });

  it('gives every status its own fill, and counts on a fill reach 4.5:1 contrast', () => {
    const fills = STATUSES.map((status) => STATUS_COLOURS[status].fill);
    expect(new Set(fills).size).toBe(STATUSES.length);
    for (const status of STATUSES) {
      const { fill, label } = STATUS_COLOURS[status];
      expect(contrastRatio(fill, label), status).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrastRatio(CHART_INK, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
  });
});
