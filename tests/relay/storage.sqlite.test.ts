// [storage] The SQLite backend: the contract suite, plus what only a file shows (hashes at rest, durability, corruption).
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { hashToken } from '../../server/auth.ts';
import { DB_FILE_NAME, openSqliteStorage } from '../../server/storage/sqlite.ts';
import type { Storage } from '../../server/storage/types.ts';
import { startRelay } from '../helpers/startRelay.ts';
import { registerStorageContractTests } from './storageContract.ts';

const dirs = new Map<Storage, string>();

registerStorageContractTests('sqlite', {
  async open({ compactAfter }) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'samplan-storage-'));
    const storage = openSqliteStorage({ dataDir, compactAfter });
    dirs.set(storage, dataDir);
    return storage;
  },
  async dispose(storage) {
    await storage.close();
    await rm(dirs.get(storage) ?? '', { recursive: true, force: true });
  },
});

const tempDirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'samplan-storage-'));
  tempDirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of tempDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** Every byte of the database and its WAL/journal files. */
async function databaseBytes(dataDir: string): Promise<Buffer> {
  const files = (await readdir(dataDir)).filter((name) => name.startsWith(DB_FILE_NAME));
  return Buffer.concat(await Promise.all(files.map((name) => readFile(path.join(dataDir, name)))));
}

test('[storage-tokens] tokens are stored only as hashes: the raw token strings never appear in the database files', async () => {
  const relay = await startRelay();
  try {
    const plan = await relay.createPlan('blekinge', 'Hashat');
    const bytes = await databaseBytes(relay.dataDir);
    for (const token of [plan.editToken, plan.viewToken]) {
      expect(bytes.includes(Buffer.from(token, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(token, 'base64url'))).toBe(false);
    }
    expect(bytes.includes(hashToken(plan.editToken))).toBe(true);
  } finally {
    await relay.close();
  }
});

test("[storage-memory] the relay's connection keeps SQLite's own 2 MB page cache, not better-sqlite3's 16 MB", async () => {
  const storage = openSqliteStorage({ dataDir: await tempDir() });
  try {
    // The connection is private to the storage; its pragma is what the setting is.
    const { db } = storage as unknown as { db: Database.Database };
    // A negative cache_size is in KiB.
    expect(db.pragma('cache_size', { simple: true })).toBe(-2000);
    // Why the setting is needed: a connection left at better-sqlite3's build default would cache up to 16 MB.
    const plain = new Database(':memory:');
    expect(plain.pragma('cache_size', { simple: true })).toBe(-16000);
    plain.close();
  } finally {
    await storage.close();
  }
});

test('[storage-durable] what one storage appended, a storage opened later on the same file loads', async () => {
  const dataDir = await tempDir();
  const first = openSqliteStorage({ dataDir });
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', 'Beständig');
  await first.createPlan(
    'planDURABLE',
    hashToken('e'),
    hashToken('v'),
    Y.encodeStateAsUpdate(doc),
    new Date().toISOString(),
  );
  doc.getMap('meta').set('county', 'Blekinge');
  await first.appendUpdate('planDURABLE', Y.encodeStateAsUpdate(doc), null);
  await first.close();
  const second = openSqliteStorage({ dataDir });
  const loaded = new Y.Doc();
  for (const update of await second.loadUpdates('planDURABLE')) Y.applyUpdate(loaded, update);
  expect(loaded.getMap('meta').toJSON()).toEqual({ title: 'Beständig', county: 'Blekinge' });
  expect(await second.roleForToken('planDURABLE', 'e')).toBe('edit');
  await second.close();
});

test('[storage-durable] close waits for appends still being committed; an append after close is refused', async () => {
  const dataDir = await tempDir();
  const first = openSqliteStorage({ dataDir });
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', 'Stängs');
  await first.createPlan(
    'planCLOSING',
    hashToken('e'),
    hashToken('v'),
    Y.encodeStateAsUpdate(doc),
    new Date().toISOString(),
  );
  // Not awaited: the commits are still waiting for the log's sync when close is called.
  const appends = Array.from({ length: 50 }, (_, i) => {
    doc.getMap('meta').set(`k${i}`, i);
    return first.appendUpdate('planCLOSING', Y.encodeStateAsUpdate(doc), null);
  });
  await first.close();
  await expect(Promise.all(appends)).resolves.toHaveLength(50);
  await expect(first.appendUpdate('planCLOSING', Y.encodeStateAsUpdate(doc), null)).rejects.toThrow(/closed/);
  const second = openSqliteStorage({ dataDir });
  const loaded = new Y.Doc();
  for (const update of await second.loadUpdates('planCLOSING')) Y.applyUpdate(loaded, update);
  expect(loaded.getMap('meta').get('k49')).toBe(49);
  expect(await second.listHistory('planCLOSING', { limit: 100 })).toHaveLength(51);
  await second.close();
});

test('[storage-corrupt] a corrupt database file fails at open with an error naming the file', async () => {
  const dataDir = await tempDir();
  await writeFile(path.join(dataDir, DB_FILE_NAME), Buffer.alloc(8192, 'nonsense'));
  expect(() => openSqliteStorage({ dataDir })).toThrow(/Cannot open the Samplan database .*samplan\.sqlite/);
});

test('[storage-health] a closed store reports itself unhealthy', async () => {
  const storage = openSqliteStorage({ dataDir: await tempDir() });
  await storage.close();
  expect(await storage.healthy()).toBe(false);
});
