// The Storage interface on one SQLite file (better-sqlite3): WAL, synchronous=FULL, migrations, compaction, history.
import Database from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { mergeUpdateList } from '../../src/model/docs.ts';
import { hashesEqual, hashToken } from '../auth.ts';
import type { Role } from '../auth.ts';
import type { Author, HistoryEntry, HistoryQuery, Storage } from './types.ts';

/** Name of the database file inside DATA_DIR. */
export const DB_FILE_NAME = 'samplan.sqlite';

/** Updates a plan may collect before they are merged into one snapshot row. */
export const DEFAULT_COMPACT_AFTER = 500;

export interface SqliteStorageOptions {
  /** The directory holding `samplan.sqlite`; created if missing. */
  readonly dataDir: string;
  /** Compact a plan once it has more than this many update rows. */
  readonly compactAfter?: number;
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
    db = new Database(file);
    // journal_mode is the first statement that reads the file, so a corrupt file fails here.
    db.pragma('journal_mode = WAL');
    // FULL: a committed update survives power loss, since we relay it right after the commit.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (error) {
    db?.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot open the Samplan database ${file}: ${reason}`, { cause: error });
  }
  return new SqliteStorage(db, options.compactAfter ?? DEFAULT_COMPACT_AFTER);
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
  private readonly selectUpdates: Statement<[string], { data: Buffer }>;
  private readonly countUpdates: Statement<[string], { n: number }>;
  private readonly deleteUpdates: Statement<[string]>;
  private readonly insertHistory: Statement<[string, string, string | null, string | null, Buffer]>;
  private readonly selectNewestHistory: Statement<[string, number], HistoryRow>;
  private readonly selectHistoryBefore: Statement<[string, string, number], HistoryRow>;
  private readonly selectHistoryUntil: Statement<[string, string], { data: Buffer }>;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly compactAfter: number,
  ) {
    this.insertPlan = db.prepare(
      'INSERT INTO plans (id, edit_token_hash, view_token_hash, created_at) VALUES (?, ?, ?, ?)',
    );
    this.insertUpdate = db.prepare('INSERT INTO updates (plan_id, data, received_at) VALUES (?, ?, ?)');
    this.selectPlan = db.prepare('SELECT edit_token_hash, view_token_hash FROM plans WHERE id = ?');
    this.selectUpdates = db.prepare('SELECT data FROM updates WHERE plan_id = ? ORDER BY seq');
    this.countUpdates = db.prepare('SELECT COUNT(*) AS n FROM updates WHERE plan_id = ?');
    this.deleteUpdates = db.prepare('DELETE FROM updates WHERE plan_id = ?');
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

  async loadUpdates(id: string): Promise<Uint8Array[]> {
    return this.selectUpdates.all(id).map((row) => new Uint8Array(row.data));
  }

  async appendUpdate(id: string, update: Uint8Array, author: Author | null): Promise<void> {
    // One transaction, so the live updates and the history can never disagree about what was accepted.
    this.db.transaction(() => {
      const data = Buffer.from(update);
      const receivedAt = new Date().toISOString();
      this.insertUpdate.run(id, data, receivedAt);
      this.insertHistory.run(id, receivedAt, author?.name ?? null, author?.organisation ?? null, data);
      const count = this.countUpdates.get(id)?.n ?? 0;
      if (count > this.compactAfter) this.compactNow(id);
    })();
  }

  async compact(id: string): Promise<void> {
    this.db.transaction(() => this.compactNow(id))();
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

  /** Runs inside a transaction: the merged row replaces exactly the rows it was merged from. */
  private compactNow(id: string): void {
    const rows = this.selectUpdates.all(id);
    if (rows.length < 2) return;
    const merged = mergeUpdateList(rows.map((row) => new Uint8Array(row.data)));
    this.deleteUpdates.run(id);
    this.insertUpdate.run(id, Buffer.from(merged), new Date().toISOString());
  }

  async healthy(): Promise<boolean> {
    if (this.closed) return false;
    try {
      return this.db.prepare('SELECT 1 AS one').get() !== undefined;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}
