// A typed window hook (window.__samplan) for end-to-end tests: read the open plan and steer its connection; no tokens.
import { readPlan } from './model/plan.ts';
import type { PlanSnapshot } from './model/schema.ts';
import type { ConnectionState } from './sync/connection.ts';
import type { LocalCopyState, PlanHandle, SyncFatal } from './sync/openPlan.ts';
import type { Role } from './sync/tokens.ts';

/** What e2e tests may read and do. Deliberately read-only on the plan and free of secrets. */
export interface SamplanTestApi {
  /** The open plan as a snapshot, or null on pages without a plan. */
  readPlan(): PlanSnapshot | null;
  connectionState(): ConnectionState | null;
  unsyncedChanges(): number;
  role(): Role | null;
  localCopy(): LocalCopyState | null;
  fatal(): SyncFatal | null;
  /** Whether the plan's first rows came from the plan this device showed last (null on pages without a plan). */
  openedFromShown(): boolean | null;
  /** Closes the relay socket (the plan stays editable offline). */
  disconnect(): void;
  /** Opens the relay socket again. */
  connect(): void;
}

declare global {
  interface Window {
    __samplan?: SamplanTestApi;
  }
}

let current: PlanHandle | null = null;

const api: SamplanTestApi = {
  readPlan: () => (current === null ? null : readPlan(current.doc)),
  connectionState: () => current?.connection.state() ?? null,
  unsyncedChanges: () => current?.connection.unsyncedChanges() ?? 0,
  role: () => current?.connection.role() ?? null,
  localCopy: () => current?.localCopy() ?? null,
  fatal: () => current?.fatal() ?? null,
  openedFromShown: () => {
    const shown = current?.shownPlan();
    return current === null || shown === undefined ? null : shown !== null;
  },
  disconnect: () => current?.disconnect(),
  connect: () => current?.connect(),
};

/** Makes `handle` the plan the test hook talks about; returns the function that withdraws it. */
export function exposePlanForTests(handle: PlanHandle): () => void {
  window.__samplan = api;
  current = handle;
  return () => {
    if (current === handle) current = null;
  };
}

if (typeof window !== 'undefined') window.__samplan = api;
