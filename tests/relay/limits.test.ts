// [relay-limits] Each limit refuses with its own code or status and a log line; other plans never notice.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import {
  CLOSE_ADDRESS_CROWDED,
  CLOSE_BAD_TOKEN,
  CLOSE_PLAN_CROWDED,
  CLOSE_PLAN_TOO_LARGE,
  CLOSE_TOO_LARGE,
  CLOSE_TOO_MANY_MESSAGES,
} from '../../server/closeCodes.ts';
import type { LogFields, Logger } from '../../server/log.ts';
import { openSqliteStorage } from '../../server/storage/sqlite.ts';
import type { Storage } from '../../server/storage/types.ts';
import { setPlanTitle } from '../../src/model/meta.ts';
import { readPlan } from '../../src/model/plan.ts';
import { queryAwarenessFrame, updateFrame } from '../helpers/frames.ts';
import { alice } from '../helpers/plans.ts';
import { closeCodeOf, maskedFrame, rawUpgrade, serverFrames, statusOf } from '../helpers/rawUpgrade.ts';
import { closedWith, startRelay } from '../helpers/startRelay.ts';
import type { CreatedPlan, RelayOptions, TestRelay } from '../helpers/startRelay.ts';
import { waitFor } from '../helpers/waitFor.ts';

interface LogLine {
  readonly level: string;
  readonly msg: string;
  readonly fields: LogFields;
}

/** A logger that keeps every line, to check that each refusal is logged and that no token ever is. */
function recordingLogger(): { log: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: string) =>
    (msg: string, fields: LogFields = {}): void => {
      lines.push({ level, msg, fields });
    };
  return { log: { info: at('info'), warn: at('warn'), error: at('error') }, lines };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function relayWith(
  options: RelayOptions,
  dataDir?: string,
): Promise<{ relay: TestRelay; lines: LogLine[] }> {
  const { log, lines } = recordingLogger();
  const relay = await startRelay({ ...options, log }, dataDir);
  cleanups.push(() => relay.close());
  return { relay, lines };
}

/** A line mentioning neither token of `plan`: tokens never reach a log. */
function expectNoTokens(lines: readonly LogLine[], plan: CreatedPlan): void {
  const text = JSON.stringify(lines);
  expect(text).not.toContain(plan.editToken);
  expect(text).not.toContain(plan.viewToken);
}

/** Two synced providers on a plan of their own: an edit in one must reach the other (the plan nobody refused). */
async function bystanders(relay: TestRelay): Promise<(title: string) => Promise<void>> {
  const plan = await relay.createPlan('empty', 'Grannplan');
  const writer = new Y.Doc();
  const reader = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, writer);
  await relay.syncedProvider(plan.id, plan.editToken, reader);
  return async (title) => {
    setPlanTitle(writer, alice, title);
    await waitFor(() => expect(readPlan(reader).meta.title).toBe(title));
  };
}

/** A raw `ws` socket whose connection comes from `localAddress` (any 127.x.y.z is this machine's loopback). */
function socketFrom(relay: TestRelay, planId: string, token: string, localAddress: string) {
  const ws = new WebSocket(`${relay.url.replace(/^http/, 'ws')}/sync/${planId}?token=${token}`, {
    localAddress,
  });
  ws.on('error', () => {});
  cleanups.push(async () => ws.terminate());
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  const opened = new Promise<boolean>((resolve) => {
    ws.once('open', () => resolve(true));
    ws.once('close', () => resolve(false));
  });
  return { ws, closed, opened };
}

test('[relay-4413] a frame far beyond the limit is refused from its header with 4413, not ws’s 1009', async () => {
  const { relay, lines } = await relayWith({});
  const stillSyncing = await bystanders(relay);
  const plan = await relay.createPlan('empty');
  const socket = relay.rawSocket(plan.id, plan.editToken);
  await socket.opened;
  // 17 MiB: above the default 4 MiB limit and above the 16 MiB hard cap ws was given before.
  socket.ws.send(new Uint8Array(17 * 1024 * 1024));
  expect(await socket.closed).toBe(CLOSE_TOO_LARGE);
  expect(lines.some((line) => line.msg === 'frame too large')).toBe(true);
  await stillSyncing('Efter den stora ramen');
  expectNoTokens(lines, plan);
});

/** A relay on SQLite whose token checks wait while `hold()` is in force, so early bytes arrive before the decision. */
async function gatedRelay(options: RelayOptions = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'samplan-limits-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  let held: Promise<void> = Promise.resolve();
  const storage = openSqliteStorage({ dataDir: dir });
  const gated = new Proxy(storage, {
    get(target, prop, receiver) {
      if (prop === 'roleForToken')
        return async (id: string, token: string) => {
          await held;
          return target.roleForToken(id, token);
        };
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) satisfies Storage;
  const { relay, lines } = await relayWith({ ...options, storage: gated }, dir);
  /** Holds every token check from now on; returns the function that lets them go. */
  const hold = (): (() => void) => {
    let release = (): void => {};
    held = new Promise<void>((resolve) => (release = resolve));
    return release;
  };
  return { relay, lines, hold };
}

test('[relay-limits-preauth] bytes beyond the pre-auth cap, sent before access is decided, get HTTP 413', async () => {
  const { relay, lines, hold } = await gatedRelay({ limits: { maxPreAuthBytes: 4096 } });
  const stillSyncing = await bystanders(relay);
  const plan = await relay.createPlan('empty');
  const release = hold();
  const flood = rawUpgrade(relay.url, `/sync/${plan.id}?token=${plan.editToken}`, new Uint8Array(8192));
  await flood.ended;
  expect(statusOf(flood.received())).toBe(413);
  expect(lines.some((line) => line.msg === 'upgrade refused' && line.fields.status === 413)).toBe(true);
  release();
  await stillSyncing('Efter för många tidiga bytes');
  // Under the cap, early bytes are no reason to refuse.
  const polite = rawUpgrade(relay.url, `/sync/${plan.id}?token=${plan.editToken}`, new Uint8Array(0));
  await waitFor(() => expect(statusOf(polite.received())).toBe(101));
  polite.socket.destroy();
  expectNoTokens(lines, plan);
});

test('[relay-limits-preauth] frames sent before the decision are read only after it, and not at all when refused', async () => {
  const { relay, hold } = await gatedRelay();
  const plan = await relay.createPlan('empty', 'Orörd');
  const intruder = new Y.Doc();
  intruder.getMap('meta').set('title', 'Inkräktare');
  const early = Buffer.concat([maskedFrame(updateFrame(Y.encodeStateAsUpdate(intruder)))]);

  // A wrong token with an update behind it: refused with 4401, the update never read.
  let release = hold();
  const wrong = rawUpgrade(relay.url, `/sync/${plan.id}?token=fel-nyckel-${'x'.repeat(20)}`, early);
  await new Promise((resolve) => setTimeout(resolve, 100)); // the early bytes are in before the decision
  expect(wrong.received().length).toBe(0);
  release();
  await waitFor(() => expect(closeCodeOf(wrong.received())).toBe(CLOSE_BAD_TOKEN));

  // The right token with a query behind it: the query is answered, after the 101.
  release = hold();
  const right = rawUpgrade(
    relay.url,
    `/sync/${plan.id}?token=${plan.editToken}`,
    maskedFrame(queryAwarenessFrame()),
  );
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(right.received().length).toBe(0);
  release();
  await waitFor(() => {
    expect(statusOf(right.received())).toBe(101);
    // Greeting (sync step 1) and the awareness answer to the early query, which was read only after the 101.
    expect(serverFrames(right.received()).some((frame) => frame.payload[0] === 1)).toBe(true);
  });
  right.socket.destroy();

  const doc = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, doc);
  expect(readPlan(doc).meta.title).toBe('Orörd');
});

test('[relay-4529] a socket that sends faster than its rate (past its burst) is closed with 4529', async () => {
  const { relay, lines } = await relayWith({ limits: { messages: { perSecond: 5, burst: 40 } } });
  const stillSyncing = await bystanders(relay);
  const plan = await relay.createPlan('empty');
  const flooder = relay.rawSocket(plan.id, plan.editToken);
  await flooder.opened;
  for (let i = 0; i < 200; i++) flooder.ws.send(queryAwarenessFrame());
  expect(await flooder.closed).toBe(CLOSE_TOO_MANY_MESSAGES);
  expect(lines.some((line) => line.msg === 'too many messages')).toBe(true);
  await stillSyncing('Efter floden');

  // A burst within the allowance (a stock client's opening messages plus edits) is not refused.
  const doc = new Y.Doc();
  const provider = await relay.syncedProvider(plan.id, plan.editToken, doc);
  for (let i = 0; i < 20; i++) setPlanTitle(doc, alice, `Titel ${i}`);
  const witness = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, witness);
  await waitFor(() => expect(readPlan(witness).meta.title).toBe('Titel 19'));
  expect(provider.wsconnected).toBe(true);
  expectNoTokens(lines, plan);
});

test('[relay-4530] a plan at its socket limit refuses the next socket with 4530 until one leaves', async () => {
  const { relay, lines } = await relayWith({ limits: { maxConnectionsPerPlan: 2 } });
  const stillSyncing = await bystanders(relay);
  const plan = await relay.createPlan('empty');
  const first = await relay.syncedProvider(plan.id, plan.editToken);
  await relay.syncedProvider(plan.id, plan.editToken);
  const third = relay.rawSocket(plan.id, plan.editToken);
  expect(await third.closed).toBe(CLOSE_PLAN_CROWDED);
  expect(lines.some((line) => line.msg === 'socket refused' && line.fields.code === CLOSE_PLAN_CROWDED)).toBe(
    true,
  );
  await stillSyncing('Medan planen är full');

  // A socket that leaves gives its place back.
  first.destroy();
  await waitFor(async () => {
    const again = relay.rawSocket(plan.id, plan.editToken);
    const opened = await again.opened.then(
      () => true,
      () => false,
    );
    const code = await Promise.race([again.closed, new Promise((resolve) => setTimeout(resolve, 150))]);
    again.ws.terminate();
    return opened && code === undefined;
  });
  expectNoTokens(lines, plan);
});

test('[relay-4531] an address at its socket limit gets 4531; other addresses and plans keep syncing', async () => {
  const { relay, lines } = await relayWith({ limits: { maxConnectionsPerAddress: 3 } });
  // The bystanders connect from 127.0.0.1; the crowding client from 127.0.0.2.
  const stillSyncing = await bystanders(relay);
  const plan = await relay.createPlan('empty');
  const held = [1, 2, 3].map(() => socketFrom(relay, plan.id, plan.editToken, '127.0.0.2'));
  expect(await Promise.all(held.map((socket) => socket.opened))).toEqual([true, true, true]);
  const fourth = socketFrom(relay, plan.id, plan.editToken, '127.0.0.2');
  expect(await fourth.closed).toBe(CLOSE_ADDRESS_CROWDED);
  expect(
    lines.some((line) => line.msg === 'socket refused' && line.fields.code === CLOSE_ADDRESS_CROWDED),
  ).toBe(true);
  await stillSyncing('Medan adressen är full');
  const doc = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, doc); // same plan, from 127.0.0.1

  held[0]?.ws.close();
  await held[0]?.closed;
  await waitFor(async () => {
    const again = socketFrom(relay, plan.id, plan.editToken, '127.0.0.2');
    const opened = await again.opened;
    const code = await Promise.race([again.closed, new Promise((resolve) => setTimeout(resolve, 150))]);
    again.ws.terminate();
    return opened && code === undefined;
  });
  expectNoTokens(lines, plan);
});

test('[relay-4414] an update that would make the plan larger than its limit is refused, not stored, not relayed', async () => {
  const limit = 64 * 1024;
  const { relay, lines } = await relayWith({ limits: { maxPlanBytes: limit } });
  const stillSyncing = await bystanders(relay);
  const plan = await relay.createPlan('empty', 'Växande');
  const writerDoc = new Y.Doc();
  const writer = await relay.syncedProvider(plan.id, plan.editToken, writerDoc);
  const witness = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, witness);

  // Under the limit: accepted.
  writerDoc.getMap('meta').set('note', 'a'.repeat(limit / 2));
  await waitFor(() => expect(witness.getMap('meta').get('note')).toHaveLength(limit / 2));
  // Each frame is well under the frame limit, but together they pass the plan limit.
  const refused = closedWith(writer);
  writerDoc.getMap('meta').set('more', 'b'.repeat(limit / 2));
  expect(await refused).toBe(CLOSE_PLAN_TOO_LARGE);
  expect(lines.some((line) => line.msg === 'plan too large')).toBe(true);
  await stillSyncing('Medan planen är full');
  expect(witness.getMap('meta').has('more')).toBe(false);

  await relay.restart({ limits: { maxPlanBytes: limit } });
  const reloaded = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, reloaded);
  expect(reloaded.getMap('meta').get('note')).toHaveLength(limit / 2);
  expect(reloaded.getMap('meta').has('more')).toBe(false);
  expectNoTokens(lines, plan);
});
