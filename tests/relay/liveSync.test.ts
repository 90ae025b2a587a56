// [relay-sync] Two stock providers on one plan see each other's edits live, through the relay.
import { afterEach, beforeEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { readPlan } from '../../src/model/plan.ts';
import { startRelay } from '../helpers/startRelay.ts';
import type { TestRelay } from '../helpers/startRelay.ts';
import { waitFor } from '../helpers/waitFor.ts';

let relay: TestRelay;
beforeEach(async () => {
  relay = await startRelay();
});
afterEach(() => relay.close());

test('[relay-sync] an edit in one provider reaches the other, both ways', async () => {
  const plan = await relay.createPlan('blekinge', 'Blekinge 2026');
  const a = new Y.Doc();
  const b = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, a);
  await relay.syncedProvider(plan.id, plan.editToken, b);
  expect(readPlan(a).meta.title).toBe('Blekinge 2026');
  expect(readPlan(b).activities.length).toBe(readPlan(a).activities.length);

  a.getMap('meta').set('title', 'Från A');
  await waitFor(() => expect(readPlan(b).meta.title).toBe('Från A'));
  b.getMap('meta').set('county', 'Från B');
  await waitFor(() => expect(readPlan(a).meta.county).toBe('Från B'));
  expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
});

test('[relay-sync] concurrent edits to different fields from two providers both survive', async () => {
  const plan = await relay.createPlan('empty');
  const a = new Y.Doc();
  const b = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, a);
  await relay.syncedProvider(plan.id, plan.editToken, b);
  for (let i = 0; i < 20; i++) {
    a.getMap('meta').set('title', `a${i}`);
    b.getMap('meta').set('county', `b${i}`);
  }
  await waitFor(() => {
    expect(readPlan(a).meta.county).toBe('b19');
    expect(readPlan(b).meta.title).toBe('a19');
  });
});
