// [relay-keepalive] The relay pings every socket; one that stops answering is dropped, one that answers stays.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { startRelay } from '../helpers/startRelay.ts';
import type { TestRelay } from '../helpers/startRelay.ts';
import { waitFor } from '../helpers/waitFor.ts';

const PING_MS = 200;

let relay: TestRelay;
const sockets: WebSocket[] = [];
beforeEach(async () => {
  relay = await startRelay({ pingIntervalMs: PING_MS });
});
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await relay.close();
});

function open(
  planId: string,
  token: string,
  autoPong: boolean,
): { ws: WebSocket; closed: () => boolean; pings: () => number } {
  const ws = new WebSocket(`${relay.url.replace(/^http/, 'ws')}/sync/${planId}?token=${token}`, { autoPong });
  sockets.push(ws);
  let closed = false;
  let pings = 0;
  ws.on('close', () => (closed = true));
  ws.on('ping', () => pings++);
  ws.on('error', () => {});
  return { ws, closed: () => closed, pings: () => pings };
}

test('[relay-keepalive] a socket that does not answer pings is dropped; one that answers stays open', async () => {
  const plan = await relay.createPlan('empty');
  const silent = open(plan.id, plan.editToken, false);
  const lively = open(plan.id, plan.editToken, true);
  await waitFor(() => silent.closed(), { timeout: 20 * PING_MS });
  // Several ping rounds later, the socket that answers is still open.
  const seen = lively.pings();
  await waitFor(() => lively.pings() >= seen + 3, { timeout: 20 * PING_MS });
  expect(lively.closed()).toBe(false);
  expect(lively.ws.readyState).toBe(WebSocket.OPEN);
});
