// [relay-crash-repeat] The relay is SIGKILLed 21 times in one run: right after storing an update (before relaying it),
// inside a compaction's transaction, and at random moments of an edit storm with constant compactions.
// After every kill, whatever any client received from the relay is in the store, and the store's compacted
// updates and its history agree; at the end every edit any client made is in the store and in every client.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { openSqliteStorage } from '../../server/storage/sqlite.ts';
import { freePort, startChildRelay } from '../helpers/childRelay.ts';
import type { ChildRelay } from '../helpers/childRelay.ts';
import { waitFor } from '../helpers/waitFor.ts';

const CLIENTS = 3;
/** Kills in one run: each of the three kinds seven times. */
const ROUNDS = 21;
/** Compact after this many stored updates, so compactions run all the time. */
const COMPACT_AFTER = 5;
/** Each client makes one edit every EDIT_MS to 2×EDIT_MS ms, connected or not. */
const EDIT_MS = 15;
/** How long a crash hook may take to fire before the test kills the relay itself (counted, not a failure). */
const HOOK_WAIT_MS = 4000;

type Kind = 'after-store' | 'during-compaction' | 'random-moment';
const KINDS: readonly Kind[] = ['after-store', 'during-compaction', 'random-moment'];

interface Client {
  readonly index: number;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  sent: number;
}

/** The key a client's n-th edit writes (n from 0); no one else ever writes it. */
const keyOf = (client: number, n: number): string => `c${client}-${n}`;
const editsOf = (doc: Y.Doc): Y.Map<number> => doc.getMap<number>('crash');

const randomInt = (below: number): number => Math.floor(Math.random() * below);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** What the store holds for the plan: the live (compacted) updates and the history, each as the set of edit keys. */
async function readStore(
  dataDir: string,
  planId: string,
): Promise<{ live: Set<string>; history: Set<string> }> {
  const storage = openSqliteStorage({ dataDir });
  try {
    const live = new Y.Doc();
    for (const update of await storage.loadUpdates(planId)) Y.applyUpdate(live, update);
    const history = new Y.Doc();
    const state = await storage.stateAt(planId, new Date(Date.now() + 60_000).toISOString());
    if (state !== null) Y.applyUpdate(history, state);
    return { live: new Set(editsOf(live).keys()), history: new Set(editsOf(history).keys()) };
  } finally {
    await storage.close();
  }
}

test('[relay-crash-repeat] 21 SIGKILLs (after store, inside compaction, random moments): nothing relayed or sent is lost', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'samplan-crash-repeat-'));
  const port = await freePort();
  const clients: Client[] = [];
  let relay: ChildRelay | undefined;
  let editing = true;
  const loops: Promise<void>[] = [];
  const fired: Record<Kind, number> = { 'after-store': 0, 'during-compaction': 0, 'random-moment': 0 };
  /** Edits found in some client other than their writer, after some kill: each was checked against the store. */
  const relayedChecked = new Set<string>();
  const started = Date.now();
  try {
    relay = await startChildRelay({ port, dataDir });
    const created = await fetch(`${relay.url}/api/plans`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Upprepad krock', template: 'empty' }),
    });
    expect(created.status).toBe(201);
    const plan = (await created.json()) as { id: string; editToken: string };
    await relay.stop('SIGTERM');
    relay = undefined;

    for (let index = 0; index < CLIENTS; index++) {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, plan.id, doc, {
        params: { token: plan.editToken },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        maxBackoffTime: 100,
        connect: false,
      });
      const client: Client = { index, doc, provider, sent: 0 };
      clients.push(client);
      // Edits go on whether or not the relay is up: those made while it is down are sent on reconnect.
      loops.push(
        (async () => {
          while (editing) {
            editsOf(doc).set(keyOf(index, client.sent), Date.now());
            client.sent += 1;
            await sleep(EDIT_MS * (1 + Math.random()));
          }
        })(),
      );
    }

    for (let round = 0; round < ROUNDS; round++) {
      const kind = KINDS[round % KINDS.length] ?? 'random-moment';
      const hook =
        kind === 'after-store'
          ? `after-store:${5 + randomInt(60)}`
          : kind === 'during-compaction'
            ? `during-compaction:${1 + randomInt(12)}`
            : undefined;
      relay = await startChildRelay({
        port,
        dataDir,
        env: {
          SAMPLAN_COMPACT_AFTER: String(COMPACT_AFTER),
          ...(hook === undefined ? {} : { SAMPLAN_TEST_CRASH_POINT: hook }),
        },
      });
      const exited = relay.exited;
      for (const client of clients) client.provider.connect();
      if (hook === undefined) {
        await Promise.race([
          exited,
          waitFor(() => clients.every((c) => c.provider.synced), { timeout: 10_000 }),
        ]);
        await sleep(30 + randomInt(400));
        expect(await relay.stop('SIGKILL')).toBeNull();
        fired[kind] += 1;
      } else {
        const code = await Promise.race([exited, sleep(HOOK_WAIT_MS).then(() => 'late' as const)]);
        if (code === 'late') {
          expect(await relay.stop('SIGKILL')).toBeNull();
        } else {
          expect(code, relay.output()).toBeNull();
          fired[kind] += 1;
        }
      }
      relay = undefined;
      // Stop reconnecting while the store is read; edits keep piling up offline.
      for (const client of clients) client.provider.disconnect();
      await waitFor(() => clients.every((c) => !c.provider.wsconnected));

      // Durable before relayed: whatever a client got from another client came through the relay, so it is stored.
      const store = await readStore(dataDir, plan.id);
      const relayed = clients.flatMap((client) =>
        [...editsOf(client.doc).keys()].filter((key) => !key.startsWith(`c${client.index}-`)),
      );
      expect(relayed.filter((key) => !store.live.has(key))).toEqual([]);
      // Compaction is atomic: the compacted live updates and the never-compacted history hold the same edits.
      expect([...store.live].sort()).toEqual([...store.history].sort());
      for (const key of relayed) relayedChecked.add(key);
    }

    // A last, clean run: everyone reconnects, the storm stops, and all converge on the store.
    relay = await startChildRelay({ port, dataDir, env: { SAMPLAN_COMPACT_AFTER: String(COMPACT_AFTER) } });
    for (const client of clients) client.provider.connect();
    editing = false;
    await Promise.all(loops);
    const sent = clients.reduce((sum, client) => sum + client.sent, 0);
    const expected = clients.flatMap((client) =>
      Array.from({ length: client.sent }, (_, n) => keyOf(client.index, n)),
    );
    await waitFor(() => clients.every((client) => editsOf(client.doc).size === sent), { timeout: 20_000 });
    expect(await relay.stop('SIGTERM')).toBe(0);
    relay = undefined;
    const store = await readStore(dataDir, plan.id);
    for (const client of clients) {
      const keys = editsOf(client.doc);
      expect(expected.filter((key) => !keys.has(key))).toEqual([]);
    }
    expect(expected.filter((key) => !store.live.has(key))).toEqual([]);
    expect(expected.filter((key) => !store.history.has(key))).toEqual([]);

    const kills = fired['after-store'] + fired['during-compaction'] + fired['random-moment'];
    expect(kills + (ROUNDS - kills)).toBe(ROUNDS);
    // Most hooks fire well within their wait; a few late ones are killed by the test instead (still a kill).
    expect(fired['after-store']).toBeGreaterThanOrEqual(5);
    expect(fired['during-compaction']).toBeGreaterThanOrEqual(5);
    console.log(
      `crash repeat: ${ROUNDS} SIGKILLs in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
        `(hook after store: ${fired['after-store']}, hook inside compaction: ${fired['during-compaction']}, ` +
        `random moment: ${fired['random-moment']}, hooks that did not fire in time and were killed by the test: ` +
        `${ROUNDS - kills}); ${relayedChecked.size} relayed edits checked against the store after the kills; ` +
        `${sent} edits sent by ${CLIENTS} clients, all ${sent} in the store, its history and every client`,
    );
  } finally {
    editing = false;
    await Promise.all(loops);
    for (const client of clients) client.provider.destroy();
    await relay?.stop('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
}, 90_000);
