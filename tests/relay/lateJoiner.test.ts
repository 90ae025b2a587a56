// [relay-late-join] A provider that joins after others have edited receives the whole plan.
import { afterEach, beforeEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { setActivityField } from '../../src/model/activities.ts';
import { setPlanTitle } from '../../src/model/meta.ts';
import { readPlan } from '../../src/model/plan.ts';
import { alice, first } from '../helpers/plans.ts';
import { startRelay } from '../helpers/startRelay.ts';
import type { TestRelay } from '../helpers/startRelay.ts';
import { waitFor } from '../helpers/waitFor.ts';

let relay: TestRelay;
beforeEach(async () => {
  relay = await startRelay();
});
afterEach(() => relay.close());

test('[relay-late-join] a late joiner gets the template and every later edit', async () => {
  const plan = await relay.createPlan('jamtland-harjedalen', 'Jämtland Härjedalen');
  const early = new Y.Doc();
  const witness = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, early);
  await relay.syncedProvider(plan.id, plan.editToken, witness);
  const activity = first(readPlan(early).activities, 'activity');
  setPlanTitle(early, alice, 'Ny titel');
  setActivityField(early, alice, activity.id, 'status', 'in_progress');
  setActivityField(early, alice, activity.id, 'note', 'Beslut i styrgruppen');
  await waitFor(() => expect(readPlan(witness)).toEqual(readPlan(early)));

  const late = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.viewToken, late);
  await waitFor(() => expect(readPlan(late)).toEqual(readPlan(early)));
  expect(readPlan(late).activities.length).toBeGreaterThan(0);
});

test('[relay-late-join] a joiner after everyone left (plan unloaded) gets the stored state', async () => {
  const plan = await relay.createPlan('blekinge', 'Blekinge');
  const first = new Y.Doc();
  const provider = await relay.syncedProvider(plan.id, plan.editToken, first);
  setPlanTitle(first, alice, 'Sparad titel');
  // A second editor seeing the edit proves the relay stored it (it stores before it relays).
  const second = new Y.Doc();
  const other = await relay.syncedProvider(plan.id, plan.editToken, second);
  await waitFor(() => expect(readPlan(second).meta.title).toBe('Sparad titel'));
  provider.destroy();
  other.destroy();

  const late = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, late);
  expect(readPlan(late)).toEqual(readPlan(first));
});
