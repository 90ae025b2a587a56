// "Min organisation": whether every view shows only the activities this person's organisation owns. Per device.
import { createSignal } from 'solid-js';
import type { Accessor } from 'solid-js';
import { nameKey } from '../model/names.ts';
import type { Participant, PlanSnapshot } from '../model/schema.ts';
import { readDeviceJson, writeDeviceJson } from './deviceStorage.ts';

const MINE_KEY = 'samplan.mineOnly';

const [mineOnly, setMineOnlySignal] = createSignal(readDeviceJson(MINE_KEY) === true);

/** True while the "Min organisation" filter is on (on this device, for every plan); reactive. */
export const mineOnlyEnabled: Accessor<boolean> = mineOnly;

/** Turns the filter on or off and remembers it on this device. */
export function setMineOnly(on: boolean): void {
  setMineOnlySignal(on);
  writeDeviceJson(MINE_KEY, on);
}

/** The plan's participant named like `organisation` (case and surrounding space ignored), if any. */
export function participantNamed(
  participants: readonly Participant[],
  organisation: string | undefined,
): Participant | undefined {
  const wanted = nameKey(organisation ?? '');
  if (wanted === '') return undefined;
  return participants.find((participant) => nameKey(participant.name) === wanted);
}

/** The plan with only the activities `owner` owns (the whole plan when `owner` is null). */
export function ownedBy(plan: PlanSnapshot, owner: Participant['id'] | null): PlanSnapshot {
  if (owner === null) return plan;
  return { ...plan, activities: plan.activities.filter((activity) => activity.owners.includes(owner)) };
}
