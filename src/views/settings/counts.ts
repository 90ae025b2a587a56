// How many activities each participant owns and each focus area holds: what a removal would touch.
import type { FocusAreaId, ParticipantId, PlanSnapshot } from '../../model/schema.ts';

/** Activity counts of one plan; ids with no activities are absent (read them with `countOf`). */
export interface ActivityCounts {
  readonly byOwner: ReadonlyMap<ParticipantId, number>;
  readonly byFocusArea: ReadonlyMap<FocusAreaId, number>;
}

/** Counts each activity once per owner (an activity with two owners counts for both) and once for its focus area. */
export function countActivities(plan: Pick<PlanSnapshot, 'activities'>): ActivityCounts {
  const byOwner = new Map<ParticipantId, number>();
  const byFocusArea = new Map<FocusAreaId, number>();
  for (const activity of plan.activities) {
    byFocusArea.set(activity.focusAreaId, (byFocusArea.get(activity.focusAreaId) ?? 0) + 1);
    for (const owner of new Set(activity.owners)) byOwner.set(owner, (byOwner.get(owner) ?? 0) + 1);
  }
  return { byOwner, byFocusArea };
}

/** The count for `id`, 0 when it has none. */
export const countOf = <K>(counts: ReadonlyMap<K, number>, id: K): number => counts.get(id) ?? 0;
