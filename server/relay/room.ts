// One loaded plan: its doc, awareness and sockets; applies the relay rules to every message, one at a time.
import { Awareness, applyAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { applyUpdateTo, checkPeerUpdate, destroyPlanDoc, newPlanDoc } from '../../src/model/docs.ts';
import type { PlanDoc } from '../../src/model/docs.ts';
import type { Role } from '../auth.ts';
import {
  CLOSE_INTERNAL_ERROR,
  CLOSE_MALFORMED,
  CLOSE_PLAN_TOO_LARGE,
  CLOSE_VIEWER_WROTE,
} from '../closeCodes.ts';
import type { Logger } from '../log.ts';
import { errorText } from '../log.ts';
import type { Storage } from '../storage/types.ts';
import { crashPoint } from '../testCrash.ts';
import { AckScheduler } from './acks.ts';
import { Connection } from './connection.ts';
import { PlanSize } from './planSize.ts';
import {
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  isEmptyUpdate,
  MalformedMessage,
} from './protocol.ts';
import type { ClientMessage, ClientMessageKind } from './protocol.ts';

/** The transaction origin of updates the relay applies, naming the socket they came from. */
export interface RelayOrigin {
  readonly kind: 'relay';
  readonly connectionId: number;
}

type Handler<K extends ClientMessageKind> = (
  room: Room,
  connection: Connection,
  message: Extract<ClientMessage, { kind: K }>,
) => Promise<void> | void;

/** What the relay does with each kind of message (y-websocket's `messageHandlers`, plus the role rules). */
const handlers: { readonly [K in ClientMessageKind]: Handler<K> } = {
  syncStep1: (room, connection, message) => connection.send(encodeSyncStep2(room.doc, message.stateVector)),
  syncStep2: (room, connection, message) => room.receiveUpdate(connection, message.update),
  update: (room, connection, message) => room.receiveUpdate(connection, message.update),
  awareness: (room, connection, message) => {
    // The author is read from what this socket sent, whether or not the room's awareness takes the state:
    // a reconnecting client repeats its old clock, which awareness ignores, but it is still that person.
    connection.announced.note(message.entries, (clientId) => room.heldByOther(connection, clientId));
    applyAwarenessUpdate(room.awareness, message.update, connection);
  },
  queryAwareness: (room, connection) =>
    connection.send(encodeAwareness(room.awareness, [...room.awareness.getStates().keys()])),
  // Auth happens at the upgrade; a client-sent auth message means nothing.
  auth: () => {},
};

/**
 * A plan in memory. Every task (load, greeting, message) runs through one queue, in arrival order, so nobody
 * is answered before the stored state has loaded. An accepted update does not hold the queue while it is stored:
 * it waits on a second chain, `applying`, which applies and relays updates in arrival order as each becomes
 * durable. So the plan's next updates are stored in the same commit, and presence is not held behind the disk.
 * Unloading and shutdown wait for both.
 */
export class Room {
  readonly doc: PlanDoc = newPlanDoc();
  readonly awareness = new Awareness(this.doc);
  private readonly connections = new Set<Connection>();
  private queue: Promise<void> = Promise.resolve();
  /** Accepted updates waiting to be durable, then applied and relayed; and acks, which go out after them. */
  private applying: Promise<void> = Promise.resolve();
  private loadError: unknown = undefined;
  private readonly planSize: PlanSize;
  private readonly acks = new AckScheduler(
    (task) => void this.afterApplied(task),
    (connection) => connection.send(encodeSyncStep1(this.doc)),
  );

  constructor(
    readonly planId: string,
    private readonly storage: Storage,
    private readonly log: Logger,
    maxPlanBytes = Infinity,
  ) {
    this.planSize = new PlanSize(maxPlanBytes);
    // The relay is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  get size(): number {
    return this.connections.size;
  }

  get failed(): boolean {
    return this.loadError !== undefined;
  }

  /** Runs `task` after every task enqueued before it; a failure is logged and does not stop the queue. */
  enqueue(task: () => Promise<void> | void): Promise<void> {
    const run = this.queue.then(task).catch((error: unknown) => {
      this.log.error('room task failed', { plan: this.planId, error: errorText(error) });
    });
    this.queue = run;
    return run;
  }

  /** Runs `step` once every update accepted before it has been applied and relayed (or failed to store). */
  private afterApplied(step: () => Promise<void> | void): Promise<void> {
    const run = this.applying.then(step).catch((error: unknown) => {
      this.log.error('room update failed', { plan: this.planId, error: errorText(error) });
    });
    this.applying = run;
    return run;
  }

  /** Resolves once every update accepted so far (and any accepted meanwhile) is stored, applied and relayed. */
  async applied(): Promise<void> {
    let tail: Promise<void>;
    do {
      tail = this.applying;
      await tail;
    } while (tail !== this.applying);
  }

  /** Resolves once every task enqueued so far (and any they enqueued) has run and its updates are applied. */
  async idle(): Promise<void> {
    let tail: Promise<void>;
    do {
      tail = this.queue;
      await tail;
      await this.applied();
    } while (tail !== this.queue);
  }

  /** Settles when the stored state has loaded (or failed to); set by load(). */
  ready: Promise<void> = Promise.resolve();

  /** Loads the stored updates; must be the room's first task. On failure every socket is closed with 1011. */
  load(): Promise<void> {
    this.ready = this.enqueue(async () => {
      try {
        const updates = await this.storage.loadUpdates(this.planId);
        for (const update of updates) applyUpdateTo(this.doc, update, { kind: 'relay', connectionId: 0 });
        this.planSize.added(updates);
        this.log.info('plan loaded', { plan: this.planId, updates: updates.length });
      } catch (error) {
        this.loadError = error;
        this.log.error('plan load failed', { plan: this.planId, error: errorText(error) });
        for (const connection of this.connections) connection.close(CLOSE_INTERNAL_ERROR, 'storage');
      }
    });
    return this.ready;
  }

  /** Admits a socket; once loaded it gets the relay's sync step 1 and everyone's presence (as y-websocket's server does). */
  add(connection: Connection): void {
    this.connections.add(connection);
    this.enqueue(() => {
      if (this.failed) return connection.close(CLOSE_INTERNAL_ERROR, 'storage');
      connection.send(encodeSyncStep1(this.doc));
      const present = [...this.awareness.getStates().keys()];
      if (present.length > 0) connection.send(encodeAwareness(this.awareness, present));
    });
  }

  /** Closes every socket that came in with `role` (its token was replaced) with `code`; returns how many. */
  closeRole(role: Role, code: number, reason: string): number {
    const closing = [...this.connections].filter((connection) => connection.role === role);
    for (const connection of closing) connection.close(code, reason);
    return closing.length;
  }

  /** Drops a socket and, at once, the presence it announced. */
  remove(connection: Connection): void {
    this.connections.delete(connection);
    this.acks.cancel(connection);
    if (connection.awarenessClients.size > 0) {
      removeAwarenessStates(this.awareness, [...connection.awarenessClients], connection);
    }
  }

  /** True when a connection other than `connection` holds awareness client `clientId` as its own or announced it. */
  heldByOther(connection: Connection, clientId: number): boolean {
    for (const other of this.connections) {
      if (other === connection) continue;
      if (other.announced.owns(clientId) || other.awarenessClients.has(clientId)) return true;
    }
    return false;
  }

  /** Queues one message from `connection`. */
  receive(connection: Connection, message: ClientMessage): void {
    this.enqueue(async () => {
      // A closed socket's update is still taken (it arrived whole); anything else from it is moot.
      const isUpdate = message.kind === 'update' || message.kind === 'syncStep2';
      if (connection.closed && !isUpdate) return;
      if (this.failed) return connection.close(CLOSE_INTERNAL_ERROR, 'storage');
      try {
        await (handlers[message.kind] as Handler<ClientMessageKind>)(this, connection, message);
      } catch (error) {
        if (error instanceof MalformedMessage) return connection.close(CLOSE_MALFORMED, 'malformed message');
        connection.close(CLOSE_INTERNAL_ERROR, 'internal error');
        throw error;
      }
    });
  }

  /**
   * The relay's core rule: parse → (viewer: refuse new content) → store durably → apply → relay to the others
   * → acknowledge to the sender. An update that adds nothing (the stock client's sync reply) is dropped
   * silently, for viewers and editors alike; the sender's author is stored with the update. The checks see
   * the doc without updates still being stored: at worst a repeat of one of those is stored twice, which Yjs
   * ignores on apply.
   */
  async receiveUpdate(connection: Connection, update: Uint8Array): Promise<void> {
    // A client whose doc has no deletions answers every sync step 1 (each ack included) with this.
    if (isEmptyUpdate(update)) return;
    const checked = checkPeerUpdate(this.doc, update);
    if (!checked.ok) throw new MalformedMessage(checked.error.detail);
    if (checked.value === 'known') return;
    if (connection.role !== 'edit') {
      this.log.warn('viewer tried to write', { plan: this.planId, conn: connection.id });
      return connection.close(CLOSE_VIEWER_WROTE, 'read-only');
    }
    // Near the limit the size is measured on the doc itself, so it must hold every update accepted before.
    if (!this.planSize.withinBound(update)) await this.applied();
    if (!this.planSize.fits(this.doc, update)) {
      this.log.warn('plan too large', { plan: this.planId, conn: connection.id, bytes: update.length });
      return connection.close(CLOSE_PLAN_TOO_LARGE, 'plan too large');
    }
    const stored = this.storage.appendUpdate(this.planId, update, connection.announced.author);
    this.planSize.added([update]);
    void this.afterApplied(async () => {
      try {
        await stored;
      } catch (error) {
        connection.close(CLOSE_INTERNAL_ERROR, 'internal error');
        throw error;
      }
      crashPoint('after-store');
      const origin: RelayOrigin = { kind: 'relay', connectionId: connection.id };
      applyUpdateTo(this.doc, update, origin);
      const frame = encodeUpdate(update);
      for (const other of this.connections) if (other !== connection) other.send(frame);
      // Only updates that added content are acked: acking a no-op would draw another no-op reply, forever.
      this.acks.schedule(connection);
    });
  }

  /** Releases the doc and awareness (stops awareness' outdated-state timer). */
  destroy(): void {
    this.acks.cancelAll();
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    destroyPlanDoc(this.doc);
  }

  /**
   * Relays every presence change to every socket, the sender too: the stock client treats 30 s without any
   * message as a dead link, and its own echoed presence is what keeps a lone client's link alive.
   */
  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin instanceof Connection) {
      for (const id of [...change.added, ...change.updated]) origin.awarenessClients.add(id);
      for (const id of change.removed) origin.awarenessClients.delete(id);
    }
    const changed = [...change.added, ...change.updated, ...change.removed];
    const frame = encodeAwareness(this.awareness, changed);
    for (const connection of this.connections) connection.send(frame);
  };
}
