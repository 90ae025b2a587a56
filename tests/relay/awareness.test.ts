// [relay-awareness] Presence is relayed to everyone (viewers included) and removed when a socket closes.
import { afterEach, beforeEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { startRelay } from '../helpers/startRelay.ts';
import type { TestRelay } from '../helpers/startRelay.ts';
import { waitFor } from '../helpers/waitFor.ts';

let relay: TestRelay;
beforeEach(async () => {
  relay = await startRelay();
});
afterEach(() => relay.close());

test("[relay-awareness] an editor's and a viewer's presence reach each other", async () => {
  const plan = await relay.createPlan('empty');
  const editor = await relay.syncedProvider(plan.id, plan.editToken, new Y.Doc());
  const viewer = await relay.syncedProvider(plan.id, plan.viewToken, new Y.Doc());
  editor.awareness.setLocalStateField('user', { name: 'Alice' });
  viewer.awareness.setLocalStateField('user', { name: 'Läsare' });
  await waitFor(() =>
    expect(viewer.awareness.getStates().get(editor.awareness.clientID)).toEqual({ user: { name: 'Alice' } }),
  );
  await waitFor(() =>
    expect(editor.awareness.getStates().get(viewer.awareness.clientID)).toEqual({ user: { name: 'Läsare' } }),
  );
  expect(viewer.wsconnected).toBe(true);
});

test('[relay-awareness] a newcomer receives the presence of those already there', async () => {
  const plan = await relay.createPlan('empty');
  const present = await relay.syncedProvider(plan.id, plan.editToken, new Y.Doc());
  present.awareness.setLocalStateField('user', { name: 'Först' });
  const watcher = await relay.syncedProvider(plan.id, plan.editToken, new Y.Doc());
  await waitFor(() =>
    expect(watcher.awareness.getStates().get(present.awareness.clientID)).toEqual({
      user: { name: 'Först' },
    }),
  );
  const newcomer = await relay.syncedProvider(plan.id, plan.viewToken, new Y.Doc());
  await waitFor(() =>
    expect(newcomer.awareness.getStates().get(present.awareness.clientID)).toEqual({
      user: { name: 'Först' },
    }),
  );
});

test("[relay-awareness] a socket's presence is removed for the others when it closes", async () => {
  const plan = await relay.createPlan('empty');
  const leaving = await relay.syncedProvider(plan.id, plan.editToken, new Y.Doc());
  const staying = await relay.syncedProvider(plan.id, plan.editToken, new Y.Doc());
  leaving.awareness.setLocalStateField('user', { name: 'Går' });
  await waitFor(() => expect(staying.awareness.getStates().has(leaving.awareness.clientID)).toBe(true));
  // Terminate the socket without the client's own goodbye, so only the relay can remove the state.
  const ws = leaving.ws as unknown as { terminate(): void } | null;
  leaving.shouldConnect = false;
  ws?.terminate();
  await waitFor(() => expect(staying.awareness.getStates().has(leaving.awareness.clientID)).toBe(false));
});
