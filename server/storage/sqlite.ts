// The Storage interface on one SQLite file (better-sqlite3): WAL, migrations, compaction, history. Writes are
// made durable by syncing the write-ahead log off the event loop (committer.ts), before their promises resolve.
import Database from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { mergeUpdateList } from '../../src/model/docs.ts';
import { hashesEqual, hashToken } from '../auth.ts';
import { crashPoint } from '../testCrash.ts';
import type { Role } from '../auth.ts';
import { Committer } from './committer.ts';
import type { SyncFile } from './committer.ts';
import type { Author, HistoryEntry, HistoryQuery, Storage } from './types.ts';

/** Name of the database file inside DATA_DIR. */
export const DB_FILE_NAME = 'samplan.sqlite';

/** Updates a plan may collect before they are merged into one snapshot row. */
export const DEFAULT_COMPACT_AFTER = 500;

/** The page cache of the relay's connection, in KiB: SQLite's stock default. */
const PAGE_CACHE_KIB = 2000;

export interface SqliteStorageOptions {
  /** The directory holding `samplan.sqlite`; created if missing. */
  readonly dataDir: string;
  /** Compact a plan once it has more than this many update rows. */
  readonly compactAfter?: number;
  /** How the write-ahead log is synced (fs.fdatasync); tests wrap it to see when it runs. */
  readonly syncFile?: SyncFile;
}

/** Schema steps; `user_version` records how many have run. Append, never edit. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE plans (
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
   CREATE INDEX updates_by_plan ON updates (plan_id, seq);`,
  // 2: the authoritative history. Every accepted update, with time and author, never compacted. Plans from
  // before it get their stored updates (compacted snapshots included, stamped when they were merged).
  `CREATE TABLE history (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     plan_id TEXT NOT NULL REFERENCES plans(id),
     received_at TEXT NOT NULL,
     author_name TEXT,
     author_org TEXT,
     data BLOB NOT NULL,
     CHECK ((author_name IS NULL) = (author_org IS NULL))
   ) STRICT;
   CREATE INDEX history_by_plan_time ON history (plan_id, received_at, seq);
   INSERT INTO history (plan_id, received_at, author_name, author_org, data)
     SELECT plan_id, received_at, NULL, NULL, data FROM updates ORDER BY seq;`,
];

/** Opens (creating or migrating) the database in `dataDir`; throws a clear error if the file is not a usable database. */
export function openSqliteStorage(options: SqliteStorageOptions): Storage {
  mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, DB_FILE_NAME);
  let db: Db | undefined;
  try {
    refuseEmptyFile(file);
    db = new Database(file);
    // journal_mode is the first statement that reads the file, so a corrupt file fails here.
    db.pragma('journal_mode = WAL');
    // NORMAL: a commit does not wait for the disk. committer.ts syncs the log before any promise resolves, so
    // what we relay or acknowledge survives power loss as it would under FULL.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // better-sqlite3 builds SQLite with a 16 MB page cache; the relay holds its plans in memory and mostly appends,
    // so SQLite's own default (2 MB) holds every page it keeps reusing, and a large file's quick_check below no
    // longer fills 16 MB of the relay's memory for good.
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    migrate(db);
    // A damaged file (garbage pages, a truncated copy) fails here at start, not later as a plan that will not load.
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the database is damaged (quick_check: ${String(check)})`);
    return new SqliteStorage(db, file, options.compactAfter ?? DEFAULT_COMPACT_AFTER, options.syncFile);
  } catch (error) {
    db?.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot open the Samplan database ${file}: ${reason}`, { cause: error });
  }
}

/**
 * SQLite takes a zero-byte file for a new, empty database: a restore that went wrong would silently start
 * with no plans. A zero-byte file is refused unless its write-ahead log holds the data (a new database whose
 * first commits are not checkpointed yet).
 */
function refuseEmptyFile(file: string): void {
  const size = (name: string): number | undefined => {
    try {
      return statSync(name).size;
    } catch {
      return undefined;
    }
  };
  if (size(file) === 0 && !((size(`${file}-wal`) ?? 0) > 0)) {
    throw new Error('the file is empty (0 bytes); move it away to start with a new database');
  }
}

function migrate(db: Db): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new Error(`schema version ${version} is newer than this server knows (${MIGRATIONS.length})`);
  }
  for (let step = version; step < MIGRATIONS.length; step++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[step] ?? '');
      db.pragma(`user_version = ${step + 1}`);
    })();
  }
}

interface PlanRow {
  edit_token_hash: Buffer;
  view_token_hash: Buffer;
}

interface HistoryRow {
  seq: number;
  received_at: string;
  author_name: string | null;
  author_org: string | null;
  bytes: number;
}

/** One update to store, as the committer holds it until its batch's transaction. */
interface Append {
  readonly id: string;
  readonly data: Buffer;
  readonly author: Author | null;
}

const HISTORY_COLUMNS = 'seq, received_at, author_name, author_org, length(data) AS bytes';

const toHistoryEntry = (row: HistoryRow): HistoryEntry => ({
  seq: row.seq,
  at: row.received_at,
  author: row.author_name === null ? null : { name: row.author_name, organisation: row.author_org ?? '' },
  bytes: row.bytes,
});

class SqliteStorage implements Storage {
  private readonly insertPlan: Statement<[string, Buffer, Buffer, string]>;
  private readonly insertUpdate: Statement<[string, Buffer, string]>;
  private readonly selectPlan: Statement<[string], PlanRow>;
  private readonly updateTokenHash: { readonly [R in Role]: Statement<[Buffer, string]> };
  private readonly selectUpdates: Statement<[string], { data: Buffer }>;
  private readonly selectUpdateRows: Statement<[string], { seq: number; data: Buffer }>;
  private readonly deleteUpdatesUpTo: Statement<[string, number]>;
  /** Groups appends into one transaction per sync of the log, and syncs the other writes. */
  private readonly committer: Committer<Append>;
  private readonly insertHistory: Statement<[string, string, string | null, string | null, Buffer]>;
  private readonly selectNewestHistory: Statement<[string, number], HistoryRow>;
  private readonly selectHistoryBefore: Statement<[string, string, number], HistoryRow>;
  private readonly selectHistoryUntil: Statement<[string, string], { data: Buffer }>;
  private readonly countUpdates: Statement<[string], { n: number }>;
  /** Each plan's update rows, counted once from the table, then kept up to date by appends; dropped at compaction. */
  private readonly updateRows = new Map<string, number>();
  private closed = false;

  constructor(
    private readonly db: Db,
    file: string,
    compactAfter: number,
    syncFile: SyncFile | undefined,
  ) {
    this.insertPlan = db.prepare(
      'INSERT INTO plans (id, edit_token_hash, view_token_hash, created_at) VALUES (?, ?, ?, ?)',
    );
    this.insertUpdate = db.prepare('INSERT INTO updates (plan_id, data, received_at) VALUES (?, ?, ?)');
    this.selectPlan = db.prepare('SELECT edit_token_hash, view_token_hash FROM plans WHERE id = ?');
    this.updateTokenHash = {
      edit: db.prepare('UPDATE plans SET edit_token_hash = ? WHERE id = ?'),
      view: db.prepare('UPDATE plans SET view_token_hash = ? WHERE id = ?'),
    };
    this.selectUpdates = db.prepare('SELECT data FROM updates WHERE plan_id = ? ORDER BY seq');
    this.selectUpdateRows = db.prepare('SELECT seq, data FROM updates WHERE plan_id = ? ORDER BY seq');
    this.deleteUpdatesUpTo = db.prepare('DELETE FROM updates WHERE plan_id = ? AND seq <= ?');
    this.insertHistory = db.prepare(
      'INSERT INTO history (plan_id, received_at, author_name, author_org, data) VALUES (?, ?, ?, ?, ?)',
    );
    // Both listings walk the (plan_id, received_at, seq) index backwards: no sort, however long the history.
    this.selectNewestHistory = db.prepare(
      `SELECT ${HISTORY_COLUMNS} FROM history WHERE plan_id = ? ORDER BY received_at DESC, seq DESC LIMIT ?`,
    );
    this.selectHistoryBefore = db.prepare(
      `SELECT ${HISTORY_COLUMNS} FROM history WHERE plan_id = ? AND received_at < ?
       ORDER BY received_at DESC, seq DESC LIMIT ?`,
    );
    this.selectHistoryUntil = db.prepare(
      'SELECT data FROM history WHERE plan_id = ? AND received_at <= ? ORDER BY received_at, seq',
    );
    this.countUpdates = db.prepare('SELECT COUNT(*) AS n FROM updates WHERE plan_id = ?');
    // Updates and history rows in one transaction, so they never disagree about what was accepted.
    const commit = db.transaction((batch: readonly Append[]) => {
      const receivedAt = new Date().toISOString();
      for (const { id, data, author } of batch) {
        this.insertUpdate.run(id, data, receivedAt);
        this.insertHistory.run(id, receivedAt, author?.name ?? null, author?.organisation ?? null, data);
      }
    });
    this.committer = new Committer<Append>({
      file,
      ...(syncFile === undefined ? {} : { syncFile }),
      commit: (batch) => commit(batch),
      afterCommit: (batch) => {
        for (const [id, rows] of this.countRows(batch)) if (rows > compactAfter) this.compactQuietly(id);
      },
    });
  }

  async createPlan(
    id: string,
    editTokenHash: Uint8Array,
    viewTokenHash: Uint8Array,
    initialUpdate: Uint8Array,
    createdAt: string,
  ): Promise<void> {
    this.db.transaction(() => {
      this.insertPlan.run(id, Buffer.from(editTokenHash), Buffer.from(viewTokenHash), createdAt);
      const data = Buffer.from(initialUpdate);
      this.insertUpdate.run(id, data, createdAt);
      this.insertHistory.run(id, createdAt, null, null, data);
    })();
    await this.committer.sync();
  }

  async planExists(id: string): Promise<boolean> {
    return this.selectPlan.get(id) !== undefined;
  }

  async roleForToken(id: string, token: string): Promise<Role | null> {
    const row = this.selectPlan.get(id);
    if (row === undefined) return null;
    const hash = hashToken(token);
    // Compare against both hashes every time, so the timing does not tell which one matched.
    const isEdit = hashesEqual(hash, row.edit_token_hash);
    const isView = hashesEqual(hash, row.view_token_hash);
    return isEdit ? 'edit' : isView ? 'view' : null;
  }

  async replaceTokenHash(id: string, role: Role, tokenHash: Uint8Array): Promise<boolean> {
    const replaced = this.updateTokenHash[role].run(Buffer.from(tokenHash), id).changes === 1;
    await this.committer.sync();
    return replaced;
  }

  async loadUpdates(id: string): Promise<Uint8Array[]> {
    return this.selectUpdates.all(id).map((row) => new Uint8Array(row.data));
  }

  /**
   * Grouped commit (committer.ts): appends that arrive while the log syncs form the next batch, written in one
   * transaction and made durable by one sync; each promise resolves only after that sync.
   */
  appendUpdate(id: string, update: Uint8Array, author: Author | null): Promise<void> {
    if (this.closed) return Promise.reject(new Error('storage is closed'));
    return this.committer.add({
      id,
      data: Buffer.from(update.buffer, update.byteOffset, update.byteLength),
      author,
    });
  }

  async compact(id: string): Promise<void> {
    await this.committer.settled();
    this.db.transaction(() => this.compactNow(id))();
    this.updateRows.delete(id);
    await this.committer.sync();
  }

  /** Compaction after a commit: a failure leaves the rows as they were, and the next batch of the plan retries. */
  private compactQuietly(id: string): void {
    if (this.closed) return;
    try {
      this.db.transaction(() => this.compactNow(id))();
      this.updateRows.delete(id);
    } catch {
      // Every row is still there; nothing is lost by compacting later.
    }
  }

  /**
   * The update rows of each plan in a committed batch. Counted in memory after the first count: a COUNT per plan
   * per batch added a quarter to the cost of each commit.
   */
  private countRows(batch: readonly Append[]): Map<string, number> {
    const added = new Map<string, number>();
    for (const { id } of batch) added.set(id, (added.get(id) ?? 0) + 1);
    for (const [id, count] of added) {
      const known = this.updateRows.get(id);
      // The table's count already holds this batch.
      const rows = known === undefined ? (this.countUpdates.get(id)?.n ?? 0) : known + count;
      this.updateRows.set(id, rows);
      added.set(id, rows);
    }
    return added;
  }

  async listHistory(id: string, query: HistoryQuery): Promise<HistoryEntry[]> {
    const rows =
      query.before === undefined
        ? this.selectNewestHistory.all(id, query.limit)
        : this.selectHistoryBefore.all(id, query.before, query.limit);
    return rows.map(toHistoryEntry);
  }

  async stateAt(id: string, at: string): Promise<Uint8Array | null> {
    const rows = this.selectHistoryUntil.all(id, at);
    if (rows.length === 0) return null;
    return mergeUpdateList(rows.map((row) => new Uint8Array(row.data)));
  }

  /**
   * Runs inside a transaction: the merged row replaces exactly the rows it was merged from (by seq), so an
   * update stored alongside is kept; a crash before the commit leaves every original row in place.
   */
  private compactNow(id: string): void {
    const rows = this.selectUpdateRows.all(id);
    const last = rows.at(-1);
    if (rows.length < 2 || last === undefined) return;
    const merged = mergeUpdateList(rows.map((row) => new Uint8Array(row.data)));
    this.insertUpdate.run(id, Buffer.from(merged), new Date().toISOString());
    crashPoint('during-compaction');
    this.deleteUpdatesUpTo.run(id, last.seq);
  }

  async healthy(): Promise<boolean> {
    if (this.closed || !this.committer.working) return false;
    try {
      return this.db.prepare('SELECT 1 AS one').get() !== undefined;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Appends already promised are committed and synced before the file closes.
    this.closed = true;
    await this.committer.close();
    this.db.close();
  }
}
