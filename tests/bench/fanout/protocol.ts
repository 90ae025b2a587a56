// Point 2 (relay fan-out): what the bench, its relay processes and its client processes say to each other over IPC.
import type { RelayLimits } from '../../../server/relay/limits.ts';

/** The three relays compared, in the order each load runs them. */
export const SYSTEMS = ['samplan', 'y-websocket-server', 'hocuspocus'] as const;
export type SystemId = (typeof SYSTEMS)[number];

export const SYSTEM_NAMES: Readonly<Record<SystemId, string>> = {
  samplan: 'Samplan',
  'y-websocket-server': '@y/websocket-server 0.1.1',
  hocuspocus: 'Hocuspocus 3.4.4',
};

/**
 * What the Samplan launcher raises above DEFAULT_LIMITS, as a deployment behind a proxy would: every bench client
 * comes from 127.0.0.1, so the per-address cap (1,024) would refuse the 2,000-client load. Sockets per plan (256),
 * messages per socket (50/s, burst 500) and the rest stay at their defaults, which the bench load never reaches.
 */
export const SAMPLAN_BENCH_LIMITS: Partial<RelayLimits> = { maxConnectionsPerAddress: 100_000 };

/** What a relay launcher says: it listens on 127.0.0.1:`port`; its memory, when asked with 'memory'. */
export type FromRelay =
  | { readonly type: 'ready'; readonly port: number }
  | { readonly type: 'memory'; readonly heapUsed: number; readonly external: number; readonly rss: number };

/** Answers the bench's 'memory' question with process.memoryUsage() (all three launchers call it). */
export function answerMemory(): void {
  process.on('message', (message) => {
    if (message !== 'memory') return;
    const { heapUsed, external, rss } = process.memoryUsage();
    process.send?.({ type: 'memory', heapUsed, external, rss } satisfies FromRelay);
  });
}

/** One plan and the clients a client process opens on it. */
export interface PlanAssignment {
  readonly id: string;
  /** Samplan's edit token; the other relays take any. */
  readonly token: string;
  readonly members: number;
}

export type ToClients =
  | {
      readonly type: 'setup';
      readonly system: SystemId;
      /** `ws://127.0.0.1:<port>` */
      readonly url: string;
      readonly plans: readonly PlanAssignment[];
      /**
       * True where the relay starts a plan empty (the in-memory relays): the plan's first member brings the same
       * Jämtland template Samplan's relay was created with, so every relay holds and serves the same document.
       */
      readonly seedFromClient: boolean;
    }
  | {
      readonly type: 'start';
      /** Epoch ms at which the measured window opens (edits are sent only inside it). */
      readonly at: number;
      readonly windowMs: number;
      /** Mean time between one client's edits; each interval is drawn uniformly from 0.5–1.5 × this. */
      readonly meanIntervalMs: number;
      /** How long after the window to wait for the last deliveries before counting what is missing. */
      readonly drainMs: number;
    }
  | { readonly type: 'close' };

export type FromClients =
  | { readonly type: 'ready' }
  | { readonly type: 'connected'; readonly clients: number }
  | {
      readonly type: 'done';
      /** One delivery latency (ms) per (edit, receiving member) pair: send → frame at the member's socket. */
      readonly latencies: Float64Array;
      /** The same pairs, send → applied to the member's Y.Doc (after the members ahead of it in this process). */
      readonly applied: Float64Array;
      /** Send time (epoch ms) of each delivery in `latencies`. */
      readonly sentAt: Float64Array;
      readonly edits: number;
      /** Deliveries owed: each edit × (its plan's members − 1). */
      readonly expected: number;
      readonly received: number;
      /** Receivers that saw an author's sequence skip or repeat (a lost or duplicated edit). */
      readonly outOfOrder: number;
      /** CPU the client process used during the window (user + system, ms). */
      readonly cpuMs: number;
      /** The client process's event-loop delay p99 during the window (ms). */
      readonly loopDelayP99Ms: number;
    }
  | { readonly type: 'error'; readonly message: string };
