// [relay-durable] Every update the relay accepted survives a restart of the server on the same data dir.
import { afterEach, beforeEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { addActivity } from '../../src/model/activities.ts';
import { setPlanTitle } from '../../src/model/meta.ts';
import { readPlan } from '../../src/model/plan.ts';
import { alice, first } from '../helpers/plans.ts';
import { startRelay } from '../helpers/startRelay.ts';
import type { TestRelay } from '../helpers/startRelay.ts';
import { waitFor } from '../helpers/waitFor.ts';

let relay: TestRelay;
beforeEach(async () => {
  // A low compaction threshold so the restart also reads a compacted snapshot plus later updates.
  relay = await startRelay({ compactAfter: 10 });
});
afterEach(() => relay.close());

test('[relay-durable] a restart keeps every accepted update (a compacted snapshot plus the updates after it)', async () => {
  const plan = await relay.createPlan('blekinge', 'Före omstart');
  const doc = new Y.Doc();
  const provider = await relay.syncedProvider(plan.id, plan.editToken, doc);
  const area = first(readPlan(doc).focusAreas, 'focus area');
  for (let i = 0; i < 25; i++) {
    const added = addActivity(doc, alice, { focusAreaId: area.id, step: 1, text: `Aktivitet ${i}` });
    expect(added.ok).toBe(true);
  }
  setPlanTitle(doc, alice, 'Efter omstart');
  // The witness sees everything once the relay has stored and applied it.
  const witness = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, witness);
  await waitFor(() => expect(readPlan(witness)).toEqual(readPlan(doc)));
  const expected = readPlan(doc);
  provider.destroy();

  await relay.restart();
  const after = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.viewToken, after);
  expect(readPlan(after)).toEqual(expected);
  expect(readPlan(after).activities.filter((a) => a.text.startsWith('Aktivitet '))).toHaveLength(25);
});

test('[relay-durable] tokens still work after a restart', async () => {
  const plan = await relay.createPlan('empty', 'Tokens');
  await relay.restart();
  const edit = new Y.Doc();
  const view = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, edit);
  await relay.syncedProvider(plan.id, plan.viewToken, view);
  expect(readPlan(view).meta.title).toBe('Tokens');
});
