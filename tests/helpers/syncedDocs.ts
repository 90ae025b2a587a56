// An in-memory network of plan docs (after yjs's TestConnector): updates queue until flushed; replicas can be cut and healed.
import * as Y from 'yjs';
import { createLocalOrigin } from '../../src/model/origins.ts';
import type { LocalOrigin } from '../../src/model/origins.ts';
import { readPlan } from '../../src/model/plan.ts';

const NET = Symbol('net');

export interface Replica {
  readonly doc: Y.Doc;
  readonly origin: LocalOrigin;
}

export class TestNetwork {
  readonly replicas: Replica[];
  private readonly online: boolean[];
  private pending: { from: number; update: Uint8Array }[] = [];

  constructor(count: number, seed?: Y.Doc) {
    this.replicas = Array.from({ length: count }, (_, i) => {
      const doc = new Y.Doc();
      if (seed) Y.applyUpdate(doc, Y.encodeStateAsUpdate(seed), NET);
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== NET && this.online[i]) this.pending.push({ from: i, update });
      });
      return { doc, origin: createLocalOrigin({ name: `Person ${i + 1}`, organisation: `Org ${i + 1}` }) };
    });
    this.online = this.replicas.map(() => true);
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

  /** Delivers every queued update to every replica that is online. */
  flush(): void {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      for (const { from, update } of batch) {
        this.replicas.forEach((replica, j) => {
          if (j !== from && this.online[j]) Y.applyUpdate(replica.doc, update, NET);
        });
      }
    }
  }

  /** Takes a replica off the network; what it does meanwhile reaches no one until `heal`. */
  cut(i: number): void {
    this.flush();
    this.online[i] = false;
  }

  /** Brings a replica back and exchanges full state with every online replica (sync step 1 + 2). */
  heal(i: number): void {
    this.flush();
    this.online[i] = true;
    this.replicas.forEach((other, j) => {
      if (j === i || !this.online[j]) return;
      const mine = this.doc(i);
      Y.applyUpdate(other.doc, Y.encodeStateAsUpdate(mine, Y.encodeStateVector(other.doc)), NET);
      Y.applyUpdate(mine, Y.encodeStateAsUpdate(other.doc, Y.encodeStateVector(mine)), NET);
    });
    this.flush();
  }

  isOnline(i: number): boolean {
    return this.online[i] ?? false;
  }

  /** Heals every replica and flushes: afterwards all must hold the same plan. */
  healAll(): void {
    this.replicas.forEach((_, i) => {
      if (!this.online[i]) this.heal(i);
    });
    this.flush();
  }

  destroy(): void {
    for (const replica of this.replicas) replica.doc.destroy();
  }
}

/** Asserts every doc reads as the same plan (snapshots compared as plain data). */
export function snapshotsOf(network: TestNetwork): string[] {
  return network.replicas.map((replica) => JSON.stringify(readPlan(replica.doc)));
}
