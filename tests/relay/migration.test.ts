// [storage-migrate] A database written by the first schema (no history) upgrades in place: history is backfilled.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { hashToken } from '../../server/auth.ts';
import { DB_FILE_NAME, openSqliteStorage } from '../../server/storage/sqlite.ts';
import type { Author } from '../../server/storage/types.ts';
import { setPlanTitle } from '../../src/model/meta.ts';
import { readPlan, seedPlan } from '../../src/model/plan.ts';
import { alice } from '../helpers/plans.ts';
import { startRelay } from '../helpers/startRelay.ts';
import { waitFor } from '../helpers/waitFor.ts';

/** Schema version 1 exactly as the first servers created it: a frozen fixture, not the live migration list. */
const SCHEMA_V1 = `CREATE TABLE plans (
     id TEXT PRIMARY KEY,
     edit_token_hash BLOB NOT NULL,
     view_token_hash BLOB NOT NULL,
     created_at TEXT NOT NULL
   ) STRICT;
   CREATE TABLE updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     plan_id TEXT NOT NULL REFERENCES plans(id),
     data BLOB NOT NULL,
     received_at TEXT NOT NULL
   ) STRICT;
   CREATE INDEX updates_by_plan ON updates (plan_id, seq);`;

const PLAN = 'oldPlan0001';
const OTHER = 'oldPlan0002';
const TIMES = ['2026-03-01T08:00:00.000Z', '2026-03-02T09:30:00.000Z', '2026-03-03T10:45:00.000Z'];

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A v1 database with two plans: PLAN with three updates (created, retitled, retitled again), OTHER with one. */
async function v1Database(): Promise<string> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'samplan-v1-'));
  dirs.push(dataDir);
  const doc = new Y.Doc();
  const seeded = seedPlan(doc, 'blekinge', { title: 'Från version 1', createdAt: TIMES[0] ?? '' });
  if (!seeded.ok) throw new Error(seeded.error.detail);
  const updates = [Y.encodeStateAsUpdate(doc)];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  setPlanTitle(doc, alice, 'Andra titeln');
  setPlanTitle(doc, alice, 'Tredje titeln');

  const db = new Database(path.join(dataDir, DB_FILE_NAME));
  db.exec(SCHEMA_V1);
  db.pragma('user_version = 1');
  const insertPlan = db.prepare('INSERT INTO plans VALUES (?, ?, ?, ?)');
  const insertUpdate = db.prepare('INSERT INTO updates (plan_id, data, received_at) VALUES (?, ?, ?)');
  insertPlan.run(PLAN, hashToken('edit-old'), hashToken('view-old'), TIMES[0]);
  insertPlan.run(OTHER, hashToken('edit-other'), hashToken('view-other'), TIMES[1]);
  insertUpdate.run(PLAN, Buffer.from(updates[0] ?? []), TIMES[0]);
  insertUpdate.run(OTHER, Buffer.from(updates[0] ?? []), TIMES[1]);
  insertUpdate.run(PLAN, Buffer.from(updates[1] ?? []), TIMES[1]);
  insertUpdate.run(PLAN, Buffer.from(updates[2] ?? []), TIMES[2]);
  db.close();
  return dataDir;
}

const titleOf = (update: Uint8Array | null): string => {
  const doc = new Y.Doc();
  if (update !== null) Y.applyUpdate(doc, update);
  return readPlan(doc).meta.title;
};

test('[storage-migrate] opening a v1 database adds the history, backfilled from its updates with no author', async () => {
  const dataDir = await v1Database();
  const storage = openSqliteStorage({ dataDir });
  try {
    const entries = await storage.listHistory(PLAN, { limit: 10 });
    expect(entries.map((entry) => [entry.at, entry.author])).toEqual([
      [TIMES[2], null],
      [TIMES[1], null],
      [TIMES[0], null],
    ]);
    expect(await storage.listHistory(OTHER, { limit: 10 })).toHaveLength(1);
    expect(titleOf(await storage.stateAt(PLAN, '2026-03-02T12:00:00.000Z'))).toBe('Andra titeln');
    expect(titleOf(await storage.stateAt(PLAN, TIMES[2] ?? ''))).toBe('Tredje titeln');
    expect(await storage.stateAt(PLAN, '2026-02-28T23:59:59.999Z')).toBeNull();
    // The live updates are untouched, and new ones go to both tables.
    expect(await storage.loadUpdates(PLAN)).toHaveLength(3);
    const author: Author = { name: 'Alice', organisation: 'Region Blekinge' };
    const next = new Y.Doc();
    for (const update of await storage.loadUpdates(PLAN)) Y.applyUpdate(next, update);
    const before = Y.encodeStateVector(next);
    setPlanTitle(next, alice, 'Efter uppgraderingen');
    await storage.appendUpdate(PLAN, Y.encodeStateAsUpdate(next, before), author);
    expect((await storage.listHistory(PLAN, { limit: 1 }))[0]?.author).toEqual(author);
  } finally {
    await storage.close();
  }
  const db = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true });
  try {
    expect(db.pragma('user_version', { simple: true })).toBe(2);
  } finally {
    db.close();
  }
});

test('[storage-migrate] a relay on a v1 data dir serves the old plan, and its history through the API', async () => {
  const dataDir = await v1Database();
  const relay = await startRelay({}, dataDir);
  try {
    const doc = new Y.Doc();
    const provider = relay.provider(PLAN, 'edit-old', doc);
    provider.awareness.setLocalStateField('user', { name: 'Alice', organisation: 'Region Blekinge' });
    await waitFor(() => provider.synced);
    expect(readPlan(doc).meta.title).toBe('Tredje titeln');
    setPlanTitle(doc, alice, 'Live efter uppgradering');
    const entries = await waitFor(async () => {
      const response = await fetch(`${relay.url}/api/plans/${PLAN}/history`, {
        headers: { authorization: 'Bearer view-old' },
      });
      const body = (await response.json()) as { entries: { at: string; author: Author | null }[] };
      return body.entries.length === 4 && body.entries;
    });
    expect(entries.map((entry) => entry.author?.name ?? null)).toEqual(['Alice', null, null, null]);
    const old = await fetch(`${relay.url}/api/plans/${PLAN}/history/state?at=2026-03-01T08:00:00Z`, {
      headers: { authorization: 'Bearer view-old' },
    });
    expect(titleOf(new Uint8Array(await old.arrayBuffer()))).toBe('Från version 1');
  } finally {
    await relay.close();
  }
});
