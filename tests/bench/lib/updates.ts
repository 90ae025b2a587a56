// Real Yjs updates for the storage benchmark: cell edits on a seeded plan, captured as the relay receives them.
import type * as Y from 'yjs';
import { setActivityField } from '../../../src/model/activities.ts';
import { onDocUpdate } from '../../../src/model/docs.ts';
import { readPlan } from '../../../src/model/plan.ts';
import { STATUSES } from '../../../src/model/schema.ts';
import { alice, bertil, unwrap } from '../../helpers/plans.ts';

/** `count` small updates, each one cell edit (text, note, status) on `doc`, alternating between two people. */
export function captureEdits(doc: Y.Doc, count: number, seed = 0): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const stop = onDocUpdate(doc, (update) => updates.push(update));
  const activities = readPlan(doc).activities;
  // A status write that happens to equal the current value makes no update; keep going until there are `count`.
  for (let i = 0; updates.length < count; i++) {
    const activity = activities[(i * 7 + seed) % activities.length];
    if (activity === undefined) throw new Error('the plan has no activities');
    const origin = i % 2 === 0 ? alice : bertil;
    const n = seed * 1_000_003 + i;
    const kind = i % 3;
    if (kind === 0) unwrap(setActivityField(doc, origin, activity.id, 'note', `Anteckning ${n}`));
    else if (kind === 1)
      unwrap(setActivityField(doc, origin, activity.id, 'text', `${activity.text} (${n})`));
    else {
      unwrap(setActivityField(doc, origin, activity.id, 'status', STATUSES[n % STATUSES.length]));
    }
  }
  stop();
  return updates;
}
