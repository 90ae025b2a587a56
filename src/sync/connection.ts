// A plan's connection as signals: connecting/synced/offline, local changes the relay has not confirmed, and the token's role.
import { createSignal } from 'solid-js';
import type { Accessor } from 'solid-js';
import type { WebsocketProvider } from 'y-websocket';
import { onDocChange } from '../model/docs.ts';
import type { PlanDoc } from '../model/docs.ts';
import { isOrigin } from '../model/origins.ts';
import type { PlanId } from '../model/schema.ts';
import { onRelayStateVector } from './acks.ts';
import { createPendingChanges } from './pending.ts';
import { isRole, readRole, storeRole } from './tokens.ts';
import type { Role } from './tokens.ts';

/** `connecting` on the first attempt, `synced` once the relay and this tab agree, `offline` after any loss. */
export type ConnectionState = 'connecting' | 'synced' | 'offline';

/** The connection signals of one open plan. */
export interface Connection {
  readonly state: Accessor<ConnectionState>;
  /** Local changes the relay has not yet confirmed as stored (also those an earlier visit left). */
  readonly unsyncedChanges: Accessor<number>;
  /** When the relay last confirmed everything this device had written (ISO), or null if never. */
  readonly lastSyncedAt: Accessor<string | null>;
  /** Unconfirmed changes an earlier visit left on this device, as found on opening. */
  readonly carriedOver: number;
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
 * (it is created after IndexedDB has loaded); every local change counts as unsynced until the relay confirms it.
 */
export function createConnection(
  input: ConnectionInput,
): Connection & { attach(provider: WebsocketProvider): void } {
  const { planId, token, doc } = input;
  const [state, setState] = createSignal<ConnectionState>('connecting');
  const pending = createPendingChanges(planId, doc);
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
    onDocChange(doc, (origin) => {
      if (isOrigin(origin) && origin.kind === 'local') pending.record();
    }),
  );

  const attach = (provider: WebsocketProvider): void => {
    const onSync = (synced: boolean): void => {
      if (synced) {
        setState('synced');
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
    const unhook = onRelayStateVector(provider, pending.confirm);
    cleanups.push(() => {
      unhook();
      provider.off('sync', onSync);
      provider.off('connection-close', onClose);
    });
  };

  return {
    state,
    unsyncedChanges: pending.count,
    lastSyncedAt: pending.lastSyncedAt,
    carriedOver: pending.carriedOver,
    role,
    attach,
    stop: () => setState('offline'),
    dispose: () => {
      disposed = true;
      for (const cleanup of cleanups.splice(0)) cleanup();
    },
  };
}
