// [api-access] GET /api/plans/<id>/access tells the app whether its token edits or only views.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { startRelay } from '../helpers/startRelay.ts';
import type { TestRelay } from '../helpers/startRelay.ts';

let relay: TestRelay;
beforeEach(async () => {
  relay = await startRelay();
});
afterEach(() => relay.close());

const access = (id: string, token?: string): Promise<Response> =>
  fetch(
    `${relay.url}/api/plans/${id}/access`,
    token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } },
  );

test('[api-access] the edit token has role edit, the view token role view', async () => {
  const plan = await relay.createPlan('empty');
  const edit = await access(plan.id, plan.editToken);
  expect(edit.status).toBe(200);
  expect(await edit.json()).toEqual({ role: 'edit' });
  expect(await (await access(plan.id, plan.viewToken)).json()).toEqual({ role: 'view' });
});

test('[api-access] a missing or wrong token → 401, an unknown plan → 404', async () => {
  const plan = await relay.createPlan('empty');
  expect((await access(plan.id)).status).toBe(401);
  expect((await access(plan.id, 'wrong')).status).toBe(401);
  expect((await access('NoSuchPlan123', plan.editToken)).status).toBe(404);
});
