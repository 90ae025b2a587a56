// [relay-no-token-logs] No token reaches the log: not on joins, refusals, API calls or link replacement, not in a URL.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { CLOSE_BAD_TOKEN, CLOSE_VIEWER_WROTE } from '../../server/closeCodes.ts';
import { createLogger } from '../../server/log.ts';
import { setPlanTitle } from '../../src/model/meta.ts';
import { alice } from '../helpers/plans.ts';
import { closedWith, startRelay } from '../helpers/startRelay.ts';
import type { TestRelay } from '../helpers/startRelay.ts';
import { waitFor } from '../helpers/waitFor.ts';

const ADMIN_TOKEN = 'admin-Qx7pL2vN9sK4mT8wR3yB';
const WRONG_TOKEN = 'wrong-Hj5kD8fG2lZ6cV1bN0mA';
const output: string[] = [];
let relay: TestRelay;

beforeAll(async () => {
  relay = await startRelay({
    adminToken: ADMIN_TOKEN,
    log: createLogger((line) => output.push(line)),
  });
});
afterAll(() => relay.close());

const get = (path: string, token?: string): Promise<Response> =>
  fetch(`${relay.url}${path}`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });

const post = (path: string, token?: string): Promise<Response> =>
  fetch(`${relay.url}${path}`, {
    method: 'POST',
    ...(token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } }),
  });

test('[relay-no-token-logs] a session of joins, refusals, API calls and link replacements logs no token, nor any token= query', async () => {
  const plan = await relay.createPlan('blekinge', 'Loggas inte');
  const secrets = [ADMIN_TOKEN, WRONG_TOKEN, plan.editToken, plan.viewToken];

  // Joins with each token (the token rides in the query), and an edit that is stored and relayed.
  const editorDoc = new Y.Doc();
  const editor = await relay.syncedProvider(plan.id, plan.editToken, editorDoc);
  const viewerDoc = new Y.Doc();
  const viewer = await relay.syncedProvider(plan.id, plan.viewToken, viewerDoc);
  setPlanTitle(editorDoc, alice, 'Ändrad');
  await waitFor(() => expect(viewerDoc.getMap('meta').get('title')).toBe('Ändrad'));

  // Refusals: a wrong token, a missing one, an unknown plan, a viewer that writes, a foreign origin.
  expect(await relay.rawSocket(plan.id, WRONG_TOKEN).closed).toBe(CLOSE_BAD_TOKEN);
  expect(await relay.rawSocket(plan.id).closed).toBe(CLOSE_BAD_TOKEN);
  await relay.rawSocket('NoSuchPlan123', plan.editToken).closed;
  const viewerRefused = closedWith(viewer);
  setPlanTitle(viewerDoc, alice, 'Kapad');
  expect(await viewerRefused).toBe(CLOSE_VIEWER_WROTE);
  const foreign = new WebSocket(
    `${relay.url.replace(/^http/, 'ws')}/sync/${plan.id}?token=${plan.editToken}`,
    {
      origin: 'https://evil.example',
    },
  );
  foreign.on('error', () => {});
  expect(
    await new Promise<number>((resolve) =>
      foreign.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    ),
  ).toBe(403);
  foreign.terminate();

  // API calls with the token as a bearer, and with it (wrongly) in a query, where a careless log would show it.
  expect((await get(`/api/plans/${plan.id}/access`, plan.editToken)).status).toBe(200);
  expect((await get(`/api/plans/${plan.id}/export.csv`, plan.viewToken)).status).toBe(200);
  expect((await get(`/api/plans/${plan.id}/history`, plan.editToken)).status).toBe(200);
  expect((await get(`/api/plans/${plan.id}/access?token=${plan.editToken}`)).status).toBe(401);
  expect((await get(`/api/plans/${plan.id}/access`, WRONG_TOKEN)).status).toBe(401);
  expect((await get(`/sync/${plan.id}?token=${plan.viewToken}`)).status).toBe(426);
  expect((await get(`/nothing?token=${plan.editToken}`)).status).toBe(404);
  expect((await post('/api/plans', WRONG_TOKEN)).status).toBe(401);

  // Link replacement: refused for the view token, done for both links with the edit token.
  expect((await post(`/api/plans/${plan.id}/links/edit`, plan.viewToken)).status).toBe(403);
  const editorClosed = closedWith(editor);
  const edit = await post(`/api/plans/${plan.id}/links/edit`, plan.editToken);
  expect(edit.status).toBe(201);
  const newEdit = ((await edit.json()) as { token: string }).token;
  expect(await editorClosed).toBe(CLOSE_BAD_TOKEN);
  const view = await post(`/api/plans/${plan.id}/links/view`, newEdit);
  expect(view.status).toBe(201);
  const newView = ((await view.json()) as { token: string }).token;
  secrets.push(newEdit, newView);
  // The old tokens are refused now, on both paths; the new ones join.
  expect(await relay.rawSocket(plan.id, plan.editToken).closed).toBe(CLOSE_BAD_TOKEN);
  expect((await get(`/api/plans/${plan.id}/access`, plan.viewToken)).status).toBe(401);
  await relay.syncedProvider(plan.id, newEdit);
  await relay.syncedProvider(plan.id, newView);

  await relay.restart();
  const log = output.join('');
  // Vacuity guard: the log did record every kind of event above.
  for (const msg of [
    'plan created',
    'socket joined',
    'socket refused',
    'viewer tried to write',
    'upgrade refused',
  ]) {
    expect(log, msg).toContain(`"msg":"${msg}"`);
  }
  expect(log).toContain('"msg":"link replaced"');
  expect(log).toContain('"status":403');
  expect(log).toContain(`"plan":"${plan.id}"`);

  for (const secret of secrets) expect(log.includes(secret), `a token is in the log`).toBe(false);
  expect(log).not.toMatch(/token=/i);
  expect(log).not.toMatch(/bearer/i);
  // Every line is one JSON object: nothing was written around the logger.
  for (const line of output.join('').trimEnd().split('\n'))
    expect(() => JSON.parse(line) as unknown).not.toThrow();
});
