// [api-export] GET /api/plans/<id>/export.csv needs a plan token and returns exactly the app's CSV bytes.
import { afterEach, beforeEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { exportCsv } from '../../src/csv/exportCsv.ts';
import { setActivityField } from '../../src/model/activities.ts';
import { readPlan } from '../../src/model/plan.ts';
import { alice, first } from '../helpers/plans.ts';
import { startRelay } from '../helpers/startRelay.ts';
import type { TestRelay } from '../helpers/startRelay.ts';
import { waitFor } from '../helpers/waitFor.ts';

let relay: TestRelay;
beforeEach(async () => {
  relay = await startRelay();
});
afterEach(() => relay.close());

const exportUrl = (id: string, query = ''): string => `${relay.url}/api/plans/${id}/export.csv${query}`;
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

test('[api-export] the export is text/csv with a BOM and the same bytes as exportCsv on a synced client doc', async () => {
  const plan = await relay.createPlan('jamtland-harjedalen', 'Åtgärder för Jämtland; "test"');
  const doc = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, doc);
  const activity = first(readPlan(doc).activities, 'activity');
  setActivityField(doc, alice, activity.id, 'note', 'Beslut: "ja"; se protokoll\nrad två');
  setActivityField(doc, alice, activity.id, 'status', 'awaiting_decision');
  const expected = Buffer.from(exportCsv(readPlan(doc)), 'utf8');

  // The relay has the edits once a fresh client sees them (it applies only what it stored).
  const witness = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.viewToken, witness);
  await waitFor(() => expect(readPlan(witness)).toEqual(readPlan(doc)));

  for (const token of [plan.editToken, plan.viewToken]) {
    const response = await fetch(exportUrl(plan.id), bearer(token));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.equals(expected)).toBe(true);
  }
});

test('[api-export] ?sep=comma uses commas; the attachment name carries Swedish characters as RFC 5987 filename*', async () => {
  const plan = await relay.createPlan('blekinge', 'Åre – Östersund');
  const doc = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.viewToken, doc);
  const response = await fetch(exportUrl(plan.id, '?sep=comma'), bearer(plan.viewToken));
  expect(response.status).toBe(200);
  expect(
    Buffer.from(await response.arrayBuffer()).equals(
      Buffer.from(exportCsv(readPlan(doc), { separator: ',' }), 'utf8'),
    ),
  ).toBe(true);
  const disposition = response.headers.get('content-disposition') ?? '';
  expect(disposition).toMatch(/^attachment; filename="aktivitetsplan-[\x20-\x7e]+\.csv"; filename\*=UTF-8''/);
  const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '';
  expect(decodeURIComponent(encoded)).toMatch(/^aktivitetsplan-Åre-–-Östersund-\d{4}-\d{2}-\d{2}\.csv$/);
});

test('[api-export] a plan not in memory is exported from storage, including edits made before it unloaded', async () => {
  const plan = await relay.createPlan('blekinge', 'Lagrad');
  const doc = new Y.Doc();
  const provider = await relay.syncedProvider(plan.id, plan.editToken, doc);
  const activity = first(readPlan(doc).activities, 'activity');
  setActivityField(doc, alice, activity.id, 'responsible', 'Karin Lund');
  const witness = new Y.Doc();
  const other = await relay.syncedProvider(plan.id, plan.editToken, witness);
  await waitFor(() => expect(readPlan(witness)).toEqual(readPlan(doc)));
  provider.destroy();
  other.destroy();
  await relay.restart();
  const response = await fetch(exportUrl(plan.id), bearer(plan.editToken));
  expect(
    Buffer.from(await response.arrayBuffer()).equals(Buffer.from(exportCsv(readPlan(doc)), 'utf8')),
  ).toBe(true);
});

test('[api-export] no token or a wrong token → 401; an unknown or invalid plan → 404', async () => {
  const plan = await relay.createPlan('empty');
  const none = await fetch(exportUrl(plan.id));
  expect(none.status).toBe(401);
  expect(((await none.json()) as { error: string }).error).toBe('unauthorized');
  expect((await fetch(exportUrl(plan.id), bearer('wrong'))).status).toBe(401);
  expect((await fetch(exportUrl(plan.id), { headers: { authorization: plan.editToken } })).status).toBe(401);
  expect((await fetch(exportUrl('NoSuchPlan123'), bearer(plan.editToken))).status).toBe(404);
  expect((await fetch(exportUrl('..%2F..%2Fetc'), bearer(plan.editToken))).status).toBe(404);
});
