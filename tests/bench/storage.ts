// Point 6: updates per second the relay's SQLite storage makes durable, grouped vs one at a time; compaction time.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { encodeDoc } from '../../src/model/docs.ts';
import { DEFAULT_COMPACT_AFTER, openSqliteStorage } from '../../server/storage/sqlite.ts';
import type { Storage } from '../../server/storage/types.ts';
import { seededDoc } from '../helpers/plans.ts';
import { figureOf } from './lib/figure.ts';
import type { Benchmark, Figure } from './lib/figure.ts';
import { captureEdits } from './lib/updates.ts';
import { repeat, time, timeSync } from './lib/stats.ts';

const BENCH = 'storage';
/** Plans writing at once in the grouped case: each sends one update per event-loop turn. */
const PLANS = 50;
/** Updates per plan per grouped run. */
const ROUNDS = 20;
/** Updates in a one-at-a-time run (each its own commit and fsync). */
const SERIAL = 200;
const COMPACT_UPDATES = 20_000;

const author = { name: 'Alice Andersson', organisation: 'Region Jämtland Härjedalen' };
const hash = new Uint8Array(32);

async function withStorage<T>(
  compactAfter: number | undefined,
  fn: (storage: Storage) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'samplan-bench-'));
  const storage = openSqliteStorage(compactAfter === undefined ? { dataDir } : { dataDir, compactAfter });
  try {
    return await fn(storage);
  } finally {
    await storage.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

let planCounter = 0;
async function newPlans(storage: Storage, initial: Uint8Array, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => `bench-plan-${++planCounter}`);
  for (const id of ids) await storage.createPlan(id, hash, hash, initial, new Date().toISOString());
  return ids;
}

export const storage: Benchmark = {
  name: BENCH,
  description: 'SQLite storage: grouped vs serial durable appends, compaction of 20,000 updates',
  async run() {
    const doc = seededDoc();
    const initial = encodeDoc(doc);
    // One stream of real edits per plan; every plan replays the same bytes (storage does not look inside).
    const edits = captureEdits(doc, Math.max(ROUNDS, SERIAL));
    const figures: Figure[] = [];

    // Grouped: PLANS plans each append one update in the same turn; all resolve after one shared commit.
    const grouped = await withStorage(undefined, async (store) =>
      repeat({ warmup: 1, runs: 7 }, async () => {
        const ids = await newPlans(store, initial, PLANS);
        const { ms } = await time(async () => {
          for (let round = 0; round < ROUNDS; round++) {
            const update = edits[round] ?? initial;
            await Promise.all(ids.map((id) => store.appendUpdate(id, update, author)));
          }
        });
        return { perSecond: (PLANS * ROUNDS * 1000) / ms, commitMs: ms / ROUNDS };
      }),
    );
    figures.push(
      figureOf(BENCH, `durable updates/s, ${PLANS} plans at once (grouped)`, 'updates/s', grouped.perSecond, {
        note: `${PLANS * ROUNDS} updates per run, default compactAfter`,
      }),
      figureOf(BENCH, `one grouped commit of ${PLANS} updates`, 'ms', grouped.commitMs),
    );

    // One at a time: each append awaited before the next, so each is its own transaction and fsync.
    const serial = await withStorage(undefined, async (store) =>
      repeat({ warmup: 1, runs: 7 }, async () => {
        const [id] = await newPlans(store, initial, 1);
        if (id === undefined) throw new Error('no plan');
        const { ms } = await time(async () => {
          for (const update of edits.slice(0, SERIAL)) await store.appendUpdate(id, update, author);
        });
        return { perSecond: (SERIAL * 1000) / ms, perAppendMs: ms / SERIAL };
      }),
    );
    figures.push(
      figureOf(BENCH, 'durable updates/s, one at a time', 'updates/s', serial.perSecond, {
        note: `${SERIAL} awaited appends per run; temp dir on ext4 (virtio disk)`,
      }),
      figureOf(BENCH, 'one durable append alone', 'ms', serial.perAppendMs),
    );

    // Compaction: a plan holding 20,000 real update rows (automatic compaction off), merged by compact().
    // The edits must build on the plan's own first update, as a real plan's do (else they stay pending).
    const compactDoc = seededDoc();
    const compactInitial = encodeDoc(compactDoc);
    const compactEdits = captureEdits(compactDoc, COMPACT_UPDATES, 1);
    const compaction = await withStorage(Number.MAX_SAFE_INTEGER, async (store) =>
      repeat({ warmup: 1, runs: 5 }, async () => {
        const [id] = await newPlans(store, compactInitial, 1);
        if (id === undefined) throw new Error('no plan');
        // Filled in grouped batches of 1,000 (untimed), as many sockets' frames would arrive.
        for (let start = 0; start < compactEdits.length; start += 1000) {
          await Promise.all(
            compactEdits.slice(start, start + 1000).map((u) => store.appendUpdate(id, u, author)),
          );
        }
        const { ms } = await time(() => store.compact(id));
        const rows = await store.loadUpdates(id);
        if (rows.length !== 1) throw new Error(`compaction left ${rows.length} rows`);
        return { ms, bytes: rows[0]?.length ?? 0 };
      }),
    );
    // For comparison, what the storage did before: join the same rows with Y.mergeUpdates (keeps deleted content).
    const viaMerge = await repeat({ warmup: 1, runs: 3 }, () => {
      const { ms, value } = timeSync(() => Y.mergeUpdates([compactInitial, ...compactEdits]));
      return { ms, kb: value.length / 1024 };
    });
    // What the relay does by default: a compacted snapshot plus DEFAULT_COMPACT_AFTER new rows, merged.
    const routine = await withStorage(Number.MAX_SAFE_INTEGER, async (store) =>
      repeat({ warmup: 1, runs: 7 }, async () => {
        const [id] = await newPlans(store, compactInitial, 1);
        if (id === undefined) throw new Error('no plan');
        await Promise.all(
          compactEdits.slice(0, DEFAULT_COMPACT_AFTER).map((u) => store.appendUpdate(id, u, author)),
        );
        await store.compact(id);
        const batch = compactEdits.slice(DEFAULT_COMPACT_AFTER, 2 * DEFAULT_COMPACT_AFTER);
        await Promise.all(batch.map((u) => store.appendUpdate(id, u, author)));
        return { ms: (await time(() => store.compact(id))).ms };
      }),
    );
    figures.push(
      figureOf(
        BENCH,
        `compact a plan of ${COMPACT_UPDATES.toLocaleString('en-US')} updates`,
        'ms',
        compaction.ms,
        {
          note: 'loaded into a Y.Doc and encoded, inside one transaction; blocks the event loop',
        },
      ),
      figureOf(
        BENCH,
        'compacted snapshot size',
        'KB',
        compaction.bytes.map((b) => b / 1024),
      ),
      figureOf(BENCH, 'same rows via Y.mergeUpdates (before, comparison)', 'ms', viaMerge.ms, {
        note: 'what compaction did before; keeps deleted content',
      }),
      figureOf(BENCH, 'snapshot size via Y.mergeUpdates', 'KB', viaMerge.kb),
      figureOf(BENCH, `routine compaction: snapshot + ${DEFAULT_COMPACT_AFTER} updates`, 'ms', routine.ms, {
        note: 'what the default compactAfter triggers inside an append',
      }),
    );
    return { figures };
  },
};
