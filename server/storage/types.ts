// The storage interface the relay and the API use; SQLite implements it today, Postgres could tomorrow.
import type { Role } from '../auth.ts';

/**
 * Where plans, their token hashes and their updates live. Every method is async so a networked backend
 * fits the same shape; a resolved `appendUpdate` means the update is durable.
 */
export interface Storage {
  /** Stores a new plan with the hashes of its two tokens and its first update. Fails if the id exists. */
  createPlan(
    id: string,
    editTokenHash: Uint8Array,
    viewTokenHash: Uint8Array,
    initialUpdate: Uint8Array,
    createdAt: string,
  ): Promise<void>;
  planExists(id: string): Promise<boolean>;
  /** The role `token` grants on plan `id` (hashing and constant-time comparison inside), or null. */
  roleForToken(id: string, token: string): Promise<Role | null>;
  /** Every stored update of the plan, oldest first (a compacted snapshot, if any, comes first). */
  loadUpdates(id: string): Promise<Uint8Array[]>;
  /** Appends one update; durable when the promise resolves. May compact the plan's updates as they pile up. */
  appendUpdate(id: string, update: Uint8Array): Promise<void>;
  /** Merges all the plan's updates into one snapshot row, atomically: no update is ever lost. */
  compact(id: string): Promise<void>;
  /** True when the store answers a trivial query. */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}
