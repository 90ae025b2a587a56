// [http-metrics] GET /metrics speaks Prometheus text: connections, plans, updates, bytes, refusals by reason and
// storage latency move with real traffic; no plan id or token ever appears; only loopback or the token may read it.
import os from 'node:os';
import { afterEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_BAD_TOKEN, CLOSE_MALFORMED, CLOSE_VIEWER_WROTE } from '../../server/closeCodes.ts';
import { setPlanTitle } from '../../src/model/meta.ts';
import { readPlan } from '../../src/model/plan.ts';
import { alice } from '../helpers/plans.ts';
import { closedWith, startRelay } from '../helpers/startRelay.ts';
import type { RelayOptions, TestRelay } from '../helpers/startRelay.ts';
import { waitFor } from '../helpers/waitFor.ts';

const relays: TestRelay[] = [];
afterEach(async () => {
  await Promise.all(relays.splice(0).map((relay) => relay.close()));
});

async function start(options: RelayOptions = {}): Promise<TestRelay> {
  const relay = await startRelay(options);
  relays.push(relay);
  return relay;
}

/** One sample of the exposition: `name{a="b",…} value`. */
interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** Parses the text format's sample lines (comments skipped); throws on a line that is neither. */
function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match === null) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
      labels[pair[1] ?? ''] = pair[2] ?? '';
    samples.push({ name: match[1] ?? '', labels, value: Number(match[3]) });
  }
  return samples;
}

async function scrape(
  relay: TestRelay,
  headers: Record<string, string> = {},
): Promise<{ text: string; samples: Sample[] }> {
  const response = await fetch(`${relay.url}/metrics`, { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  return { text, samples: parseExposition(text) };
}

/** The value of the sample `name` whose labels include `labels` (0 when there is none). */
function valueOf(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number {
  const sample = samples.find(
    (s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value),
  );
  return sample?.value ?? 0;
}

test('[http-metrics] counters move with a real editor, its edits and refusals; plan ids and tokens never appear', async () => {
  const relay = await start();
  const plan = await relay.createPlan('blekinge', 'Mätbar');
  const before = (await scrape(relay)).samples;
  expect(valueOf(before, 'samplan_connections_open', { role: 'edit' })).toBe(0);
  expect(valueOf(before, 'samplan_plans_loaded')).toBe(0);
  expect(valueOf(before, 'samplan_updates_accepted_total')).toBe(0);

  const editorDoc = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, editorDoc);
  const viewerDoc = new Y.Doc();
  const viewer = await relay.syncedProvider(plan.id, plan.viewToken, viewerDoc);
  for (let i = 1; i <= 5; i++) setPlanTitle(editorDoc, alice, `Titel ${i}`);
  await waitFor(() => expect(readPlan(viewerDoc).meta.title).toBe('Titel 5'));

  const live = (await scrape(relay)).samples;
  expect(valueOf(live, 'samplan_connections_open', { role: 'edit' })).toBe(1);
  expect(valueOf(live, 'samplan_connections_open', { role: 'view' })).toBe(1);
  expect(valueOf(live, 'samplan_plans_loaded')).toBe(1);
  // A relayed update was stored first, so all five are counted by the time the viewer has the last.
  expect(valueOf(live, 'samplan_updates_accepted_total')).toBeGreaterThanOrEqual(5);
  expect(valueOf(live, 'samplan_stored_bytes_total')).toBeGreaterThan(0);
  expect(valueOf(live, 'samplan_received_bytes_total')).toBeGreaterThan(
    valueOf(live, 'samplan_stored_bytes_total'),
  );
  expect(valueOf(live, 'samplan_messages_received_total', { kind: 'update' })).toBeGreaterThanOrEqual(5);
  expect(
    valueOf(live, 'samplan_storage_seconds_count', { method: 'appendUpdate', outcome: 'ok' }),
  ).toBeGreaterThanOrEqual(5);
  expect(valueOf(live, 'samplan_storage_seconds_count', { method: 'loadUpdates', outcome: 'ok' })).toBe(1);
  expect(valueOf(live, 'samplan_storage_seconds_count', { method: 'roleForToken', outcome: 'ok' })).toBe(2);

  // Three refusals: a wrong token at the upgrade, a text frame, and a viewer's write.
  const wrong = relay.rawSocket(plan.id, 'not-the-token');
  expect(await wrong.closed).toBe(CLOSE_BAD_TOKEN);
  const texting = relay.rawSocket(plan.id, plan.editToken);
  await texting.opened;
  texting.ws.send('hej');
  expect(await texting.closed).toBe(CLOSE_MALFORMED);
  const refused = closedWith(viewer);
  setPlanTitle(viewerDoc, alice, 'Kapad');
  expect(await refused).toBe(CLOSE_VIEWER_WROTE);

  const { text, samples } = await scrape(relay);
  expect(valueOf(samples, 'samplan_refused_total', { reason: 'bad_token' })).toBe(1);
  expect(valueOf(samples, 'samplan_refused_total', { reason: 'malformed' })).toBe(1);
  expect(valueOf(samples, 'samplan_refused_total', { reason: 'viewer_wrote' })).toBe(1);
  expect(valueOf(samples, 'samplan_http_responses_total', { status: '201' })).toBe(1);
  expect(valueOf(samples, 'samplan_process_memory_bytes', { kind: 'rss' })).toBeGreaterThan(0);
  for (const secret of [plan.id, plan.editToken, plan.viewToken, 'not-the-token'])
    expect(text).not.toContain(secret);
});

test('[http-metrics] the gauges fall when sockets close, and two servers in one process keep separate counts', async () => {
  const first = await start();
  const second = await start();
  const plan = await first.createPlan('empty', 'Först');
  const doc = new Y.Doc();
  const provider = await first.syncedProvider(plan.id, plan.editToken, doc);
  setPlanTitle(doc, alice, 'Ändrad');
  await waitFor(async () =>
    expect(valueOf((await scrape(first)).samples, 'samplan_updates_accepted_total')).toBeGreaterThanOrEqual(
      1,
    ),
  );
  const other = (await scrape(second)).samples;
  expect(valueOf(other, 'samplan_updates_accepted_total')).toBe(0);
  expect(valueOf(other, 'samplan_connections_open', { role: 'edit' })).toBe(0);

  provider.destroy();
  await waitFor(async () => {
    const samples = (await scrape(first)).samples;
    expect(valueOf(samples, 'samplan_connections_open', { role: 'edit' })).toBe(0);
    expect(valueOf(samples, 'samplan_plans_loaded')).toBe(0);
  });
});

test('[http-metrics] without SAMPLAN_METRICS_TOKEN only a direct loopback peer may read; a proxied request may not', async () => {
  const relay = await start();
  expect((await fetch(`${relay.url}/metrics`)).status).toBe(200);
  const proxied: Record<string, string>[] = [
    { 'x-forwarded-for': '203.0.113.9' },
    { forwarded: 'for=203.0.113.9' },
  ];
  for (const headers of proxied) {
    const response = await fetch(`${relay.url}/metrics`, { headers });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'unauthorized' });
  }
  expect((await fetch(`${relay.url}/metrics`, { method: 'POST' })).status).toBe(405);
  const { samples } = await scrape(relay);
  expect(valueOf(samples, 'samplan_refused_total', { reason: 'metrics_unauthorized' })).toBe(2);
});

test('[http-metrics] with SAMPLAN_METRICS_TOKEN set, the bearer token is needed (from loopback too)', async () => {
  const relay = await start({ metricsToken: 'scrape-secret-123' });
  expect((await fetch(`${relay.url}/metrics`)).status).toBe(401);
  const wrong = await fetch(`${relay.url}/metrics`, {
    headers: { authorization: 'Bearer scrape-secret-124' },
  });
  expect(wrong.status).toBe(401);
  const { text } = await scrape(relay, { authorization: 'Bearer scrape-secret-123' });
  expect(text).toContain('samplan_refused_total{reason="metrics_unauthorized"} 2');
  expect(text).not.toContain('scrape-secret');
});

const externalAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((info) => info !== undefined && info.family === 'IPv4' && !info.internal)?.address;

test.skipIf(externalAddress === undefined)(
  '[http-metrics] a peer that is not loopback is refused when no token is set',
  async () => {
    const relay = await start({ host: '0.0.0.0' });
    const port = new URL(relay.url).port;
    const response = await fetch(`http://${externalAddress}:${port}/metrics`);
    expect(response.status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(200);
  },
);
