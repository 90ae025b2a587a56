// A client process of the fan-out bench: opens one provider per simulated person on the plans it is given, edits at
// the given rate during the measured window, and times every edit's arrival at every other member of its plan.
// All members of a plan live in the same process, so one process can check its plans' deliveries by itself.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { WebsocketProvider } from 'y-websocket';
import { WebSocket } from 'ws';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { seededDoc } from '../../helpers/plans.ts';
import type { FromClients, PlanAssignment, SystemId, ToClients } from './protocol.ts';

/** The map every bench edit writes: key = the author's index in its plan, value = its latest edit. */
const EDITS = 'fanout';
const CONNECT_TIMEOUT_MS = 120_000;
/** y-protocols' Awareness renews a client's own presence once it is this old (half its 30 s timeout). */
const PRESENCE_RENEWAL_MS = 15_000;
/** How often y-protocols' Awareness checks whether its own presence is due for renewal (a tenth of 30 s). */
const PRESENCE_CHECK_MS = 3000;

interface EditValue {
  /** The author's sequence number, from 0. */
  readonly s: number;
  /** Send time, epoch ms with sub-ms precision (performance.timeOrigin + performance.now()). */
  readonly t: number;
}

/** What the bench needs of either provider. */
interface Provider {
  readonly awareness: Awareness;
  synced(): boolean;
  destroy(): void;
}

interface Client extends Provider {
  readonly doc: Y.Doc;
  readonly plan: PlanState;
  readonly member: number;
  /** Last sequence number seen from each member of the plan (−1: none yet). */
  readonly lastSeen: Int32Array;
  sent: number;
}

interface PlanState {
  readonly plan: PlanAssignment;
  readonly clients: Client[];
}

const now = (): number => performance.timeOrigin + performance.now();
const send = (message: FromClients): void => {
  process.send?.(message);
};

// Each stock y-websocket provider adds a process 'exit' listener; a thousand of them are expected here.
process.setMaxListeners(0);

/**
 * When the frame being handled reached its member's socket. Up to 49 members of a plan share this process, and
 * applying one edit to a Y.Doc costs about 0.25 ms here: timed after Yjs, the 49th member would wait ~12 ms for
 * the 48 ahead of it, which a person on their own computer does not. So each frame is timed as its socket hands
 * it over, and handed to the provider (and Yjs) in a setImmediate right after, in arrival order.
 */
let arrival: number | undefined;
const handOver: (() => void)[] = [];
function runHandOver(): void {
  for (const task of handOver.splice(0)) {
    try {
      task();
    } catch (error) {
      send({
        type: 'error',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  }
}

type Listener = (this: WebSocket, event: unknown) => void;
type Listen = (type: string, listener: Listener, options?: unknown) => void;
const timedListeners = new WeakMap<Listener, Listener>();

/** ws's WebSocket with message listeners (y-websocket's onmessage, Hocuspocus' addEventListener) timed as above. */
class TimedWebSocket extends WebSocket {}
{
  const proto = TimedWebSocket.prototype as unknown as {
    addEventListener: Listen;
    removeEventListener: Listen;
  };
  const base = WebSocket.prototype as unknown as { addEventListener: Listen; removeEventListener: Listen };
  proto.addEventListener = function (this: WebSocket, type, listener, options) {
    if (type !== 'message') return base.addEventListener.call(this, type, listener, options);
    const timed: Listener = function (this: WebSocket, event) {
      const at = now();
      if (handOver.length === 0) setImmediate(runHandOver);
      handOver.push(() => {
        arrival = at;
        try {
          listener.call(this, event);
        } finally {
          arrival = undefined;
        }
      });
    };
    timedListeners.set(listener, timed);
    base.addEventListener.call(this, type, timed, options);
  };
  proto.removeEventListener = function (this: WebSocket, type, listener, options) {
    base.removeEventListener.call(this, type, timedListeners.get(listener) ?? listener, options);
  };
}

const plans: PlanState[] = [];
let latencies: number[] = [];
/** The same deliveries timed once Yjs has applied them (including the wait behind other members in this process). */
let applied: number[] = [];
let sentAt: number[] = [];
let received = 0;
let outOfOrder = 0;
let measuring = false;

/** Opens the provider the system's own documentation uses in Node: stock y-websocket, or Hocuspocus' own. */
function openProvider(system: SystemId, url: string, plan: PlanAssignment, doc: Y.Doc): Provider {
  if (system === 'hocuspocus') {
    // Node 20 has no global WebSocket: Hocuspocus takes ws as its polyfill (passed on to its socket).
    const config = { url, name: plan.id, document: doc, WebSocketPolyfill: TimedWebSocket };
    const provider = new HocuspocusProvider(config);
    const awareness = provider.awareness;
    if (awareness === null) throw new Error('HocuspocusProvider without awareness');
    return { awareness, synced: () => provider.synced, destroy: () => provider.destroy() };
  }
  const provider = new WebsocketProvider(`${url}/sync`, plan.id, doc, {
    params: { token: plan.token },
    WebSocketPolyfill: TimedWebSocket as unknown as typeof globalThis.WebSocket,
    // Members of one plan share this process: BroadcastChannel would let them skip the relay.
    disableBc: true,
  });
  return { awareness: provider.awareness, synced: () => provider.synced, destroy: () => provider.destroy() };
}

function openClient(
  system: SystemId,
  url: string,
  state: PlanState,
  member: number,
  seed?: Uint8Array,
): Client {
  const doc = new Y.Doc();
  if (seed !== undefined) Y.applyUpdate(doc, seed);
  const edits = doc.getMap<EditValue>(EDITS);
  const client: Client = {
    doc,
    plan: state,
    member,
    lastSeen: new Int32Array(state.plan.members).fill(-1),
    sent: 0,
    ...openProvider(system, url, state.plan, doc),
  };
  edits.observe((event, transaction) => {
    if (transaction.local) return;
    const appliedAt = now();
    const at = arrival ?? appliedAt;
    for (const key of event.keysChanged) {
      const value = edits.get(key);
      const author = Number(key);
      if (value === undefined || !(author >= 0 && author < client.lastSeen.length)) continue;
      const last = client.lastSeen[author] ?? -1;
      if (value.s !== last + 1) outOfOrder++;
      if (value.s > last) client.lastSeen[author] = value.s;
      received++;
      if (measuring) {
        latencies.push(at - value.t);
        applied.push(appliedAt - value.t);
        sentAt.push(value.t);
      }
    }
  });
  return client;
}

/** True once the client has the plan's document: synced with the relay and holding the template's title. */
const hasPlan = (client: Client): boolean =>
  client.synced() && typeof client.doc.getMap('meta').get('title') === 'string';

async function setup(message: Extract<ToClients, { type: 'setup' }>): Promise<void> {
  const seed = message.seedFromClient ? Y.encodeStateAsUpdate(seededDoc('jamtland-harjedalen')) : undefined;
  // Each provider's Awareness checks whether to renew every 3 s from the moment it is made. Made in one loop, all
  // of them would check on the same tick and every renewal would come in a wave on it; people open the plan at
  // different moments, so each client is opened at a random moment of one check period.
  const opening: Promise<void>[] = [];
  for (const plan of message.plans) {
    const state: PlanState = { plan, clients: [] };
    plans.push(state);
    for (let member = 0; member < plan.members; member++) {
      const open = (): void => {
        state.clients.push(
          openClient(message.system, message.url, state, member, member === 0 ? seed : undefined),
        );
      };
      opening.push(
        new Promise((resolve, reject) =>
          setTimeout(() => {
            try {
              resolve(open());
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          }, Math.random() * PRESENCE_CHECK_MS),
        ),
      );
    }
  }
  await Promise.all(opening);
  const all = plans.flatMap((state) => state.clients);
  const deadline = Date.now() + CONNECT_TIMEOUT_MS;
  while (!all.every(hasPlan)) {
    if (Date.now() > deadline) {
      throw new Error(`${all.filter((c) => !hasPlan(c)).length} of ${all.length} clients not synced in time`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  // Every provider renews its presence 15 s after the last renewal (y-protocols' Awareness, both providers). Opened
  // within a few seconds of each other, they would all renew at once, a burst no real office produces: set each
  // one's last renewal to a random moment of the past 15 s, as if its person had arrived at a random time.
  for (const client of all) {
    const meta = client.awareness.meta.get(client.doc.clientID);
    if (meta !== undefined) meta.lastUpdated = Date.now() - Math.random() * PRESENCE_RENEWAL_MS;
  }
  send({ type: 'connected', clients: all.length });
}

/** Sends edits during the window, waits for their deliveries, and reports. */
async function run(message: Extract<ToClients, { type: 'start' }>): Promise<void> {
  const { at, windowMs, meanIntervalMs, drainMs } = message;
  const end = at + windowMs;
  const all = plans.flatMap((state) => state.clients);
  const interval = (): number => meanIntervalMs * (0.5 + Math.random());
  const edit = (client: Client): void => {
    const value: EditValue = { s: client.sent, t: now() };
    client.sent++;
    client.doc.getMap<EditValue>(EDITS).set(String(client.member), value);
  };
  const schedule = (client: Client, when: number): void => {
    if (when >= end) return;
    setTimeout(
      () => {
        edit(client);
        schedule(client, when + interval());
      },
      Math.max(0, when - Date.now()),
    );
  };
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
  latencies = [];
  applied = [];
  sentAt = [];
  received = 0;
  outOfOrder = 0;
  measuring = true;
  loopDelay.enable();
  const cpuBefore = process.cpuUsage();
  // The first edit of each client falls uniformly in the first mean interval, so edits do not come in waves.
  for (const client of all) schedule(client, at + Math.random() * meanIntervalMs);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, end - Date.now())));
  const cpu = process.cpuUsage(cpuBefore);
  loopDelay.disable();
  // Every member must have seen every other member's last edit (sequences are checked as they arrive).
  const complete = (): boolean =>
    all.every((client) =>
      client.plan.clients.every(
        (author) => author === client || client.lastSeen[author.member] === author.sent - 1,
      ),
    );
  const drainUntil = Date.now() + drainMs;
  while (!complete() && Date.now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 20));
  measuring = false;
  const edits = all.reduce((sum, client) => sum + client.sent, 0);
  const expected = all.reduce((sum, client) => sum + client.sent * (client.plan.plan.members - 1), 0);
  send({
    type: 'done',
    latencies: Float64Array.from(latencies),
    applied: Float64Array.from(applied),
    sentAt: Float64Array.from(sentAt),
    edits,
    expected,
    received,
    outOfOrder,
    cpuMs: (cpu.user + cpu.system) / 1000,
    loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
  });
}

function close(): void {
  for (const state of plans) for (const client of state.clients) client.destroy();
  // Let the close frames go out before the process ends.
  setTimeout(() => process.exit(0), 200);
}

process.on('message', (message: ToClients) => {
  const task = message.type === 'setup' ? setup(message) : message.type === 'start' ? run(message) : close();
  Promise.resolve(task).catch((error: unknown) => {
    send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  });
});
// The parent may vanish (a failed run): do not linger with a thousand sockets open.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
