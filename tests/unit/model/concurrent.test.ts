// [concurrent] Replicas that edit apart and then sync converge, and no edit is silently lost.
import { afterEach, describe, expect, it } from 'vitest';
import {
  addActivity,
  deleteActivity,
  moveActivity,
  setActivityField,
} from '../../../src/model/activities.ts';
import { readLog } from '../../../src/model/log.ts';
import { readActivity, readPlan } from '../../../src/model/plan.ts';
import type { ActivityId } from '../../../src/model/schema.ts';
import { first, seededDoc } from '../../helpers/plans.ts';
import { TestNetwork, snapshotsOf } from '../../helpers/syncedDocs.ts';

let network: TestNetwork;
afterEach(() => network.destroy());

function expectConverged(net: TestNetwork): void {
  const [head, ...rest] = snapshotsOf(net);
  for (const other of rest) expect(other).toEqual(head);
}

/** Two or three replicas of the Jämtland Härjedalen plan, all offline from each other. */
function offlineReplicas(count: number) {
  network = new TestNetwork(count, seededDoc());
  for (let i = 0; i < count; i++) network.cut(i);
  const plan = readPlan(network.doc(0));
  return { plan, activity: first(plan.activities) };
}

describe('[concurrent] replicas editing the same plan apart, then syncing', () => {
  it('[concurrent-cells] edits to different cells of one row both survive', () => {
    const { activity } = offlineReplicas(2);
    setActivityField(network.doc(0), network.origin(0), activity.id, 'status', 'in_progress');
    setActivityField(network.doc(1), network.origin(1), activity.id, 'responsible', 'Karin Ek');
    network.healAll();
    expectConverged(network);
    expect(readActivity(network.doc(0), activity.id)).toMatchObject({
      status: 'in_progress',
      responsible: 'Karin Ek',
    });
  });

  it('[concurrent-owners] two people adding different owners both survive', () => {
    const { plan, activity } = offlineReplicas(3);
    const [region, berg, brakke] = plan.participants;
    if (!region || !berg || !brakke) throw new Error('fixture');
    setActivityField(network.doc(0), network.origin(0), activity.id, 'owners', [region.id]);
    setActivityField(network.doc(1), network.origin(1), activity.id, 'owners', [berg.id]);
    setActivityField(network.doc(2), network.origin(2), activity.id, 'reformParts', [2]);
    setActivityField(network.doc(2), network.origin(2), activity.id, 'owners', [brakke.id]);
    network.healAll();
    expectConverged(network);
    expect(readActivity(network.doc(1), activity.id)?.owners).toEqual([region.id, berg.id, brakke.id]);
  });

  it('[concurrent-owner-remove] removing one owner while another is added keeps the added one', () => {
    const { plan, activity } = offlineReplicas(2);
    const [region, berg] = plan.participants;
    if (!region || !berg) throw new Error('fixture');
    network.heal(0);
    network.heal(1);
    setActivityField(network.doc(0), network.origin(0), activity.id, 'owners', [region.id]);
    network.flush();
    network.cut(0);
    network.cut(1);
    setActivityField(network.doc(0), network.origin(0), activity.id, 'owners', []);
    setActivityField(network.doc(1), network.origin(1), activity.id, 'owners', [region.id, berg.id]);
    network.healAll();
    expectConverged(network);
    expect(readActivity(network.doc(0), activity.id)?.owners).toEqual([berg.id]);
  });

  it('[concurrent-move-edit] a move racing an edit keeps both the new place and the new text', () => {
    const { plan, activity } = offlineReplicas(2);
    const target = plan.focusAreas[5];
    if (!target) throw new Error('fixture');
    moveActivity(network.doc(0), network.origin(0), activity.id, { focusAreaId: target.id, step: 3 });
    setActivityField(network.doc(1), network.origin(1), activity.id, 'text', 'Omformulerad');
    network.healAll();
    expectConverged(network);
    expect(readActivity(network.doc(1), activity.id)).toMatchObject({
      focusAreaId: target.id,
      step: 3,
      text: 'Omformulerad',
    });
    expect(readPlan(network.doc(1)).activities).toHaveLength(42);
  });

  it('[concurrent-delete-edit] a delete racing an edit converges on the delete on every replica', () => {
    const { activity } = offlineReplicas(2);
    deleteActivity(network.doc(0), network.origin(0), activity.id);
    setActivityField(network.doc(1), network.origin(1), activity.id, 'text', 'Sent ändrad');
    network.healAll();
    expectConverged(network);
    expect(readActivity(network.doc(0), activity.id)).toBeUndefined();
    // The edit is not silently gone: the log on every replica still holds it.
    expect(readLog(network.doc(0)).some((e) => e.id === activity.id && e.to === 'Sent ändrad')).toBe(true);
  });

  it('[concurrent-insert] two inserts at the same place keep one stable order everywhere', () => {
    const { plan, activity } = offlineReplicas(3);
    const add = (i: number, text: string): ActivityId => {
      const result = addActivity(network.doc(i), network.origin(i), {
        focusAreaId: activity.focusAreaId,
        step: activity.step,
        text,
        after: activity.id,
      });
      if (!result.ok) throw new Error(result.error.detail);
      return result.value;
    };
    const ids = [add(0, 'Från Alice'), add(1, 'Från Bertil'), add(2, 'Från Cecilia')];
    network.healAll();
    expectConverged(network);
    const order = readPlan(network.doc(0)).activities.filter(
      (a) => a.focusAreaId === activity.focusAreaId && a.step === activity.step,
    );
    expect(order[0]?.id).toBe(activity.id);
    // All three generated the same key; the id breaks the tie the same way on every replica.
    expect(order.slice(1, 4).map((a) => a.id)).toEqual([...ids].sort());
    expect(order.slice(1, 4).map((a) => a.order)).toEqual(Array(3).fill(order[1]?.order));
    expect(readPlan(network.doc(0)).activities).toHaveLength(plan.activities.length + 3);
  });

  it('[concurrent-same-cell] the same cell edited on two replicas converges on one value; the log keeps both', () => {
    const { activity } = offlineReplicas(2);
    setActivityField(network.doc(0), network.origin(0), activity.id, 'status', 'done');
    setActivityField(network.doc(1), network.origin(1), activity.id, 'status', 'blocked');
    network.healAll();
    expectConverged(network);
    const statusEntries = readLog(network.doc(0)).filter((e) => e.id === activity.id && e.field === 'status');
    expect(statusEntries.map((e) => [e.from, e.to]).sort()).toEqual([
      ['not_started', 'blocked'],
      ['not_started', 'done'],
    ]);
  });
});
