// The relay's limits other than frame size: bytes before access is decided, message rate, sockets per plan and
// per address, plan size. Each breach is refused on its own (close code or HTTP status) and touches no other plan.
import type { Duplex } from 'node:stream';
import type { RateLimit } from './rateLimit.ts';

/** The limits, each with a default (`DEFAULT_LIMITS`); `Infinity` turns a count limit off. */
export interface RelayLimits {
  /** Bytes a client may send after its upgrade request while access is still being decided (HTTP 413 beyond). */
  readonly maxPreAuthBytes: number;
  /** Messages per socket: a steady rate and a burst (4529 beyond). */
  readonly messages: RateLimit;
  /** Sockets admitted to one plan at a time (4530 beyond). */
  readonly maxConnectionsPerPlan: number;
  /** Sockets from one remote address at a time, admitted or still being checked (4531 beyond). */
  readonly maxConnectionsPerAddress: number;
  /** Size of a plan encoded as one update; an update that would pass it is refused (4414), not stored. */
  readonly maxPlanBytes: number;
}

/**
 * Defaults sized for a county: a stock client never sends before its upgrade is answered, sends one message per
 * edit or paste (a paste is one transaction) and a few presence updates; a plan of a few hundred activities is
 * well under 1 MiB. The address limit is generous because a whole office may share one address (NAT, a proxy).
 */
export const DEFAULT_LIMITS: RelayLimits = {
  maxPreAuthBytes: 64 * 1024,
  messages: { perSecond: 50, burst: 500 },
  maxConnectionsPerPlan: 256,
  maxConnectionsPerAddress: 1024,
  maxPlanBytes: 32 * 1024 * 1024,
};

/** The limits with every missing one filled in from the defaults. */
export const withDefaultLimits = (limits: Partial<RelayLimits> = {}): RelayLimits => ({
  ...DEFAULT_LIMITS,
  ...limits,
});

/** Live socket counts per plan and per remote address; every count taken is given back exactly once. */
export class ConnectionCounts {
  private readonly perPlan = new Map<string, number>();
  private readonly perAddress = new Map<string, number>();

  constructor(private readonly limits: RelayLimits) {}

  /** Counts one more socket from `address`; false (and nothing counted) when the address is at its limit. */
  enterAddress(address: string): boolean {
    return enter(this.perAddress, address, this.limits.maxConnectionsPerAddress);
  }

  leaveAddress(address: string): void {
    leave(this.perAddress, address);
  }

  /** Counts one more socket on `planId`; false (and nothing counted) when the plan is at its limit. */
  enterPlan(planId: string): boolean {
    return enter(this.perPlan, planId, this.limits.maxConnectionsPerPlan);
  }

  leavePlan(planId: string): void {
    leave(this.perPlan, planId);
  }
}

function enter(counts: Map<string, number>, key: string, max: number): boolean {
  const count = counts.get(key) ?? 0;
  if (count >= max) return false;
  counts.set(key, count + 1);
  return true;
}

function leave(counts: Map<string, number>, key: string): void {
  const count = counts.get(key) ?? 0;
  // Deleting at zero keeps the maps as small as the number of live sockets.
  if (count <= 1) counts.delete(key);
  else counts.set(key, count - 1);
}

const PAYLOAD_TOO_LARGE = 'HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\nContent-Length: 0\r\n\r\n';

/** The bytes a client sent while its access was decided; `finish()` hands them on (or says they were too many). */
export interface PreAuthBuffer {
  /**
   * Stops collecting. Returns everything received so far (the upgrade's `head` first), to be handed to the
   * websocket server in the same tick, or null when the client sent more than allowed (its socket is then gone).
   */
  finish(): Buffer | null;
}

/**
 * Holds what a client sends between its upgrade request and the access decision, without reading any of it as a
 * frame: nothing is processed before access is decided. Past `maxBytes` the socket gets HTTP 413 and is destroyed,
 * and `onOverflow` is called once (for the log line).
 */
export function bufferPreAuth(
  socket: Duplex,
  head: Buffer,
  maxBytes: number,
  onOverflow: (bytes: number) => void,
): PreAuthBuffer {
  const chunks: Buffer[] = [];
  let bytes = 0;
  let overflowed = false;
  const onData = (chunk: Buffer): void => {
    bytes += chunk.length;
    if (bytes <= maxBytes) {
      chunks.push(chunk);
      return;
    }
    overflowed = true;
    chunks.length = 0;
    socket.off('data', onData);
    // A browser never sends before its upgrade is answered: this client is broken or hostile, so no 101 for it.
    socket.end(PAYLOAD_TOO_LARGE, () => socket.destroy());
    onOverflow(bytes);
  };
  onData(head);
  if (!overflowed) socket.on('data', onData);
  return {
    finish() {
      socket.off('data', onData);
      return overflowed || socket.destroyed ? null : Buffer.concat(chunks);
    },
  };
}
