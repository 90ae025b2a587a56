// An in-memory network of plan docs (after yjs's TestConnector): updates queue until flushed; replicas can be cut,
// healed, and split into partitions whose members talk only to each other.
import * as Y from 'yjs';
import { createLocalOrigin } from '../../src/model/origins.ts';
import type { LocalOrigin } from '../../src/model/origins.ts';
import { readPlan } from '../../src/model/plan.ts';

const NET = Symbol('net');
/** The group of the main network; `cut` gives a replica a group of its own. */
const MAIN = 0;

export interface Replica {
  readonly doc: Y.Doc;
  readonly origin: LocalOrigin;
}

export class TestNetwork {
  readonly replicas: Replica[];
  /** Replicas with the same group number are connected. */
  private readonly group: number[];
  private nextGroup = MAIN + 1;
  private pending: { from: number; update: Uint8Array }[] = [];

  constructor(count: number, seed?: Y.Doc) {
    this.replicas = Array.from({ length: count }, (_, i) => {
      const doc = new Y.Doc();
      if (seed) Y.applyUpdate(doc, Y.encodeStateAsUpdate(seed), NET);
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== NET && this.hasPeers(i)) this.pending.push({ from: i, update });
      });
      return { doc, origin: createLocalOrigin({ name: `Person ${i + 1}`, organisation: `Org ${i + 1}` }) };
    });
    this.group = this.replicas.map(() => MAIN);
  }

  doc(i: number): Y.Doc {
    const replica = this.replicas[i];
    if (!replica) throw new Error(`no replica ${i}`);
    return replica.doc;
  }

  origin(i: number): LocalOrigin {
    const replica = this.replicas[i];
    if (!replica) throw new Error(`no replica ${i}`);
    return replica.origin;
  }

  /** Delivers every queued update to every replica connected to its sender. */
  flush(): void {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      for (const { from, update } of batch) {
        this.replicas.forEach((replica, j) => {
          if (j !== from && this.group[j] === this.group[from]) Y.applyUpdate(replica.doc, update, NET);
        });
      }
    }
  }

  /** Takes a replica off the network; what it does meanwhile reaches no one until `heal`. */
  cut(i: number): void {
    this.flush();
    this.group[i] = this.nextGroup++;
  }

  /** Brings a replica back and exchanges full state with every online replica (sync step 1 + 2). */
  heal(i: number): void {
    this.flush();
    this.group[i] = MAIN;
    this.syncGroup(MAIN, i);
  }

  /**
   * Splits the network: each listed set of replicas is connected within itself only (the first set joins the
   * main network), and members exchange full state at once. Replicas in no set are cut off alone.
   */
  partition(sets: readonly (readonly number[])[]): void {
    this.flush();
    const listed = new Set(sets.flat());
    this.replicas.forEach((_, i) => {
      if (!listed.has(i)) this.group[i] = this.nextGroup++;
    });
    sets.forEach((members, k) => {
      const group = k === 0 ? MAIN : this.nextGroup++;
      for (const i of members) this.group[i] = group;
      const [hub] = members;
      if (hub !== undefined) this.syncGroup(group, hub);
    });
  }

  isOnline(i: number): boolean {
    return this.group[i] === MAIN;
  }

  /** Heals every replica and flushes: afterwards all must hold the same plan. */
  healAll(): void {
    this.partition([this.replicas.map((_, i) => i)]);
    this.flush();
  }

  destroy(): void {
    for (const replica of this.replicas) replica.doc.destroy();
  }

  private hasPeers(i: number): boolean {
    return this.group.some((group, j) => j !== i && group === this.group[i]);
  }

  /** Brings every member of `group` to the same state, through `hub`: all to the hub, then the hub to all. */
  private syncGroup(group: number, hub: number): void {
    const members = this.replicas.map((_, j) => j).filter((j) => j !== hub && this.group[j] === group);
    const center = this.doc(hub);
    for (const j of members) exchange(this.doc(j), center);
    for (const j of members) exchange(center, this.doc(j));
    this.flush();
  }
}

/** Sends `to` what `from` has and it lacks (sync step 2 in one direction). */
function exchange(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), NET);
}

/** Asserts every doc reads as the same plan (snapshots compared as plain data). */
export function snapshotsOf(network: TestNetwork): string[] {
  return network.replicas.map((replica) => JSON.stringify(readPlan(replica.doc)));
}
