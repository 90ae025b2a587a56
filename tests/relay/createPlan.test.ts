// [api-create] POST /api/plans validates its body, seeds the plan from the template, and answers 201 with two tokens.
import { afterEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { readPlan } from '../../src/model/plan.ts';
import { startRelay } from '../helpers/startRelay.ts';
import type { TestRelay } from '../helpers/startRelay.ts';

let relay: TestRelay | undefined;
afterEach(async () => {
  await relay?.close();
  relay = undefined;
});

async function post(body: string, headers: Record<string, string> = {}): Promise<Response> {
  if (relay === undefined) throw new Error('no relay');
  return fetch(`${relay.url}/api/plans`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

test('[api-create] a valid body gives 201 with an id and two distinct ≥128-bit tokens, and the plan holds the template', async () => {
  relay = await startRelay();
  const response = await post(JSON.stringify({ title: '  Blekinge 2026  ', template: 'blekinge' }));
  expect(response.status).toBe(201);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { id: string; editToken: string; viewToken: string };
  expect(body.id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  expect(body.editToken).not.toBe(body.viewToken);
  for (const token of [body.editToken, body.viewToken]) {
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
  }
  const doc = new Y.Doc();
  await relay.syncedProvider(body.id, body.viewToken, doc);
  const plan = readPlan(doc);
  expect(plan.meta.title).toBe('Blekinge 2026');
  expect(plan.meta.template).toBe('blekinge');
  expect(plan.activities.length).toBeGreaterThan(0);
});

test('[api-create] an empty template gives an empty plan with its title', async () => {
  relay = await startRelay();
  const response = await post(JSON.stringify({ title: 'Tom plan', template: 'empty' }));
  expect(response.status).toBe(201);
  const { id, editToken } = (await response.json()) as { id: string; editToken: string };
  const doc = new Y.Doc();
  await relay.syncedProvider(id, editToken, doc);
  expect(readPlan(doc).meta.title).toBe('Tom plan');
  expect(readPlan(doc).activities).toHaveLength(0);
});

test.each([
  ['bad JSON', '{"title": "x",', 400, 'bad_json'],
  ['a JSON array', '[]', 400, 'bad_request'],
  ['an unknown template', JSON.stringify({ title: 'x', template: 'skåne' }), 400, 'bad_template'],
  ['a missing template', JSON.stringify({ title: 'x' }), 400, 'bad_template'],
  ['an empty title', JSON.stringify({ title: '', template: 'empty' }), 400, 'bad_title'],
  ['a blank title', JSON.stringify({ title: '   ', template: 'empty' }), 400, 'bad_title'],
  ['a title that is not a string', JSON.stringify({ title: 5, template: 'empty' }), 400, 'bad_title'],
  ['a 201-character title', JSON.stringify({ title: 'x'.repeat(201), template: 'empty' }), 400, 'bad_title'],
  [
    'a body over 16 KiB',
    JSON.stringify({ title: 'x', template: 'empty', pad: 'x'.repeat(17 * 1024) }),
    413,
    'too_large',
  ],
])('[api-create] %s is refused with its status and a Swedish message', async (_name, body, status, code) => {
  relay = await startRelay();
  const response = await post(body);
  expect(response.status).toBe(status);
  const json = (await response.json()) as { error: string; message: string };
  expect(json.error).toBe(code);
  expect(json.message.length).toBeGreaterThan(0);
});

test('[api-create] a 200-character title is accepted', async () => {
  relay = await startRelay();
  const response = await post(JSON.stringify({ title: 'å'.repeat(200), template: 'empty' }));
  expect(response.status).toBe(201);
});

test('[api-create] with an admin token set, creating needs it: none or wrong → 401, right → 201', async () => {
  relay = await startRelay({ adminToken: 'hemligt-admin-token' });
  const body = JSON.stringify({ title: 'Skyddad', template: 'empty' });
  expect((await post(body)).status).toBe(401);
  const wrong = await post(body, { authorization: 'Bearer fel' });
  expect(wrong.status).toBe(401);
  expect(((await wrong.json()) as { error: string }).error).toBe('unauthorized');
  expect((await post(body, { authorization: 'Bearer hemligt-admin-token' })).status).toBe(201);
});

test("[api-create] with an admin token set, near misses, other schemes and a plan's own tokens are refused with 401", async () => {
  relay = await startRelay({ adminToken: 'hemligt-admin-token' });
  const existing = await relay.createPlan('empty');
  const body = JSON.stringify({ title: 'Skyddad', template: 'empty' });
  for (const authorization of [
    'Bearer hemligt-admin-toke',
    'Bearer hemligt-admin-token2',
    'Bearer HEMLIGT-ADMIN-TOKEN',
    'Basic hemligt-admin-token',
    'hemligt-admin-token',
    `Bearer ${existing.editToken}`,
  ]) {
    const refused = await post(body, { authorization });
    expect(refused.status, authorization).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
  }
  // The body is not even read before the token is checked: a bad body with no token is still 401.
  expect((await post('{not json')).status).toBe(401);
});

test('[api-routes] wrong method → 405, unknown API route → 404, both as JSON errors', async () => {
  relay = await startRelay();
  const get = await fetch(`${relay.url}/api/plans`);
  expect(get.status).toBe(405);
  expect(get.headers.get('allow')).toBe('POST');
  expect(((await get.json()) as { error: string }).error).toBe('method_not_allowed');
  const unknown = await fetch(`${relay.url}/api/nothing-here`);
  expect(unknown.status).toBe(404);
  expect(((await unknown.json()) as { error: string }).error).toBe('not_found');
  const postExport = await fetch(`${relay.url}/api/plans/abcdefghij/export.csv`, { method: 'POST' });
  expect(postExport.status).toBe(405);
});
