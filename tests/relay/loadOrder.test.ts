// [relay-load] The relay answers no one before a plan's stored state has loaded, and unloads only after its last update is stored.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import { afterEach, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startServer } from '../../server/app.ts';
import type { RunningServer } from '../../server/app.ts';
import type { LogFields, Logger } from '../../server/log.ts';
import { openSqliteStorage } from '../../server/storage/sqlite.ts';
import type { Storage } from '../../server/storage/types.ts';
import { readPlan } from '../../src/model/plan.ts';
import { waitFor } from '../helpers/waitFor.ts';

/** A gate a test opens by hand. */
function gate(): { promise: Promise<void>; open(): void } {
  let open = (): void => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const events: string[] = [];
const logger: Logger = {
  info: (msg: string, _fields?: LogFields) => events.push(msg),
  warn: () => {},
  error: (msg: string) => events.push(`error: ${msg}`),
};

let server: RunningServer | undefined;
let dataDir: string | undefined;
const providers: WebsocketProvider[] = [];
afterEach(async () => {
  for (const provider of providers.splice(0)) provider.destroy();
  await server?.close();
  if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  events.length = 0;
});

/** SQLite storage whose loadUpdates/appendUpdate wait for gates, and note when they finish. */
function gatedStorage(inner: Storage, gates: { load?: Promise<void>; append?: Promise<void> }): Storage {
  return {
    ...inner,
    createPlan: (...args) => inner.createPlan(...args),
    planExists: (id) => inner.planExists(id),
    roleForToken: (id, token) => inner.roleForToken(id, token),
    compact: (id) => inner.compact(id),
    listHistory: (id, query) => inner.listHistory(id, query),
    stateAt: (id, at) => inner.stateAt(id, at),
    healthy: () => inner.healthy(),
    close: () => inner.close(),
    async loadUpdates(id) {
      events.push('load started');
      await gates.load;
      return inner.loadUpdates(id);
    },
    async appendUpdate(id, update, author) {
      events.push('append started');
      await gates.append;
      await inner.appendUpdate(id, update, author);
      events.push('append stored');
    },
  };
}

async function start(gates: { load?: Promise<void>; append?: Promise<void> }) {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'samplan-load-'));
  const storage = gatedStorage(openSqliteStorage({ dataDir }), gates);
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, storage, log: logger });
  const response = await fetch(`${server.url}/api/plans`, {
    method: 'POST',
    body: JSON.stringify({ title: 'Laddas', template: 'blekinge' }),
  });
  return {
    running: server,
    plan: (await response.json()) as { id: string; editToken: string; viewToken: string },
  };
}

function provider(url: string, planId: string, token: string, doc: Y.Doc): WebsocketProvider {
  const created = new WebsocketProvider(`${url}/sync`, planId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  providers.push(created);
  return created;
}

test('[relay-load] while the plan loads, the relay holds messages and answers nobody; then it answers all of them', async () => {
  const load = gate();
  const { running, plan } = await start({ load: load.promise });
  const ws = new WebSocket(`${running.url.replace(/^http/, 'ws')}/sync/${plan.id}?token=${plan.editToken}`);
  const frames: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
  await new Promise((resolve) => ws.once('open', resolve));
  // Sync step 1 with an empty state vector: "send me everything".
  ws.send(new Uint8Array([0, 0, 1, 0]));
  await waitFor(() => events.includes('load started'));
  await new Promise((resolve) => setTimeout(resolve, 100)); // give a wrong relay the chance to answer early
  expect(frames).toHaveLength(0);

  load.open();
  await waitFor(() => frames.length >= 2);
  // The greeting (relay's sync step 1) comes first, then the answer to our step 1 (step 2 with the plan).
  const kinds = frames.map((frame) => {
    const decoder = decoding.createDecoder(frame);
    return `${decoding.readVarUint(decoder)}/${decoding.readVarUint(decoder)}`;
  });
  expect(kinds.slice(0, 2)).toEqual(['0/0', '0/1']);
  ws.terminate();
});

test('[relay-load] a plan unloads only after the last update of its last socket is stored', async () => {
  const append = gate();
  const { running, plan } = await start({ append: append.promise });
  const doc = new Y.Doc();
  const writer = provider(running.url, plan.id, plan.editToken, doc);
  await waitFor(() => writer.synced);
  doc.getMap('meta').set('title', 'Sista ändringen');
  await waitFor(() => events.includes('append started'));
  writer.destroy();
  await waitFor(() => events.includes('socket left'));
  await new Promise((resolve) => setTimeout(resolve, 100)); // a wrong relay would unload now
  expect(events).not.toContain('plan unloaded');

  append.open();
  await waitFor(() => events.includes('plan unloaded'));
  expect(events.indexOf('append stored')).toBeLessThan(events.indexOf('plan unloaded'));

  const reader = new Y.Doc();
  const late = provider(running.url, plan.id, plan.viewToken, reader);
  await waitFor(() => late.synced);
  expect(readPlan(reader).meta.title).toBe('Sista ändringen');
});
