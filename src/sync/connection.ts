// A plan's connection as signals: connecting/synced/offline, local changes not yet synced, and the token's role.
import { createSignal } from 'solid-js';
import type { Accessor } from 'solid-js';
import type { WebsocketProvider } from 'y-websocket';
import { onDocUpdate } from '../model/docs.ts';
import type { PlanDoc } from '../model/docs.ts';
import { isOrigin } from '../model/origins.ts';
import type { PlanId } from '../model/schema.ts';
import { isRole, readRole, storeRole } from './tokens.ts';
import type { Role } from './tokens.ts';

/** `connecting` on the first attempt, `synced` once the relay and this tab agree, `offline` after any loss. */
export type ConnectionState = 'connecting' | 'synced' | 'offline';

/** The connection signals of one open plan. */
export interface Connection {
  readonly state: Accessor<ConnectionState>;
  /** Local changes made while not synced; back to 0 when the relay has synced again. */
  readonly unsyncedChanges: Accessor<number>;
  /** The token's role; null until known (treat as read-only). Cached on the device for offline opens. */
  readonly role: Accessor<Role | null>;
  /** Marks the connection offline for good (after a fatal close). */
  stop(): void;
  dispose(): void;
}

interface ConnectionInput {
  planId: PlanId;
  token: string;
  doc: PlanDoc;
}

// The count survives a reload while offline (the changes do too, in IndexedDB), so it is kept per plan.
const UNSYNCED_PREFIX = 'samplan.unsynced.';

function readUnsynced(planId: PlanId): number {
  try {
    const count = Number(localStorage.getItem(UNSYNCED_PREFIX + planId) ?? 0);
    return Number.isSafeInteger(count) && count > 0 ? count : 0;
  } catch {
    return 0;
  }
}

function writeUnsynced(planId: PlanId, count: number): void {
  try {
    if (count === 0) localStorage.removeItem(UNSYNCED_PREFIX + planId);
    else localStorage.setItem(UNSYNCED_PREFIX + planId, String(count));
  } catch {
    // Storage blocked: the count still shows for this visit.
  }
}

/** Asks the server what the token allows. Null when the answer could not be had (offline, server down). */
async function fetchRole(planId: PlanId, token: string): Promise<Role | null> {
  try {
    const response = await fetch(`/api/plans/${encodeURIComponent(planId)}/access`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) return null;
    const body = (await response.json()) as unknown;
    const role = typeof body === 'object' && body !== null ? (body as { role?: unknown }).role : undefined;
    return isRole(role) ? role : null;
  } catch {
    return null;
  }
}

/**
 * Starts tracking the plan's connection. Call `attach(provider)` once the websocket provider exists
 * (it is created after IndexedDB has loaded); local changes before that count as unsynced.
 */
export function createConnection(
  input: ConnectionInput,
): Connection & { attach(provider: WebsocketProvider): void } {
  const { planId, token, doc } = input;
  const [state, setState] = createSignal<ConnectionState>('connecting');
  const [unsyncedChanges, setUnsyncedSignal] = createSignal(readUnsynced(planId));
  const setUnsynced = (count: number): void => {
    setUnsyncedSignal(count);
    writeUnsynced(planId, count);
  };
  const [role, setRole] = createSignal<Role | null>(readRole(planId, token));
  let disposed = false;
  let roleConfirmed = false;
  const cleanups: (() => void)[] = [];

  const refreshRole = async (): Promise<void> => {
    if (roleConfirmed) return;
    const fetched = await fetchRole(planId, token);
    if (fetched === null || disposed) return;
    roleConfirmed = true;
    setRole(fetched);
    storeRole(planId, token, fetched);
  };
  void refreshRole();

  cleanups.push(
    onDocUpdate(doc, (_update, origin) => {
      if (state() !== 'synced' && isOrigin(origin) && origin.kind === 'local')
        setUnsynced(unsyncedChanges() + 1);
    }),
  );

  const attach = (provider: WebsocketProvider): void => {
    const onSync = (synced: boolean): void => {
      if (synced) {
        setState('synced');
        setUnsynced(0);
        void refreshRole();
      }
    };
    // Any closed socket, also one that never opened (relay down), means offline; reconnect attempts flap
    // between connecting and closed, so once lost the state stays "offline" until synced again.
    const onClose = (): void => {
      setState('offline');
    };
    provider.on('sync', onSync);
    provider.on('connection-close', onClose);
    if (provider.synced) onSync(true);
    cleanups.push(() => {
      provider.off('sync', onSync);
      provider.off('connection-close', onClose);
    });
  };

  return {
    state,
    unsyncedChanges,
    role,
    attach,
    stop: () => setState('offline'),
    dispose: () => {
      disposed = true;
      for (const cleanup of cleanups.splice(0)) cleanup();
    },
  };
}
