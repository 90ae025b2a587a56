// [relay-4413] A frame over the size limit closes that socket with 4413; the relay keeps serving everyone else.
import { afterEach, beforeEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_TOO_LARGE } from '../../server/closeCodes.ts';
import { setPlanTitle } from '../../src/model/meta.ts';
import { readPlan } from '../../src/model/plan.ts';
import { alice } from '../helpers/plans.ts';
import { closedWith, startRelay } from '../helpers/startRelay.ts';
import type { TestRelay } from '../helpers/startRelay.ts';
import { waitFor } from '../helpers/waitFor.ts';

const LIMIT = 64 * 1024;

let relay: TestRelay;
beforeEach(async () => {
  relay = await startRelay({ maxFrameBytes: LIMIT });
});
afterEach(() => relay.close());

test('[relay-4413] an oversized update closes its socket with 4413 and is neither relayed nor stored', async () => {
  const plan = await relay.createPlan('blekinge', 'Liten');
  const bigDoc = new Y.Doc();
  const big = await relay.syncedProvider(plan.id, plan.editToken, bigDoc);
  const otherDoc = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, otherDoc);
  const thirdDoc = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, thirdDoc);
  const refused = closedWith(big);

  bigDoc.getMap('meta').set('note', 'x'.repeat(LIMIT + 1));
  expect(await refused).toBe(CLOSE_TOO_LARGE);

  // The others still sync with each other through the same relay.
  setPlanTitle(otherDoc, alice, 'Fortfarande igång');
  await waitFor(() => expect(readPlan(thirdDoc).meta.title).toBe('Fortfarande igång'));
  expect(thirdDoc.getMap('meta').has('note')).toBe(false);

  await relay.restart();
  const afterRestart = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, afterRestart);
  expect(afterRestart.getMap('meta').has('note')).toBe(false);
  expect(readPlan(afterRestart).meta.title).toBe('Fortfarande igång');
});

test('[relay-4413] a raw frame just over the limit gets 4413, not ws’s 1009', async () => {
  const plan = await relay.createPlan('empty');
  const socket = relay.rawSocket(plan.id, plan.editToken);
  await socket.opened;
  socket.ws.send(new Uint8Array(LIMIT + 1));
  expect(await socket.closed).toBe(CLOSE_TOO_LARGE);
  const ok = await fetch(`${relay.url}/healthz`);
  expect(ok.status).toBe(200);
});

test('[relay-4413] a frame at the limit is not refused for its size', async () => {
  const plan = await relay.createPlan('empty');
  const doc = new Y.Doc();
  const provider = await relay.syncedProvider(plan.id, plan.editToken, doc);
  doc.getMap('meta').set('note', 'y'.repeat(LIMIT - 200));
  const witness = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, witness);
  await waitFor(() => expect(witness.getMap('meta').get('note')).toHaveLength(LIMIT - 200));
  expect(provider.wsconnected).toBe(true);
});
