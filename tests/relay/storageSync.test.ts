// [storage-sync] SQLite commits without waiting for the disk; an append, a new plan or a new token is promised
// only once the write-ahead log has been synced after it (the real fdatasync, held back by the test). A failed
// sync refuses that write and every one after it, and the store reports itself unhealthy.
import { fdatasync, fstatSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { hashToken } from '../../server/auth.ts';
import type { SyncFile } from '../../server/storage/committer.ts';
import { DB_FILE_NAME, openSqliteStorage } from '../../server/storage/sqlite.ts';
import type { Storage } from '../../server/storage/types.ts';
import { waitFor } from '../helpers/waitFor.ts';

const PLAN = 'planSYNC0001';
const update = (byte: number): Uint8Array => new Uint8Array([0, 0, byte]);

/** The real fdatasync, run at once or held until the test releases it; records the inode of each file synced. */
class HeldSync {
  hold = false;
  readonly held: (() => void)[] = [];
  readonly inodes: number[] = [];
  failWith: Error | null = null;
  readonly syncFile: SyncFile = (fd, done) => {
    this.inodes.push(fstatSync(fd).ino);
    const run = (): void => {
      if (this.failWith !== null) return done(this.failWith);
      fdatasync(fd, done);
    };
    if (this.hold) this.held.push(run);
    else run();
  };
  release(): void {
    for (const run of this.held.splice(0)) run();
  }
}

/** Whether `promise` has settled after the event loop has had `ms` to run. */
async function settledWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setTimeout(resolve, ms));
  return settled;
}

const opened: { storage: Storage; dataDir: string }[] = [];
async function openWith(sync: HeldSync): Promise<{ storage: Storage; walInode: number }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'samplan-sync-'));
  const storage = openSqliteStorage({ dataDir, syncFile: sync.syncFile });
  opened.push({ storage, dataDir });
  await storage.createPlan(PLAN, hashToken('e'), hashToken('v'), update(1), '2026-11-24T06:00:00.000Z');
  return { storage, walInode: statSync(path.join(dataDir, `${DB_FILE_NAME}-wal`)).ino };
}
afterEach(async () => {
  for (const { storage, dataDir } of opened.splice(0)) {
    await storage.close().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('[storage-sync] an append is committed at once but promised only after the log is synced', async () => {
  const sync = new HeldSync();
  const { storage, walInode } = await openWith(sync);
  // Creating the plan waited for a sync of the write-ahead log itself.
  expect(sync.inodes).toEqual([walInode]);

  sync.hold = true;
  const first = storage.appendUpdate(PLAN, update(2), null);
  await waitFor(() => expect(sync.held).toHaveLength(1));
  // Committed (readable) but not durable yet: not promised.
  expect(await storage.loadUpdates(PLAN)).toHaveLength(2);
  expect(await settledWithin(first, 30)).toBe(false);

  // Made while that sync runs: committed together when it ends, and promised only after the next sync.
  const second = storage.appendUpdate(PLAN, update(3), null);
  const third = storage.appendUpdate(PLAN, update(4), null);
  expect(await settledWithin(second, 30)).toBe(false);
  expect(await storage.loadUpdates(PLAN)).toHaveLength(2);
  sync.release();
  await first;
  await waitFor(() => expect(sync.held).toHaveLength(1));
  expect(await storage.loadUpdates(PLAN)).toHaveLength(4);
  expect(await settledWithin(Promise.all([second, third]), 30)).toBe(false);
  sync.release();
  await Promise.all([second, third]);
  expect(sync.inodes).toEqual([walInode, walInode, walInode]);
});

test('[storage-sync] a new plan and a replaced token are promised only after the log is synced', async () => {
  const sync = new HeldSync();
  const { storage } = await openWith(sync);
  sync.hold = true;
  const created = storage.createPlan(
    'planSYNC0002',
    hashToken('e2'),
    hashToken('v2'),
    update(1),
    '2026-11-24',
  );
  expect(await settledWithin(created, 30)).toBe(false);
  expect(await storage.planExists('planSYNC0002')).toBe(true);
  sync.release();
  await created;
  const replaced = storage.replaceTokenHash(PLAN, 'edit', hashToken('new'));
  expect(await settledWithin(replaced, 30)).toBe(false);
  sync.release();
  expect(await replaced).toBe(true);
});

test('[storage-sync] a failed sync refuses its appends and every write after it; the store is unhealthy', async () => {
  const sync = new HeldSync();
  const { storage } = await openWith(sync);
  expect(await storage.healthy()).toBe(true);
  sync.failWith = Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
  await expect(storage.appendUpdate(PLAN, update(2), null)).rejects.toThrow(
    /database log could not be synced: EIO/,
  );
  sync.failWith = null;
  await expect(storage.appendUpdate(PLAN, update(3), null)).rejects.toThrow(/could not be synced/);
  await expect(
    storage.createPlan('planSYNC0003', hashToken('a'), hashToken('b'), update(1), '2026-11-24'),
  ).rejects.toThrow(/could not be synced/);
  expect(await storage.healthy()).toBe(false);
});
