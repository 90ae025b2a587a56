// [relay-fuzz] 10,000+ seeded malformed and random frames over many sockets: the relay stays up, its memory stays
// bounded, and a stock client on another plan keeps syncing throughout. A failing seed names the same frames again.
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { setPlanTitle } from '../../src/model/meta.ts';
import { readPlan } from '../../src/model/plan.ts';
import { awarenessFrame, queryAwarenessFrame } from '../helpers/frames.ts';
import { alice } from '../helpers/plans.ts';
import { startRelay } from '../helpers/startRelay.ts';
import type { CreatedPlan, TestRelay } from '../helpers/startRelay.ts';
import { waitFor } from '../helpers/waitFor.ts';

/** Change to replay a failure; printed with every run. */
const SEED = Number(process.env.SAMPLAN_FUZZ_SEED ?? 0x5a3b1e);
const FRAMES = 10_000;
const FRAMES_PER_SOCKET = { min: 1, max: 12 };
const PARALLEL_SOCKETS = 8;
/** How often (in sockets) the bystander plan must show a fresh edit arriving, within SYNC_DEADLINE_MS. */
const SYNC_EVERY = 50;
const SYNC_DEADLINE_MS = 5000;
const MAX_FRAME_BYTES = 64 * 1024;
/** Heap growth allowed over the whole run (after a GC at both ends). */
const HEAP_BOUND_BYTES = 32 * 1024 * 1024;

/** mulberry32: small, fast, seedable. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[int(rng, 0, items.length - 1)] as T;
const bytes = (rng: Rng, length: number): Uint8Array => Uint8Array.from({ length }, () => int(rng, 0, 255));

function build(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Real updates to mutate: a few edits of a small doc. */
function sampleUpdates(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  doc.getMap('meta').set('title', 'Fuzzplan');
  doc.getArray('activities').push([new Y.Map([['name', 'Aktivitet']])]);
  doc.getText('note').insert(0, 'hej på dig');
  doc.getMap('meta').delete('title');
  updates.push(Y.encodeStateAsUpdate(doc));
  return updates;
}

/** Flips, drops, inserts or truncates bytes of `source`. */
function mutate(rng: Rng, source: Uint8Array): Uint8Array {
  const out = Array.from(source);
  for (let i = int(rng, 1, 4); i > 0; i--) {
    const at = int(rng, 0, Math.max(0, out.length - 1));
    switch (int(rng, 0, 3)) {
      case 0:
        out[at] = int(rng, 0, 255);
        break;
      case 1:
        out.splice(at, 1);
        break;
      case 2:
        out.splice(at, 0, int(rng, 0, 255));
        break;
      default:
        out.length = at;
    }
  }
  return Uint8Array.from(out);
}

type FrameKind =
  | 'random'
  | 'truncatedVarint'
  | 'hugeLength'
  | 'unknownType'
  | 'unknownSyncType'
  | 'garbageUpdate'
  | 'mutatedUpdate'
  | 'garbageStateVector'
  | 'awarenessGarbage'
  | 'awarenessOdd'
  | 'authGarbage'
  | 'text'
  | 'oversized'
  | 'validQuery'
  | 'validAwareness';

/** One frame of `kind`; valid ones are mixed in so sockets live long enough to take several frames. */
function makeFrame(rng: Rng, kind: FrameKind, samples: readonly Uint8Array[]): Uint8Array | string {
  switch (kind) {
    case 'random':
      return bytes(rng, int(rng, 0, 300));
    case 'truncatedVarint':
      // Continuation bits to the end: lib0 would read past the frame.
      return Uint8Array.from({ length: int(rng, 1, 12) }, (_, i) =>
        i === 0 ? pick(rng, [0, 1, 0x80]) : 0x80 | int(rng, 0, 127),
      );
    case 'hugeLength':
      return build((e) => {
        encoding.writeVarUint(e, pick(rng, [0, 1, 2]));
        encoding.writeVarUint(e, int(rng, 0, 2));
        encoding.writeVarUint(e, pick(rng, [2 ** 31, 2 ** 32 + 7, Number.MAX_SAFE_INTEGER, 65_537, 1e9]));
        encoding.writeUint8Array(e, bytes(rng, int(rng, 0, 16)));
      });
    case 'unknownType':
      return build((e) => {
        encoding.writeVarUint(e, int(rng, 4, 2 ** 20));
        encoding.writeUint8Array(e, bytes(rng, int(rng, 0, 32)));
      });
    case 'unknownSyncType':
      return build((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, int(rng, 3, 1000));
        encoding.writeVarUint8Array(e, bytes(rng, int(rng, 0, 32)));
      });
    case 'garbageUpdate':
      return build((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, pick(rng, [1, 2]));
        // A plausible header (one client, its id, a clock) followed by garbage structs.
        encoding.writeVarUint8Array(
          e,
          build((u) => {
            encoding.writeVarUint(u, int(rng, 0, 3));
            encoding.writeVarUint(u, int(rng, 0, 2 ** 30));
            encoding.writeVarUint(u, int(rng, 0, 100));
            encoding.writeUint8Array(u, bytes(rng, int(rng, 0, 64)));
          }),
        );
      });
    case 'mutatedUpdate':
      return build((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, pick(rng, [1, 2]));
        encoding.writeVarUint8Array(e, mutate(rng, pick(rng, samples)));
      });
    case 'garbageStateVector':
      return build((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint8Array(e, bytes(rng, int(rng, 0, 40)));
      });
    case 'awarenessGarbage':
      return build((e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(
          e,
          build((a) => {
            encoding.writeVarUint(a, pick(rng, [1, 2, 1000, 2 ** 30]));
            encoding.writeVarUint(a, int(rng, 0, 2 ** 31));
            encoding.writeVarUint(a, int(rng, 0, 10));
            // Not JSON, or not UTF-8, or a length beyond the end.
            encoding.writeVarUint8Array(
              a,
              pick(rng, [bytes(rng, 8), Uint8Array.from([0xff, 0xfe]), new TextEncoder().encode('{"user":')]),
            );
          }),
        );
      });
    case 'awarenessOdd':
      // Well-formed, with odd states a peer must not trust.
      return awarenessFrame(
        int(rng, 0, 2 ** 31),
        int(rng, 0, 5),
        pick(rng, [
          null,
          42,
          'x',
          [1, [2, [3]]],
          { user: { name: 7 } },
          { user: { name: 'x'.repeat(5000), organisation: {} } },
        ]),
      );
    case 'authGarbage':
      return build((e) => {
        encoding.writeVarUint(e, 2);
        encoding.writeUint8Array(e, bytes(rng, int(rng, 0, 20)));
      });
    case 'text':
      return 'inte binärt';
    case 'oversized':
      return bytes(rng, MAX_FRAME_BYTES + int(rng, 1, 1024));
    case 'validQuery':
      return queryAwarenessFrame();
    case 'validAwareness':
      return awarenessFrame(int(rng, 1, 2 ** 30), int(rng, 1, 5), {
        user: { name: 'Fuzz', organisation: 'Test' },
      });
  }
}

/** Kinds with their weights: mostly malformed, some valid, a few expensive. */
const KINDS: readonly (readonly [FrameKind, number])[] = [
  ['random', 14],
  ['truncatedVarint', 8],
  ['hugeLength', 8],
  ['unknownType', 6],
  ['unknownSyncType', 5],
  ['garbageUpdate', 10],
  ['mutatedUpdate', 12],
  ['garbageStateVector', 6],
  ['awarenessGarbage', 8],
  ['awarenessOdd', 5],
  ['authGarbage', 3],
  ['text', 1],
  ['oversized', 1],
  ['validQuery', 7],
  ['validAwareness', 6],
];
const TOTAL_WEIGHT = KINDS.reduce((sum, [, weight]) => sum + weight, 0);

function pickKind(rng: Rng): FrameKind {
  let roll = rng() * TOTAL_WEIGHT;
  for (const [kind, weight] of KINDS) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return 'random';
}

const heapAfterGc = (): number => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

let relay: TestRelay;
beforeAll(async () => {
  relay = await startRelay({ maxFrameBytes: MAX_FRAME_BYTES });
});
afterAll(() => relay.close());

test('[relay-fuzz] 10,000 seeded bad frames: relay up, memory bounded, another plan syncs throughout', async () => {
  const rng = prng(SEED);
  const samples = sampleUpdates();
  const targets: CreatedPlan[] = [await relay.createPlan('empty'), await relay.createPlan('blekinge')];
  const bystander = await relay.createPlan('empty', 'Bredvid');
  const writer = new Y.Doc();
  const reader = new Y.Doc();
  await relay.syncedProvider(bystander.id, bystander.editToken, writer);
  await relay.syncedProvider(bystander.id, bystander.editToken, reader);

  // Warm up allocations (ws, yjs, sqlite statements) before the baseline.
  setPlanTitle(writer, alice, 'Uppvärmning');
  await waitFor(() => expect(readPlan(reader).meta.title).toBe('Uppvärmning'));
  const heapBefore = heapAfterGc();
  const rssBefore = process.memoryUsage().rss;

  const refusals = new Map<number, number>();
  const sentByKind = new Map<FrameKind, number>();
  let sent = 0;
  let sockets = 0;
  let syncChecks = 0;
  const started = Date.now();

  /** One socket: a token (usually right), a few frames back to back, then wait for its close or a short quiet. */
  async function fuzzSocket(): Promise<void> {
    const plan = pick(rng, targets);
    const token = pick(rng, [plan.editToken, plan.editToken, plan.editToken, plan.viewToken, 'fel']);
    const planId = rng() < 0.03 ? 'finns-inte-alls' : plan.id;
    const frames = Array.from({ length: int(rng, FRAMES_PER_SOCKET.min, FRAMES_PER_SOCKET.max) }, () => {
      const kind = pickKind(rng);
      sentByKind.set(kind, (sentByKind.get(kind) ?? 0) + 1);
      return makeFrame(rng, kind, samples);
    });
    const socket = relay.rawSocket(planId, token);
    const opened = await socket.opened.then(
      () => true,
      () => false,
    );
    if (opened) {
      for (const frame of frames) socket.ws.send(frame);
      sent += frames.length;
    }
    const code = await Promise.race([
      socket.closed,
      new Promise<undefined>((resolve) => setTimeout(resolve, 100)),
    ]);
    socket.ws.terminate();
    // A socket still open after its frames (only valid or ignored ones) is ended by us and not counted.
    if (code !== undefined) refusals.set(code, (refusals.get(code) ?? 0) + 1);
  }

  async function checkBystander(): Promise<void> {
    const title = `Synk ${++syncChecks}`;
    setPlanTitle(writer, alice, title);
    await waitFor(() => expect(readPlan(reader).meta.title).toBe(title), { timeout: SYNC_DEADLINE_MS });
    const health = await fetch(`${relay.url}/healthz`);
    expect(health.status).toBe(200);
  }

  while (sent < FRAMES) {
    await Promise.all(Array.from({ length: PARALLEL_SOCKETS }, () => fuzzSocket()));
    sockets += PARALLEL_SOCKETS;
    if (sockets % SYNC_EVERY < PARALLEL_SOCKETS) await checkBystander();
  }
  await checkBystander();

  const heapAfter = heapAfterGc();
  const rssAfter = process.memoryUsage().rss;
  const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  console.info(
    [
      `[relay-fuzz] seed ${SEED}: ${sent} frames over ${sockets} sockets in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      `frames by kind: ${JSON.stringify(Object.fromEntries(sentByKind))}`,
      `closes by code: ${JSON.stringify(Object.fromEntries([...refusals].sort(([a], [b]) => a - b)))}`,
      `bystander sync checks: ${syncChecks}`,
      `heap ${mib(heapBefore)} → ${mib(heapAfter)}, rss ${mib(rssBefore)} → ${mib(rssAfter)}`,
    ].join('\n'),
  );

  expect(sent).toBeGreaterThanOrEqual(FRAMES);
  // Vacuity guard: the bad frames really were refused, by the codes the contract names.
  expect(refusals.get(4400) ?? 0).toBeGreaterThan(100);
  expect(refusals.get(4401) ?? 0).toBeGreaterThan(0);
  expect(refusals.get(4413) ?? 0).toBeGreaterThan(0);
  // Nothing the fuzz sends may be an internal error: every bad frame has a named refusal.
  expect(refusals.get(1011) ?? 0).toBe(0);
  expect(syncChecks).toBeGreaterThanOrEqual(FRAMES / FRAMES_PER_SOCKET.max / SYNC_EVERY);
  expect(heapAfter - heapBefore).toBeLessThan(HEAP_BOUND_BYTES);
}, 90_000);
