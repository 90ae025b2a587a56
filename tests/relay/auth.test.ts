// [relay-4401] [relay-4404] Access is decided at the upgrade: no token, a wrong token or an unknown plan gets its close code.
import { afterEach, beforeEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_BAD_TOKEN, CLOSE_NO_SUCH_PLAN } from '../../server/closeCodes.ts';
import { closedWith, startRelay } from '../helpers/startRelay.ts';
import type { TestRelay } from '../helpers/startRelay.ts';

let relay: TestRelay;
beforeEach(async () => {
  relay = await startRelay();
});
afterEach(() => relay.close());

test('[relay-4401] a wrong token is accepted then closed with 4401, before any document data', async () => {
  const plan = await relay.createPlan('blekinge');
  const socket = relay.rawSocket(plan.id, 'not-the-token');
  expect(await socket.closed).toBe(CLOSE_BAD_TOKEN);
  expect(socket.frames).toHaveLength(0);
});

test('[relay-4401] a missing token is closed with 4401', async () => {
  const plan = await relay.createPlan('blekinge');
  const socket = relay.rawSocket(plan.id);
  expect(await socket.closed).toBe(CLOSE_BAD_TOKEN);
  expect(socket.frames).toHaveLength(0);
});

test("[relay-4401] another plan's token does not open this plan", async () => {
  const mine = await relay.createPlan('empty');
  const theirs = await relay.createPlan('empty');
  const socket = relay.rawSocket(mine.id, theirs.editToken);
  expect(await socket.closed).toBe(CLOSE_BAD_TOKEN);
});

test('[relay-4401] the stock provider stops on 4401 and its doc stays empty', async () => {
  const plan = await relay.createPlan('blekinge');
  const doc = new Y.Doc();
  const provider = relay.provider(plan.id, 'wrong', doc);
  expect(await closedWith(provider)).toBe(CLOSE_BAD_TOKEN);
  expect(provider.shouldConnect).toBe(false);
  expect(doc.getMap('meta').size).toBe(0);
});

test('[relay-4404] an unknown plan is closed with 4404, with or without a token', async () => {
  const plan = await relay.createPlan('empty');
  expect(await relay.rawSocket('UnknownPlan123', plan.editToken).closed).toBe(CLOSE_NO_SUCH_PLAN);
  expect(await relay.rawSocket('UnknownPlan123').closed).toBe(CLOSE_NO_SUCH_PLAN);
});

test('[relay-4404] an invalid plan id is closed with 4404', async () => {
  expect(await relay.rawSocket('bad!id', 'x').closed).toBe(CLOSE_NO_SUCH_PLAN);
  expect(await relay.rawSocket('short', 'x').closed).toBe(CLOSE_NO_SUCH_PLAN);
});

test('[relay-upgrade] an upgrade outside /sync/<planId> is refused with HTTP 404', async () => {
  const { WebSocket } = await import('ws');
  const ws = new WebSocket(`${relay.url.replace(/^http/, 'ws')}/elsewhere`);
  const status = await new Promise<number>((resolve) => {
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
  });
  expect(status).toBe(404);
});
