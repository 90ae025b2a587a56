// [relay-ack] After storing a client's updates the relay sends that client its state vector (a sync step 1): the ack.
import { afterEach, beforeEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { ACK_DELAY_MS } from '../../server/relay/acks.ts';
import {
  awarenessCount,
  queryAwarenessFrame,
  syncFrame,
  syncStep1s,
  updateFrame,
} from '../helpers/frames.ts';
import { startRelay } from '../helpers/startRelay.ts';
import type { RawSocket, TestRelay } from '../helpers/startRelay.ts';
import { waitFor } from '../helpers/waitFor.ts';

let relay: TestRelay;
beforeEach(async () => {
  relay = await startRelay();
});
afterEach(() => relay.close());

/** An open raw socket that has had the relay's greeting (its first sync step 1). */
async function greeted(planId: string, token: string): Promise<RawSocket> {
  const socket = relay.rawSocket(planId, token);
  await socket.opened;
  await waitFor(() => syncStep1s(socket.frames).length === 1);
  return socket;
}

/** The acks `socket` has received: every sync step 1 after the greeting. */
const acksOf = (socket: RawSocket): Map<number, number>[] => syncStep1s(socket.frames).slice(1);

/** Resolves once the relay has handled everything `socket` sent so far (its room answers in order). */
async function barrier(socket: RawSocket): Promise<void> {
  const before = awarenessCount(socket.frames);
  socket.ws.send(queryAwarenessFrame());
  await waitFor(() => awarenessCount(socket.frames) > before);
}

async function historyLength(planId: string, token: string): Promise<number> {
  const response = await fetch(`${relay.url}/api/plans/${planId}/history?limit=1000`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await response.json()) as { entries: unknown[] }).entries.length;
}

test("[relay-ack] a client's update is acknowledged with a state vector covering its own clock, after it is stored", async () => {
  const plan = await relay.createPlan('empty');
  const socket = await greeted(plan.id, plan.editToken);
  const doc = new Y.Doc();
  doc.getMap('meta').set('county', 'Jämtland');
  socket.ws.send(updateFrame(Y.encodeStateAsUpdate(doc)));

  const [ack] = await waitFor(() => acksOf(socket).length > 0 && acksOf(socket));
  expect(ack?.get(doc.clientID)).toBe(Y.getState(doc.store, doc.clientID));
  // Creation plus the acknowledged update.
  expect(await historyLength(plan.id, plan.viewToken)).toBe(2);
});

test('[relay-ack] a burst of 100 updates earns a handful of acks, the last covering every update', async () => {
  const plan = await relay.createPlan('empty');
  const socket = await greeted(plan.id, plan.editToken);
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array) => socket.ws.send(updateFrame(update)));
  for (let i = 0; i < 100; i++) doc.getMap('meta').set(`k${i % 7}`, `v${i}`);
  const clock = Y.getState(doc.store, doc.clientID);

  await waitFor(() => acksOf(socket).at(-1)?.get(doc.clientID) === clock);
  const acks = acksOf(socket);
  expect(acks.length).toBeGreaterThan(0);
  expect(acks.length).toBeLessThan(100);
  expect(await historyLength(plan.id, plan.editToken)).toBe(101);
});

test('[relay-ack] a stock provider gets acks for its edits and its empty replies draw no more', async () => {
  const plan = await relay.createPlan('empty');
  const doc = new Y.Doc();
  const provider = await relay.syncedProvider(plan.id, plan.editToken, doc);
  const acks: Map<number, number>[] = [];
  const ws = provider.ws as unknown as { on(event: 'message', cb: (data: Buffer) => void): void };
  ws.on('message', (data) => acks.push(...syncStep1s([new Uint8Array(data)])));
  doc.getMap('meta').set('title', 'Kvitterad');
  const clock = Y.getState(doc.store, doc.clientID);
  await waitFor(() => acks.some((ack) => ack.get(doc.clientID) === clock));
  // The provider answered the ack with an empty sync step 2; had that been acked, acks would keep coming.
  const settled = acks.length;
  await new Promise((resolve) => setTimeout(resolve, ACK_DELAY_MS * 4)); // absence cannot be polled
  expect(acks.length).toBe(settled);
});

test('[relay-ack] the empty update (0x00 0x00) is dropped at once: not stored, not relayed, not acked, nobody closed', async () => {
  const plan = await relay.createPlan('empty');
  const editor = await greeted(plan.id, plan.editToken);
  const viewer = await greeted(plan.id, plan.viewToken);
  const empty = new Uint8Array([0, 0]);
  editor.ws.send(syncFrame(1, empty));
  editor.ws.send(updateFrame(empty));
  viewer.ws.send(syncFrame(1, empty));
  viewer.ws.send(updateFrame(empty));
  await barrier(editor);
  await barrier(viewer);
  await new Promise((resolve) => setTimeout(resolve, ACK_DELAY_MS * 3)); // an ack would have been sent by now
  await barrier(editor);

  expect(acksOf(editor)).toHaveLength(0);
  expect(syncStep1s(viewer.frames)).toHaveLength(1);
  expect(viewer.frames.filter((frame) => frame[0] === 0 && frame[1] === 2)).toHaveLength(0);
  expect(editor.ws.readyState).toBe(editor.ws.OPEN);
  expect(viewer.ws.readyState).toBe(viewer.ws.OPEN);
  expect(await historyLength(plan.id, plan.editToken)).toBe(1);

  // The same socket's next real update is acked: the silence above was the fast path, not a dead link.
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', 'Nu');
  editor.ws.send(updateFrame(Y.encodeStateAsUpdate(doc)));
  await waitFor(() => acksOf(editor).length === 1);
});
