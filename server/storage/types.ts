// The storage interface the relay and the API use; SQLite implements it today, Postgres could tomorrow.
import type { Role } from '../auth.ts';

/** Who sent an update: the presence (`user` awareness field) its connection announced. */
export interface Author {
  readonly name: string;
  readonly organisation: string;
}

/** One accepted update in a plan's history, without its bytes. */
export interface HistoryEntry {
  /** Increases with every update the store accepts (across all plans); ties on `at` are broken by it. */
  readonly seq: number;
  /** When the relay accepted it: an ISO instant as `Date.toISOString()` writes it (UTC, milliseconds). */
  readonly at: string;
  /** Null for a plan's first update, for updates stored before history existed, and for silent connections. */
  readonly author: Author | null;
  /** Size of the stored update in bytes. */
  readonly bytes: number;
}

export interface HistoryQuery {
  /** Only entries accepted strictly before this instant (`toISOString()` form). */
  readonly before?: string;
  /** At most this many entries (the newest ones). */
  readonly limit: number;
}

/**
 * Where plans, their token hashes and their updates live. Every method is async so a networked backend
 * fits the same shape; a resolved `appendUpdate` means the update is durable.
 *
 * A plan's updates are kept twice: `loadUpdates` serves the live document and is compacted as it grows;
 * the history keeps every accepted update with its time and author and is never compacted.
 */
export interface Storage {
  /** Stores a new plan with the hashes of its two tokens and its first update (also its first history entry). Fails if the id exists. */
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
  /**
   * Replaces the hash of plan `id`'s `role` token (the link is replaced: the old token stops working as soon
   * as this resolves). False when there is no such plan.
   */
  replaceTokenHash(id: string, role: Role, tokenHash: Uint8Array): Promise<boolean>;
  /** Every stored update of the plan, oldest first (a compacted snapshot, if any, comes first). */
  loadUpdates(id: string): Promise<Uint8Array[]>;
  /**
   * Appends one update to the plan's updates and to its history, atomically; durable when the promise
   * resolves. May compact the plan's updates (never its history) as they pile up.
   */
  appendUpdate(id: string, update: Uint8Array, author: Author | null): Promise<void>;
  /** Merges all the plan's updates into one snapshot row, atomically: no update is ever lost. History is untouched. */
  compact(id: string): Promise<void>;
  /** The plan's history, newest first (by time, then seq); empty for an unknown plan. */
  listHistory(id: string, query: HistoryQuery): Promise<HistoryEntry[]>;
  /**
   * The plan as it was at instant `at` (`toISOString()` form): every history update accepted at or before
   * it, merged into one update; null when none was.
   */
  stateAt(id: string, at: string): Promise<Uint8Array | null>;
  /** True when the store answers a trivial query. */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}
