// [relay-viewer] [relay-4403] A view token reads and stays connected; a viewer's change is refused, relayed to no one, never stored.
import { afterEach, beforeEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_VIEWER_WROTE } from '../../server/closeCodes.ts';
import { setPlanTitle } from '../../src/model/meta.ts';
import { readPlan } from '../../src/model/plan.ts';
import { alice } from '../helpers/plans.ts';
import { closedWith, startRelay } from '../helpers/startRelay.ts';
import type { TestRelay } from '../helpers/startRelay.ts';
import { waitFor } from '../helpers/waitFor.ts';

let relay: TestRelay;
beforeEach(async () => {
  relay = await startRelay();
});
afterEach(() => relay.close());

test("[relay-viewer] a viewer's plain sync reply is accepted: it stays connected and receives the doc and live edits", async () => {
  const plan = await relay.createPlan('blekinge', 'Läsbar');
  const viewerDoc = new Y.Doc();
  const viewer = await relay.syncedProvider(plan.id, plan.viewToken, viewerDoc);
  let closedCode: number | undefined;
  viewer.on('closed', (event: { code: number }) => (closedCode = event.code));
  expect(readPlan(viewerDoc).meta.title).toBe('Läsbar');

  const editorDoc = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, editorDoc);
  setPlanTitle(editorDoc, alice, 'Ändrad av redaktören');
  await waitFor(() => expect(readPlan(viewerDoc).meta.title).toBe('Ändrad av redaktören'));
  expect(viewer.wsconnected).toBe(true);
  expect(closedCode).toBeUndefined();
});

test("[relay-4403] a viewer's update is refused, not relayed, not stored", async () => {
  const plan = await relay.createPlan('blekinge', 'Original');
  const editorDoc = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, editorDoc);
  const viewerDoc = new Y.Doc();
  const viewer = await relay.syncedProvider(plan.id, plan.viewToken, viewerDoc);
  const refused = closedWith(viewer);

  setPlanTitle(viewerDoc, alice, 'Kapad');
  expect(await refused).toBe(CLOSE_VIEWER_WROTE);
  // The relay handles a room's messages in order: the close above is sent where a relay would have happened.
  // A later editor change still flows, so the editor's link is live and the viewer's change simply never came.
  setPlanTitle(editorDoc, alice, 'Original');
  const witness = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, witness);
  expect(readPlan(editorDoc).meta.title).toBe('Original');
  expect(readPlan(witness).meta.title).toBe('Original');

  await relay.restart();
  const afterRestart = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, afterRestart);
  expect(readPlan(afterRestart).meta.title).toBe('Original');
  expect(readPlan(afterRestart)).toEqual(readPlan(witness));
});

test('[relay-4403] a viewer whose first sync reply carries new content is refused at once', async () => {
  const plan = await relay.createPlan('empty', 'Tom');
  const viewerDoc = new Y.Doc();
  viewerDoc.getMap('meta').set('title', 'Lokalt före anslutning');
  const viewer = relay.provider(plan.id, plan.viewToken, viewerDoc);
  expect(await closedWith(viewer)).toBe(CLOSE_VIEWER_WROTE);

  const editorDoc = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, editorDoc);
  expect(readPlan(editorDoc).meta.title).toBe('Tom');
});
