// The SQLite writer thread: commits appended updates (an updates row and a history row each) on its own
// connection, so the relay's thread never waits for the disk's fsync. Plain JavaScript because worker threads
// do not load TypeScript under tsx on Node 20; the main-thread side, with the types, is committer.ts.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

/** @typedef {{ id: string, data: Uint8Array, author: { name: string, organisation: string } | null }} Append */

if (parentPort === null) throw new Error('commitWorker.mjs runs only as a worker thread');
const port = parentPort;
/** @type {{ file: string, compactAfter: number }} */
const { file, compactAfter } = workerData;

const db = new Database(file);
// The same settings as the main connection (sqlite.ts): a resolved append survives power loss.
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
// Inserts touch only the last pages of two tables and their indexes: a small page cache (256 KiB) does.
db.pragma('cache_size = -256');

const insertUpdate = db.prepare('INSERT INTO updates (plan_id, data, received_at) VALUES (?, ?, ?)');
const insertHistory = db.prepare(
  'INSERT INTO history (plan_id, received_at, author_name, author_org, data) VALUES (?, ?, ?, ?, ?)',
);
const countUpdates = db.prepare('SELECT COUNT(*) AS n FROM updates WHERE plan_id = ?');

/** Updates and history rows in one transaction, so they never disagree about what was accepted. */
const commit = db.transaction((/** @type {readonly Append[]} */ batch) => {
  const receivedAt = new Date().toISOString();
  for (const { id, data, author } of batch) {
    // Structured cloning hands over a Uint8Array; better-sqlite3 binds only Buffers as BLOBs.
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    insertUpdate.run(id, bytes, receivedAt);
    insertHistory.run(id, receivedAt, author?.name ?? null, author?.organisation ?? null, bytes);
  }
});

/** @param {unknown} error */
const messageOf = (error) => (error instanceof Error ? error.message : String(error));

// One batch at a time (committer.ts sends the next only after this answer): the group commit of the main side.
port.on('message', (/** @type {{ batch: Append[] }} */ { batch }) => {
  /** @type {(string | null)[]} */
  let errors;
  try {
    commit(batch);
    errors = batch.map(() => null);
  } catch {
    // Each alone, so one bad append (say, for a plan that does not exist) fails only itself.
    errors = batch.map((item) => {
      try {
        commit([item]);
        return null;
      } catch (error) {
        return messageOf(error);
      }
    });
  }
  const stored = new Set(batch.filter((_, i) => errors[i] === null).map((item) => item.id));
  const crowded = [...stored].filter((id) => (countUpdates.get(id)?.n ?? 0) > compactAfter);
  port.postMessage({ errors, crowded });
});
