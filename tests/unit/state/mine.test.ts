// [mine] "Min organisation": the participant named by the user's organisation, and the plan narrowed to it.
import { describe, expect, it } from 'vitest';
import { setActivityField } from '../../../src/model/activities.ts';
import { isOverdue } from '../../../src/model/due.ts';
import { readPlan } from '../../../src/model/plan.ts';
import { ownedBy, participantNamed } from '../../../src/state/mine.ts';
import { alice, seededDoc } from '../../helpers/plans.ts';

describe('[mine] my organisation', () => {
  it('[mine-match] matches the organisation by name, ignoring case and spaces; unknown or empty matches nothing', () => {
    const { participants } = readPlan(seededDoc());
    expect(participantNamed(participants, ' östersund ')?.name).toBe('Östersund');
    expect(participantNamed(participants, 'Region Jämtland Härjedalen')?.kind).toBe('region');
    expect(participantNamed(participants, 'Malmö')).toBeUndefined();
    expect(participantNamed(participants, '')).toBeUndefined();
    expect(participantNamed(participants, undefined)).toBeUndefined();
  });

  it('[mine-owned] keeps the activities the participant owns, alone or with others, in plan order', () => {
    const doc = seededDoc();
    const plan = readPlan(doc);
    const [a, b, c] = plan.activities;
    const ostersund = participantNamed(plan.participants, 'Östersund');
    const region = plan.participants[0];
    if (!a || !b || !c || !ostersund || !region) throw new Error('template');
    setActivityField(doc, alice, c.id, 'owners', [ostersund.id]);
    setActivityField(doc, alice, a.id, 'owners', [region.id, ostersund.id]);
    setActivityField(doc, alice, b.id, 'owners', [region.id]);
    const narrowed = ownedBy(readPlan(doc), ostersund.id);
    expect(narrowed.activities.map((activity) => activity.id)).toEqual([a.id, c.id]);
    expect(narrowed.focusAreas).toEqual(plan.focusAreas);
    expect(ownedBy(plan, null)).toBe(plan);
  });
});

describe('[due] overdue', () => {
  it('[due-overdue] a due date before today on an activity not done; today, done or no date is not overdue', () => {
    const today = '2026-11-23';
    expect(isOverdue({ due: '2026-11-22', status: 'in_progress' }, today)).toBe(true);
    expect(isOverdue({ due: '2025-01-01', status: 'not_started' }, today)).toBe(true);
    expect(isOverdue({ due: '2026-11-23', status: 'in_progress' }, today)).toBe(false);
    expect(isOverdue({ due: '2026-11-22', status: 'done' }, today)).toBe(false);
    expect(isOverdue({ due: '', status: 'blocked' }, today)).toBe(false);
  });
});
