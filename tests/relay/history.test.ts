// [relay-history] The relay keeps every accepted update with its time and author; the API lists them and rebuilds the past.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { DB_FILE_NAME } from '../../server/storage/sqlite.ts';
import type { Author, HistoryEntry } from '../../server/storage/types.ts';
import { setActivityField } from '../../src/model/activities.ts';
import { setPlanTitle } from '../../src/model/meta.ts';
import { readActivity, readPlan } from '../../src/model/plan.ts';
import type { ActivityId } from '../../src/model/schema.ts';
import { awarenessCount, awarenessFrame, queryAwarenessFrame, updateFrame } from '../helpers/frames.ts';
import { alice, first } from '../helpers/plans.ts';
import { startRelay } from '../helpers/startRelay.ts';
import type { CreatedPlan, TestRelay } from '../helpers/startRelay.ts';
import { waitFor } from '../helpers/waitFor.ts';

let relay: TestRelay;
beforeEach(async () => {
  relay = await startRelay({ compactAfter: 5 });
});
afterEach(() => relay.close());

const ALICE: Author = { name: 'Alice Andersson', organisation: 'Region Jämtland Härjedalen' };

const get = (planId: string, route: string, token?: string): Promise<Response> =>
  fetch(`${relay.url}/api/plans/${planId}/${route}`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });

async function history(plan: CreatedPlan, query = ''): Promise<HistoryEntry[]> {
  const response = await get(plan.id, `history${query}`, plan.viewToken);
  expect(response.status).toBe(200);
  return ((await response.json()) as { entries: HistoryEntry[] }).entries;
}

/** The plan rebuilt from GET /history/state?at=… */
async function stateAt(plan: CreatedPlan, at: string): Promise<Y.Doc> {
  const response = await get(plan.id, `history/state?at=${encodeURIComponent(at)}`, plan.editToken);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/octet-stream');
  expect(response.headers.get('cache-control')).toBe('no-store');
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(await response.arrayBuffer()));
  return doc;
}

/** Waits until the clock has moved past `instant`, so the next update is stamped strictly later. */
const clockPast = (instant: string): Promise<boolean> =>
  waitFor(() => new Date().toISOString() > instant, { interval: 1 });

/** A provider on a fresh doc that announced `user` in its presence before connecting. */
async function announcedProvider(plan: CreatedPlan, user: unknown): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const provider = relay.provider(plan.id, plan.editToken, doc);
  provider.awareness.setLocalStateField('user', user);
  await waitFor(() => provider.synced);
  return doc;
}

test('[relay-history] each update is stored with the author its connection announced in awareness `user`', async () => {
  const plan = await relay.createPlan('jamtland-harjedalen', 'Historik');
  const doc = await announcedProvider(plan, {
    name: '  Alice Andersson ',
    organisation: ALICE.organisation,
    color: '#f00',
  });
  const activity = first(readPlan(doc).activities, 'activity');
  setActivityField(doc, alice, activity.id, 'note', 'Första');
  const silent = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, silent);
  await waitFor(() => expect(readActivity(silent, activity.id)?.note).toBe('Första'));
  setPlanTitle(silent, alice, 'Utan närvaro');

  const entries = await waitFor(async () => {
    const listed = await history(plan);
    return listed.length === 3 && listed;
  });
  // Newest first: the silent editor's title, Alice's note, the creation. The silent provider echoed Alice's
  // presence back to the relay (the stock client repeats every presence it hears); that did not make it Alice.
  expect(entries.map((entry) => entry.author)).toEqual([null, ALICE, null]);
  expect(entries.every((entry) => entry.bytes > 0 && /^\d{4}-\d{2}-\d{2}T.*Z$/.test(entry.at))).toBe(true);
  expect(entries[0]!.seq).toBeGreaterThan(entries[1]!.seq);
});

test('[relay-history] edits made offline are stored with their author when the editor reconnects to a busy plan', async () => {
  const plan = await relay.createPlan('empty', 'Tåget');
  const keeper = await relay.syncedProvider(plan.id, plan.editToken, new Y.Doc());
  const doc = new Y.Doc();
  const traveller = relay.provider(plan.id, plan.editToken, doc);
  traveller.awareness.setLocalStateField('user', ALICE);
  await waitFor(() => traveller.synced);
  await waitFor(() => keeper.awareness.getStates().has(doc.clientID));

  traveller.disconnect();
  await waitFor(() => !keeper.awareness.getStates().has(doc.clientID));
  setPlanTitle(doc, alice, 'Skrivet utan täckning');
  // Back online: the client repeats its presence with the clock the relay has already seen (awareness
  // ignores that), but the relay still knows who is sending the offline edits.
  traveller.connect();
  const [newest] = await waitFor(async () => {
    const listed = await history(plan);
    return listed.length === 2 && listed;
  });
  expect(newest?.author).toEqual(ALICE);
});

test('[relay-history] an invalid presence is ignored: the last valid author stays until a new valid one arrives', async () => {
  const plan = await relay.createPlan('empty');
  const socket = relay.rawSocket(plan.id, plan.editToken);
  await socket.opened;
  const doc = new Y.Doc();
  const edit = (value: string): void => {
    const before = Y.encodeStateVector(doc);
    doc.getMap('meta').set('county', value);
    socket.ws.send(updateFrame(Y.encodeStateAsUpdate(doc, before)));
  };
  let clock = 0;
  const announce = (state: unknown): void => socket.ws.send(awarenessFrame(doc.clientID, ++clock, state));

  edit('före närvaro');
  announce({ user: { name: 'Bertil', organisation: 'Östersund' } });
  edit('Bertil');
  for (const bad of [
    { user: { name: '   ', organisation: 'Östersund' } },
    { user: { name: 'x'.repeat(101), organisation: 'Östersund' } },
    { user: { name: 'Cecilia', organisation: 'y'.repeat(101) } },
    { user: { name: 'Cecilia', organisation: 7 } },
    { user: 'Cecilia' },
    null,
  ]) {
    announce(bad);
    edit(`efter ${JSON.stringify(bad).slice(0, 20)}`);
  }
  announce({ user: { name: 'x'.repeat(100), organisation: '' } });
  edit('lång');
  socket.ws.send(queryAwarenessFrame());
  await waitFor(() => awarenessCount(socket.frames) > 0);

  const entries = await waitFor(async () => {
    const listed = await history(plan);
    return listed.length === 10 && listed;
  });
  const bertil = { name: 'Bertil', organisation: 'Östersund' };
  expect(entries.map((entry) => entry.author).reverse()).toEqual([
    null, // creation
    null, // before any presence
    bertil,
    ...Array.from({ length: 6 }, () => bertil),
    { name: 'x'.repeat(100), organisation: '' },
  ]);
});

test('[api-history] /history lists newest first with limit and before; /history/state gives the older value after a later edit', async () => {
  const plan = await relay.createPlan('jamtland-harjedalen', 'Tidsresa');
  const doc = await announcedProvider(plan, ALICE);
  const id: ActivityId = first(readPlan(doc).activities, 'activity').id;
  setActivityField(doc, alice, id, 'note', 'Gammal');
  const [older] = await waitFor(async () => {
    const listed = await history(plan);
    return listed.length === 2 && listed;
  });
  await clockPast(older!.at);
  setActivityField(doc, alice, id, 'note', 'Ny');
  const entries = await waitFor(async () => {
    const listed = await history(plan);
    return listed.length === 3 && listed;
  });
  expect(entries[1]).toEqual(older);

  expect(await history(plan, '?limit=1')).toEqual(entries.slice(0, 1));
  expect(await history(plan, `?before=${encodeURIComponent(entries[0]!.at)}`)).toEqual(entries.slice(1));
  expect(await history(plan, `?before=${encodeURIComponent(entries[0]!.at)}&limit=1`)).toEqual([older]);

  expect(readActivity(await stateAt(plan, older!.at), id)?.note).toBe('Gammal');
  expect(readActivity(await stateAt(plan, entries[0]!.at), id)?.note).toBe('Ny');
  // The creation alone: the template's plan before anyone edited it.
  const created = await stateAt(plan, entries[2]!.at);
  expect(readPlan(created).meta.title).toBe('Tidsresa');
  expect(readActivity(created, id)?.note).toBe('');
});

test('[api-history] compaction merges the live updates but the history keeps every one, across a restart', async () => {
  const plan = await relay.createPlan('empty', 'Komprimerad');
  const doc = await announcedProvider(plan, ALICE);
  for (let i = 0; i < 12; i++) setPlanTitle(doc, alice, `Titel ${i}`);
  await waitFor(async () => (await history(plan, '?limit=1000')).length === 13);
  await relay.restart({ compactAfter: 5 });

  const db = new Database(path.join(relay.dataDir, DB_FILE_NAME), { readonly: true });
  try {
    const { n } = db.prepare('SELECT COUNT(*) AS n FROM updates WHERE plan_id = ?').get(plan.id) as {
      n: number;
    };
    expect(n).toBeLessThanOrEqual(5);
  } finally {
    db.close();
  }
  const entries = await history(plan, '?limit=1000');
  expect(entries).toHaveLength(13);
  expect(entries.slice(0, 12).every((entry) => entry.author?.name === ALICE.name)).toBe(true);
  // Oldest first; the state at an entry's instant holds every update of that millisecond, so it shows the
  // title of the last edit stamped with the same instant.
  const edits = entries.slice(0, 12).reverse();
  for (const entry of edits) {
    const last = edits.findLastIndex((other) => other.at === entry.at);
    expect(readPlan(await stateAt(plan, entry.at)).meta.title).toBe(`Titel ${last}`);
  }
});

test('[api-history] refusals: 401 without a valid token, 404 for no plan or nothing stored yet, 400 for bad parameters', async () => {
  const plan = await relay.createPlan('empty');
  const now = encodeURIComponent(new Date().toISOString());
  const errorOf = async (response: Response): Promise<string> =>
    ((await response.json()) as { error: string }).error;

  for (const route of ['history', `history/state?at=${now}`]) {
    const none = await get(plan.id, route);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect((await get(plan.id, route, 'fel')).status).toBe(401);
    expect((await get('NoSuchPlan123', route, plan.editToken)).status).toBe(404);
    expect((await get(plan.id, route, plan.viewToken)).status).toBe(200);
  }

  const early = await get(plan.id, 'history/state?at=2020-01-01T00:00:00.000Z', plan.viewToken);
  expect(early.status).toBe(404);
  expect(await errorOf(early)).toBe('no_history');

  for (const query of [
    '',
    '?at=',
    '?at=igår',
    '?at=2026-02-30T00:00:00Z',
    '?at=2026-11-01T22:59:59',
    `?at=${now}&at=${now}`,
  ]) {
    const response = await get(plan.id, `history/state${query}`, plan.editToken);
    expect(response.status, query).toBe(400);
    expect(await errorOf(response)).toBe('bad_instant');
  }
  for (const query of ['?limit=0', '?limit=1001', '?limit=abc', '?limit=', '?limit=5&limit=6', '?limit=-1']) {
    const response = await get(plan.id, `history${query}`, plan.editToken);
    expect(response.status, query).toBe(400);
    expect(await errorOf(response)).toBe('bad_limit');
  }
  const badBefore = await get(plan.id, 'history?before=2026-13-01T00:00:00Z', plan.editToken);
  expect(badBefore.status).toBe(400);
  expect(await errorOf(badBefore)).toBe('bad_instant');
  const listing = await get(plan.id, 'history?limit=1000', plan.editToken);
  expect(listing.status).toBe(200);
  expect(listing.headers.get('cache-control')).toBe('no-store');
  const post = await fetch(`${relay.url}/api/plans/${plan.id}/history`, {
    method: 'POST',
    headers: { authorization: `Bearer ${plan.editToken}` },
  });
  expect(post.status).toBe(405);
});
