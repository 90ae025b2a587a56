// [settings-counts] [settings-links] The settings view's pure helpers: activity counts and which links a device can show.
import { describe, expect, it } from 'vitest';
import { setActivityField } from '../../../src/model/activities.ts';
import { readPlan } from '../../../src/model/plan.ts';
import { countActivities, countOf } from '../../../src/views/settings/counts.ts';
import { shareTokens } from '../../../src/views/settings/shareLinks.ts';
import { alice, first, seededDoc, unwrap } from '../../helpers/plans.ts';

describe('[settings-counts] activities per owner and per focus area', () => {
  it('counts an activity for each of its owners and once for its focus area', () => {
    const doc = seededDoc();
    const plan = readPlan(doc);
    const [p1, p2, idle] = plan.participants;
    const [a1, a2] = plan.activities;
    if (!p1 || !p2 || !idle || !a1 || !a2) throw new Error('fixture');
    for (const activity of plan.activities) unwrap(setActivityField(doc, alice, activity.id, 'owners', []));
    unwrap(setActivityField(doc, alice, a1.id, 'owners', [p1.id]));
    unwrap(setActivityField(doc, alice, a2.id, 'owners', [p1.id, p2.id]));

    const counts = countActivities(readPlan(doc));
    expect(countOf(counts.byOwner, p1.id)).toBe(2);
    expect(countOf(counts.byOwner, p2.id)).toBe(1);
    expect(countOf(counts.byOwner, idle.id)).toBe(0);
    const area = first(plan.focusAreas);
    expect(countOf(counts.byFocusArea, area.id)).toBe(
      plan.activities.filter((activity) => activity.focusAreaId === area.id).length,
    );
    const total = [...counts.byFocusArea.values()].reduce((sum, n) => sum + n, 0);
    expect(total).toBe(plan.activities.length);
  });
});

describe('[settings-links] which links this device can show', () => {
  it('an edit link holder shows its own token as the edit link, and the read token only when stored here', () => {
    expect(shareTokens('edit', 'E', 'V')).toEqual({ edit: 'E', view: 'V' });
    expect(shareTokens('edit', 'E', null)).toEqual({ edit: 'E', view: null });
  });

  it('a view link holder shows only its own token, as the read link', () => {
    expect(shareTokens('view', 'V', null)).toEqual({ edit: null, view: 'V' });
  });

  it('while the role is unknown the own token is shown as neither link', () => {
    expect(shareTokens(null, 'T', null)).toEqual({ edit: null, view: null });
    expect(shareTokens(null, 'T', 'V')).toEqual({ edit: null, view: 'V' });
  });
});
