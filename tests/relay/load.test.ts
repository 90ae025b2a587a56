// [relay-load] 500 stock y-websocket clients on 100 plans (5 each) edit at a steady rate for a bounded time against the
// real server in a child process: no update is lost, every plan's clients converge, and the store holds it all.
// Prints relay latency percentiles and the server's memory per loaded plan (read from /proc, so the 500 clients in
// this process do not count). The figures are printed, never asserted: speed is for the benchmarks.
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { expect, onTestFinished, test } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { openSqliteStorage } from '../../server/storage/sqlite.ts';
import { freePort, startChildRelay } from '../helpers/childRelay.ts';
import type { ChildRelay } from '../helpers/childRelay.ts';
import { waitFor } from '../helpers/waitFor.ts';

const PLANS = 100;
const CLIENTS_PER_PLAN = 5;
/** Edits per second per client, and how long the clients edit. */
const EDITS_PER_SECOND = 2;
const EDIT_SECONDS = 12;

interface Client {
  readonly plan: number;
  readonly index: number;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  sent: number;
}

/** The key of client `index`'s n-th edit; its value is the moment it was made (performance.now()). */
const keyOf = (index: number, n: number): string => `${index}-${n}`;
const editsOf = (doc: Y.Doc): Y.Map<number> => doc.getMap<number>('load');

/** Resident memory of process `pid` in bytes, from /proc. */
async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  if (kb === undefined) throw new Error('no VmRSS');
  return Number(kb) * 1024;
}

/** The server's used heap from its /metrics, when that answers (loopback may read it); else undefined. */
async function heapOf(url: string): Promise<number | undefined> {
  try {
    const response = await fetch(`${url}/metrics`);
    if (!response.ok) return undefined;
    const line = /samplan_process_memory_bytes\{kind="heap_used"\} (\d+(?:\.\d+)?(?:e\+\d+)?)/.exec(
      await response.text(),
    );
    return line?.[1] === undefined ? undefined : Number(line[1]);
  } catch {
    return undefined;
  }
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

test('[relay-load] 500 clients on 100 plans edit for 12 s: nothing lost, every plan converges, the store holds it all', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'samplan-load-'));
  const port = await freePort();
  const clients: Client[] = [];
  let relay: ChildRelay | undefined = await startChildRelay({ port, dataDir });
  let editing = true;
  const loops: Promise<void>[] = [];
  try {
    const plans: { id: string; editToken: string }[] = [];
    for (let p = 0; p < PLANS; p++) {
      const response = await fetch(`${relay.url}/api/plans`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: `Lastplan ${p + 1}`, template: 'empty' }),
      });
      expect(response.status).toBe(201);
      plans.push((await response.json()) as { id: string; editToken: string });
    }
    const rssIdle = await rssOf(relay.pid);
    const heapIdle = await heapOf(relay.url);

    const latencies: number[] = [];
    // In Node each stock provider adds a process 'exit' listener; 500 of them are expected here, not a leak.
    const listenerLimit = process.getMaxListeners();
    process.setMaxListeners(PLANS * CLIENTS_PER_PLAN + listenerLimit);
    onTestFinished(() => {
      process.setMaxListeners(listenerLimit);
    });
    for (const [p, plan] of plans.entries()) {
      for (let index = 0; index < CLIENTS_PER_PLAN; index++) {
        const doc = new Y.Doc();
        const provider = new WebsocketProvider(`${relay.url}/sync`, plan.id, doc, {
          params: { token: plan.editToken },
          WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
          disableBc: true,
          maxBackoffTime: 500,
        });
        // Relay latency: from the sender's edit to this client applying it (same process, same clock).
        editsOf(doc).observe((event) => {
          if (event.transaction.origin !== provider) return;
          const now = performance.now();
          for (const key of event.keysChanged) {
            const sentAt = editsOf(doc).get(key);
            if (sentAt !== undefined) latencies.push(now - sentAt);
          }
        });
        clients.push({ plan: p, index, doc, provider, sent: 0 });
      }
    }
    await waitFor(() => clients.every((client) => client.provider.synced), { timeout: 30_000 });
    const rssLoaded = await rssOf(relay.pid);
    const heapLoaded = await heapOf(relay.url);

    // The clients share this process's event loop: its delay is part of every latency measured here.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    // A steady rate: every client edits every 1/EDITS_PER_SECOND s, starting at a random offset.
    const period = 1000 / EDITS_PER_SECOND;
    const until = performance.now() + EDIT_SECONDS * 1000;
    for (const client of clients) {
      loops.push(
        (async () => {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * period));
          while (editing && performance.now() < until) {
            editsOf(client.doc).set(keyOf(client.index, client.sent), performance.now());
            client.sent += 1;
            await new Promise((resolve) => setTimeout(resolve, period));
          }
        })(),
      );
    }
    await Promise.all(loops);
    const sent = clients.reduce((sum, client) => sum + client.sent, 0);
    // The load really happened: timers on a busy 2-core CI machine drift, so half the planned rate is the floor.
    expect(sent).toBeGreaterThanOrEqual(PLANS * CLIENTS_PER_PLAN * EDITS_PER_SECOND * EDIT_SECONDS * 0.5);

    // No update lost: every client holds every edit made on its plan, and each plan's clients agree.
    const byPlan = plans.map((_, p) => clients.filter((client) => client.plan === p));
    const expectedKeys = byPlan.map((group) =>
      group.flatMap((client) => Array.from({ length: client.sent }, (_, n) => keyOf(client.index, n))),
    );
    await waitFor(
      () => clients.every((client) => editsOf(client.doc).size === (expectedKeys[client.plan]?.length ?? -1)),
      { timeout: 30_000 },
    );
    loopDelay.disable();
    const rssEdited = await rssOf(relay.pid);
    const heapEdited = await heapOf(relay.url);
    for (const [p, group] of byPlan.entries()) {
      const keys = expectedKeys[p] ?? [];
      for (const client of group) expect(keys.filter((key) => !editsOf(client.doc).has(key))).toEqual([]);
      const vectors = group.map((client) =>
        JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(client.doc))].sort()),
      );
      expect(new Set(vectors).size).toBe(1);
      const contents = group.map((client) =>
        JSON.stringify(Object.entries(editsOf(client.doc).toJSON()).sort()),
      );
      expect(new Set(contents).size).toBe(1);
    }

    // The store: the server stops (SIGTERM stores everything), then every plan is read back from the file.
    for (const client of clients) client.provider.destroy();
    expect(await relay.stop('SIGTERM')).toBe(0);
    relay = undefined;
    const storage = openSqliteStorage({ dataDir });
    try {
      for (const [p, plan] of plans.entries()) {
        const stored = new Y.Doc();
        for (const update of await storage.loadUpdates(plan.id)) Y.applyUpdate(stored, update);
        const keys = expectedKeys[p] ?? [];
        expect(keys.filter((key) => !editsOf(stored).has(key))).toEqual([]);
        expect(editsOf(stored).size).toBe(keys.length);
      }
    } finally {
      await storage.close();
    }

    const sorted = [...latencies].sort((a, b) => a - b);
    // Every edit reaches the 4 other clients of its plan.
    expect(latencies.length).toBeGreaterThanOrEqual(sent * (CLIENTS_PER_PLAN - 1) * 0.99);
    const heapText =
      heapIdle === undefined || heapLoaded === undefined || heapEdited === undefined
        ? 'heap n/a'
        : `heap used ${mib(heapIdle)} → ${mib(heapLoaded)} → ${mib(heapEdited)}, ` +
          `${kib((heapEdited - heapIdle) / PLANS)} per loaded plan after the edits`;
    console.log(
      `load: ${clients.length} clients on ${PLANS} plans, ${sent} updates sent in ${EDIT_SECONDS} s ` +
        `(${Math.round(sent / EDIT_SECONDS)}/s), ${latencies.length} deliveries; relay latency ` +
        `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, ` +
        `p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${(sorted.at(-1) ?? Number.NaN).toFixed(1)} ms ` +
        `(the clients' own event-loop delay: p95 ${(loopDelay.percentile(95) / 1e6).toFixed(1)} ms); ` +
        `server rss ${mib(rssIdle)} with no plan loaded → ${mib(rssLoaded)} with ${PLANS} plans and ` +
        `${clients.length} sockets → ${mib(rssEdited)} after the edits: ` +
        `${kib((rssLoaded - rssIdle) / PLANS)} per loaded plan (with its 5 sockets), ` +
        `${kib((rssEdited - rssIdle) / PLANS)} after the edits; ${heapText}`,
    );
  } finally {
    editing = false;
    await Promise.all(loops);
    for (const client of clients) client.provider.destroy();
    await relay?.stop('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
}, 90_000);
