// Opens a plan: the local IndexedDB copy first (shows offline too), then the websocket to the relay; dispose() closes both.
import { createSignal } from 'solid-js';
import type { Accessor } from 'solid-js';
import { WebsocketProvider } from 'y-websocket';
import { newPlanDoc } from '../model/docs.ts';
import { DeviceCopy } from './deviceCopy.ts';
import { afterPaint } from './afterPaint.ts';
import type { PlanDoc } from '../model/docs.ts';
import { createLocalOrigin } from '../model/origins.ts';
import type { LocalOrigin } from '../model/origins.ts';
import type { PlanId, PlanSnapshot } from '../model/schema.ts';
import { keepShownPlan, readShownPlan } from './shownPlan.ts';
import { currentActor } from './actor.ts';
import { createConnection } from './connection.ts';
import { createPresence } from './presence.ts';
import type { Presence } from './presence.ts';
import { forgetToken } from './tokens.ts';
import type { Connection } from './connection.ts';

/** Close codes after which reconnecting cannot help (DESIGN, "Contract: the relay"). */
export const FATAL_CLOSE_CODES = {
  4400: 'malformed',
  4401: 'bad_token',
  4403: 'viewer_wrote',
  4404: 'no_plan',
  4413: 'too_large',
  // The plan reached the relay's size limit: resending the same update would only be refused again.
  4414: 'plan_full',
} as const;
export type FatalCloseCode = keyof typeof FATAL_CLOSE_CODES;

/** Why the relay shut this plan out for good; the UI explains each kind in Swedish (`sync.fatal.<kind>`). */
export interface SyncFatal {
  readonly code: FatalCloseCode;
  readonly kind: (typeof FATAL_CLOSE_CODES)[FatalCloseCode];
}

/**
 * How the device copy is doing: still loading, loaded, not available (private mode: online only), or refused
 * further writes (storage full): changes from then on live only in this tab until the relay has them.
 */
export type LocalCopyState = 'loading' | 'ready' | 'unavailable' | 'full';

/** One open plan. Everything here is released by `dispose()`. */
export interface PlanHandle {
  readonly planId: PlanId;
  /**
   * The token the plan is open with (reactive): the plan's API calls (history) send it as a bearer header.
   * It changes only through `replaceToken`.
   */
  readonly token: string;
  readonly doc: PlanDoc;
  /** The origin of every change this tab makes (one per open plan, so undo can track it). */
  readonly origin: LocalOrigin;
  readonly localCopy: Accessor<LocalCopyState>;
  /**
   * The plan as this device last showed it (see shownPlan.ts): undefined while it is read, then the snapshot or
   * null. With one, the device copy starts loading once those rows are painted.
   */
  readonly shownPlan: Accessor<PlanSnapshot | null | undefined>;
  /** Keeps the plan as shown now for the next open; a failure only loses that speed-up. */
  keepShown(plan: PlanSnapshot): Promise<void>;
  readonly connection: Connection;
  readonly fatal: Accessor<SyncFatal | null>;
  /** Who has the plan open (awareness), and this tab's own cell focus to announce. */
  readonly presence: Presence;
  /** Stops talking to the relay (the plan stays editable offline). */
  disconnect(): void;
  /** Talks to the relay again, unless a fatal close forbids it. */
  connect(): void;
  /** Resolves once every change so far is written to the device copy (before a reload, say). */
  flushLocalCopy(): Promise<void>;
  /**
   * Replaces the token this plan is open with, for a link replacement: the socket is closed first (so the relay
   * closing it for the old token cannot read as "link no longer works"), then `request` runs with the current
   * token and gives the new one (or null: nothing changes), then the plan reconnects with the token that holds.
   */
  replaceToken(request: (current: string) => Promise<string | null>): Promise<string | null>;
  dispose(): void;
}

// Private mode in some browsers hangs or refuses IndexedDB; don't keep the relay waiting on it.
const LOCAL_COPY_TIMEOUT_MS = 3000;

const CLOSE_BAD_TOKEN = 4401;
const CLOSE_NO_PLAN = 4404;

const isFatalCode = (code: number): code is FatalCloseCode => code in FATAL_CLOSE_CODES;

/** The relay's websocket base on this page's host: ws(s)://host. */
const wsBase = (): string => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;

/** Opens `planId` with `token`: IndexedDB first, then the relay. */
export function openPlan(planId: PlanId, token: string): PlanHandle {
  const doc = newPlanDoc();
  // One origin for the plan's life; its actor follows the identity, so a rename needs no new origin.
  const origin = createLocalOrigin(currentActor);
  const presence = createPresence(doc.clientID, currentActor);
  const connection = createConnection({ planId, token, doc });
  const [localCopy, setLocalCopy] = createSignal<LocalCopyState>('loading');
  const [shownPlan, setShownPlan] = createSignal<PlanSnapshot | null | undefined>(undefined);
  const [fatal, setFatal] = createSignal<SyncFatal | null>(null);
  const [currentToken, setCurrentToken] = createSignal(token);
  let provider: WebsocketProvider | null = null;
  let persistence: DeviceCopy | null = null;
  let disposed = false;
  let wantOnline = true;

  const startRelay = (): void => {
    if (disposed || provider !== null) return;
    const relay = new WebsocketProvider(`${wsBase()}/sync`, planId, doc, {
      params: { token: currentToken() },
      // Only the named codes are final; anything else (a restart, a network drop) is worth retrying.
      shouldReconnect: (event) => !isFatalCode(event.code),
    });
    relay.on('connection-close', (event) => {
      if (event === null || !isFatalCode(event.code)) return;
      relay.disconnect();
      relay.shouldConnect = false;
      setFatal({ code: event.code, kind: FATAL_CLOSE_CODES[event.code] });
      // A refused token (or a plan that is gone) is not worth keeping for the next open.
      if (event.code === CLOSE_BAD_TOKEN || event.code === CLOSE_NO_PLAN) forgetToken(planId, currentToken());
      connection.stop();
    });
    // Our presence names us, so the relay can record who made each update in its history.
    presence.attach(relay);
    connection.attach(relay);
    provider = relay;
    if (!wantOnline) relay.disconnect();
  };

  // The relay starts once the device copy is in (so the first sync sends only what is new), or at once without one.
  // A copy that loads after the timeout still counts: 'unavailable' may turn 'ready', never back.
  // With the copy in, the plan paints first: starting the provider encodes the whole state for other tabs
  // (BroadcastChannel), ~0.2 s for a 5,000-activity plan, which would otherwise come before the first rows.
  let cancelStart = (): void => undefined;
  const settle = (state: 'ready' | 'unavailable'): void => {
    clearTimeout(waitForCopy);
    // A full store stays reported as full, even once its earlier content has loaded.
    if (localCopy() === 'loading' || localCopy() === 'unavailable') setLocalCopy(state);
    if (state === 'ready') cancelStart = afterPaint(startRelay);
    else startRelay();
  };
  const waitForCopy = setTimeout(() => settle('unavailable'), LOCAL_COPY_TIMEOUT_MS);
  const startCopy = (): void => {
    if (disposed || persistence !== null) return;
    try {
      persistence = new DeviceCopy(`samplan-plan-${planId}`, doc);
      persistence._db.then(watchWrites, () => settle('unavailable'));
      void persistence.whenSynced.then(() => settle('ready'));
    } catch {
      settle('unavailable');
    }
  };
  // The kept rows paint first; the copy's load would otherwise take the main thread before them.
  let cancelCopy = (): void => undefined;
  void readShownPlan(planId).then((plan) => {
    if (disposed) return;
    setShownPlan(plan);
    if (plan === null) startCopy();
    else cancelCopy = afterPaint(startCopy);
  });

  // y-indexeddb does not report failed writes; they surface as error and abort events on the database.
  function watchWrites(db: IDBDatabase): void {
    const onFailure = (event: Event): void => {
      const target = event.target as IDBRequest | IDBTransaction | null;
      if (target?.error?.name === 'QuotaExceededError') setLocalCopy('full');
    };
    db.addEventListener('abort', onFailure);
    db.addEventListener('error', onFailure);
  }

  // A browser that knows it is offline: close the socket now, rather than let frames wait on a dead link.
  const goOffline = (): void => provider?.disconnect();
  const goOnline = (): void => {
    if (wantOnline && fatal() === null) provider?.connect();
  };
  window.addEventListener('offline', goOffline);
  window.addEventListener('online', goOnline);

  return {
    planId,
    get token() {
      return currentToken();
    },
    doc,
    origin,
    localCopy,
    shownPlan,
    keepShown: (plan) => keepShownPlan(planId, plan),
    connection,
    fatal,
    presence,
    disconnect: () => {
      wantOnline = false;
      provider?.disconnect();
    },
    connect: () => {
      wantOnline = true;
      if (fatal() === null) provider?.connect();
    },
    flushLocalCopy: () => flushWrites(persistence?.db ?? null),
    replaceToken: async (request) => {
      // disconnect() detaches the socket's handlers at once: its coming 4401 reaches no one.
      provider?.disconnect();
      try {
        const next = await request(currentToken());
        if (next !== null && !disposed) {
          setCurrentToken(next);
          if (provider !== null) provider.params = { ...provider.params, token: next };
        }
        return next;
      } finally {
        if (wantOnline && !disposed && fatal() === null) provider?.connect();
      }
    },
    dispose: () => {
      disposed = true;
      clearTimeout(waitForCopy);
      cancelCopy();
      cancelStart();
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      connection.dispose();
      presence.dispose();
      provider?.destroy();
      void persistence?.destroy();
    },
  };
}

/**
 * IndexedDB runs transactions on one store in the order they were created, so a read that completes
 * means every write queued before it has completed too.
 */
function flushWrites(db: IDBDatabase | null): Promise<void> {
  if (db === null) return Promise.resolve();
  return new Promise((resolve) => {
    try {
      const transaction = db.transaction('updates', 'readonly');
      transaction.oncomplete = () => resolve();
      transaction.onabort = () => resolve();
      transaction.objectStore('updates').count();
    } catch {
      resolve();
    }
  });
}
