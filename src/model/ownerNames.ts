// An activity's owners as people read them: names joined with ", ", in the participants' order.
import type { ParticipantId, PlanSnapshot } from './schema.ts';

/**
 * The owner-names text for activities of `plan`. A snapshot keeps each activity's owners in the participants'
 * order and without removed participants (readPlan), so names are only looked up, never sorted again.
 */
export function ownerNamesText(
  plan: Pick<PlanSnapshot, 'participants'>,
): (owners: readonly ParticipantId[]) => string {
  const names = new Map<string, string>(
    plan.participants.map((participant) => [participant.id, participant.name]),
  );
  return (owners) => owners.flatMap((owner) => names.get(owner) ?? []).join(', ');
}
