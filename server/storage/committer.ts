// Grouped, durable commits on the relay's thread. SQLite commits without waiting for the disk (WAL,
// synchronous=NORMAL); durability comes from an fdatasync of the write-ahead log on libuv's thread pool, so the
// relay goes on reading and sending while the disk syncs. Each promise settles only once a sync that started after
// its commit has finished: the log is written in order, so that sync covers the commit and everything before it.
import { closeSync, fdatasync, fdatasyncSync, fstatSync, fsyncSync, openSync, statSync } from 'node:fs';
import path from 'node:path';

/** How often the log file is checked for having been replaced. */
const WAL_CHECK_MS = 1000;

/** Something waiting for durability: an item to commit, or none (a barrier for commits made directly). */
interface Waiter<T> {
  readonly item: T | null;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/** fs.fdatasync's shape; tests wrap the real call to see when it runs. */
export type SyncFile = (fd: number, done: (error: NodeJS.ErrnoException | null) => void) => void;

export interface CommitterOptions<T> {
  /** The database file; its write-ahead log (`<file>-wal`) must exist (the connection is open in WAL mode). */
  readonly file: string;
  /** Writes `items` in one transaction; throws if it could not (then each item is retried alone). */
  readonly commit: (items: readonly T[]) => void;
  /** Called after each batch's commit, before its sync, with the items stored. */
  readonly afterCommit?: (items: readonly T[]) => void;
  readonly syncFile?: SyncFile;
}

/**
 * One sync is in flight at a time; items added meanwhile are committed together when it ends, and synced by the
 * next. So under load a batch holds everything that arrived during the previous sync, and when idle an item waits
 * one turn of the event loop (many sockets read in one poll share it).
 */
export class Committer<T> {
  private readonly walFile: string;
  private wal: { fd: number; inode: number };
  private walCheckedAt = performance.now();
  private readonly syncFile: SyncFile;
  private pending: Waiter<T>[] = [];
  private syncing: Waiter<T>[] | null = null;
  private flushScheduled = false;
  private failure: Error | null = null;
  private readonly idleWaiters: (() => void)[] = [];

  constructor(private readonly options: CommitterOptions<T>) {
    this.walFile = `${options.file}-wal`;
    this.syncFile = options.syncFile ?? fdatasync;
    this.wal = openWal(this.walFile);
    // What was committed before (migrations), and the log's directory entry, or a power cut could take the file.
    fdatasyncSync(this.wal.fd);
    const directory = openSync(path.dirname(this.walFile), 'r');
    try {
      fsyncSync(directory);
    } finally {
      closeSync(directory);
    }
  }

  /** False once a commit's sync has failed: the disk may have dropped data, so everything since is refused. */
  get working(): boolean {
    return this.failure === null;
  }

  /** Resolves once `item` is committed and durable; rejects with the reason it could not be. */
  add(item: T): Promise<void> {
    return this.enqueue(item);
  }

  /** Resolves once everything committed on this connection so far is durable. */
  sync(): Promise<void> {
    return this.enqueue(null);
  }

  /** Resolves once every item added so far has settled. */
  settled(): Promise<void> {
    if (this.syncing === null && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Waits for every item added so far, then refuses new ones. */
  async close(): Promise<void> {
    await this.settled();
    this.failure ??= new Error('storage is closed');
    closeSync(this.wal.fd);
  }

  private enqueue(item: T | null): Promise<void> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.syncing === null && !this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => {
          this.flushScheduled = false;
          this.flush();
        });
      }
    });
  }

  /** Commits what is pending and starts the sync that makes it durable. */
  private flush(): void {
    if (this.syncing !== null || this.failure !== null) return;
    if (this.pending.length === 0) return this.becameIdle();
    const batch = this.pending;
    this.pending = [];
    const stored = this.commitBatch(batch);
    if (stored.length === 0) return this.flush();
    this.syncing = stored;
    this.options.afterCommit?.(stored.flatMap((waiter) => (waiter.item === null ? [] : [waiter.item])));
    try {
      this.reopenIfReplaced();
    } catch (error) {
      return this.fail(asError(error));
    }
    this.syncFile(this.wal.fd, (error) => {
      if (error !== null)
        return this.fail(new Error(`the database log could not be synced: ${error.message}`));
      const synced = this.syncing ?? [];
      this.syncing = null;
      for (const waiter of synced) waiter.resolve();
      this.flush();
    });
  }

  /** The waiters whose items are stored; the others are rejected with their reason. */
  private commitBatch(batch: readonly Waiter<T>[]): Waiter<T>[] {
    const items = batch.flatMap((waiter) => (waiter.item === null ? [] : [waiter.item]));
    try {
      if (items.length > 0) this.options.commit(items);
      return [...batch];
    } catch {
      // Each alone, so one bad item (say, an update for a plan that does not exist) fails only itself.
      return batch.filter((waiter) => {
        if (waiter.item === null) return true;
        try {
          this.options.commit([waiter.item]);
          return true;
        } catch (error) {
          waiter.reject(asError(error));
          return false;
        }
      });
    }
  }

  /**
   * SQLite keeps its log while a connection is open; should it ever replace the file, sync the new one. Looked at
   * once a second, not per batch: a stat is a system call, and this never happens in practice.
   */
  private reopenIfReplaced(): void {
    const now = performance.now();
    if (now - this.walCheckedAt < WAL_CHECK_MS) return;
    this.walCheckedAt = now;
    if (statSync(this.walFile).ino === this.wal.inode) return;
    closeSync(this.wal.fd);
    this.wal = openWal(this.walFile);
  }

  private fail(error: Error): void {
    if (this.failure !== null) return;
    this.failure = error;
    for (const waiter of [...(this.syncing ?? []), ...this.pending]) waiter.reject(error);
    this.syncing = null;
    this.pending = [];
    this.becameIdle();
  }

  private becameIdle(): void {
    for (const wake of this.idleWaiters.splice(0)) wake();
  }
}

function openWal(file: string): { fd: number; inode: number } {
  const fd = openSync(file, 'r');
  return { fd, inode: fstatSync(fd).ino };
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));
