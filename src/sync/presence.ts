// Presence (awareness): announces who this tab is and which cell it is on, and lists everyone who has the plan open.
import { createEffect, createRoot, createSignal, on } from 'solid-js';
import type { Accessor } from 'solid-js';
import type { WebsocketProvider } from 'y-websocket';
import type { ActivityId, Actor } from '../model/schema.ts';
import { initials, presenceColor } from './presenceColors.ts';
import { throttle } from './throttle.ts';

/** A cell of the plan grid: the activity (row) and the column id. */
export interface PresenceCell {
  readonly activityId: ActivityId;
  readonly field: string;
}

/** One person with the plan open, as their presence says (validated), with the colour of their client. */
export interface Peer {
  readonly clientId: number;
  readonly name: string;
  readonly organisation: string;
  readonly color: string;
  readonly initials: string;
  readonly cell: PresenceCell | null;
  readonly editing: boolean;
  /** True for this tab. */
  readonly self: boolean;
}

/** The awareness state this app announces (DESIGN: the relay reads `user.name` and `user.organisation`). */
export interface PresenceState {
  readonly user: { readonly name: string; readonly organisation: string; readonly color: string };
  readonly cell: PresenceCell | null;
  readonly editing: boolean;
}

/** The presence of one open plan. `attach` it to the relay's provider; `dispose` withdraws it at once. */
export interface Presence {
  /** Everyone with the plan open now, this tab first, then by name; updates live. */
  readonly peers: Accessor<readonly Peer[]>;
  /** The cell this tab has focused (null: none). Announced at most once per PRESENCE_INTERVAL_MS. */
  setCell(cell: PresenceCell | null): void;
  /** Whether this tab has an editor open in its cell. */
  setEditing(editing: boolean): void;
  attach(provider: WebsocketProvider): void;
  dispose(): void;
}

/** The fewest milliseconds between two announcements of a moving cell focus. */
export const PRESENCE_INTERVAL_MS = 100;
const MAX_TEXT = 100;
const MAX_ID = 64;

type Awareness = WebsocketProvider['awareness'];

const text = (value: unknown, max: number, allowEmpty: boolean): string | null => {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed.length <= max && (allowEmpty || trimmed !== '') ? trimmed : null;
};

/**
 * A peer's awareness state as this app uses it, or null when it names no usable person. Peer data is untrusted:
 * only checked strings and a boolean are kept; a malformed cell counts as none.
 */
export function parsePresenceState(
  state: unknown,
): { name: string; organisation: string; cell: PresenceCell | null; editing: boolean } | null {
  if (typeof state !== 'object' || state === null) return null;
  const { user, cell, editing } = state as { user?: unknown; cell?: unknown; editing?: unknown };
  if (typeof user !== 'object' || user === null) return null;
  const fields = user as { name?: unknown; organisation?: unknown };
  const name = text(fields.name, MAX_TEXT, false);
  const organisation = text(fields.organisation, MAX_TEXT, true);
  if (name === null || organisation === null) return null;
  let parsedCell: PresenceCell | null = null;
  if (typeof cell === 'object' && cell !== null) {
    const { activityId, field } = cell as { activityId?: unknown; field?: unknown };
    const id = text(activityId, MAX_ID, false);
    const column = text(field, MAX_ID, false);
    if (id !== null && column !== null) parsedCell = { activityId: id as ActivityId, field: column };
  }
  return { name, organisation, cell: parsedCell, editing: editing === true && parsedCell !== null };
}

const byName = new Intl.Collator('sv');

/** The peers in `states` (client id → awareness state), `selfId` first, the others by name then client id. */
export function readPeers(states: ReadonlyMap<number, unknown>, selfId: number): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of states) {
    const parsed = parsePresenceState(state);
    if (parsed === null) continue;
    const color = presenceColor(clientId);
    peers.push({ clientId, ...parsed, color, initials: initials(parsed.name), self: clientId === selfId });
  }
  return peers.sort(
    (a, b) => Number(b.self) - Number(a.self) || byName.compare(a.name, b.name) || a.clientId - b.clientId,
  );
}

/**
 * Starts this tab's presence for a plan whose document has client id `clientId` (the awareness uses the same id).
 * `actor` is the current identity; a change is announced at once.
 */
export function createPresence(clientId: number, actor: Accessor<Actor>): Presence {
  let cell: PresenceCell | null = null;
  let editing = false;
  let awareness: Awareness | null = null;
  let gone = false;
  const cleanups: (() => void)[] = [];

  const state = (): PresenceState => {
    const { name, organisation } = actor();
    return { user: { name, organisation, color: presenceColor(clientId) }, cell, editing };
  };
  const [peers, setPeers] = createSignal<readonly Peer[]>(
    readPeers(new Map([[clientId, state()]]), clientId),
  );
  const refresh = (): void => {
    const states = awareness?.getStates() ?? new Map([[clientId, state()]]);
    setPeers(readPeers(states, clientId));
  };
  // Setting the state again also bumps its clock: after a reconnect the relay takes it as new.
  const publish = throttle(() => {
    if (gone) return;
    if (awareness === null) refresh();
    else awareness.setLocalState(state());
  }, PRESENCE_INTERVAL_MS);
  const announceNow = (): void => {
    publish.cancel();
    if (gone) return;
    if (awareness === null) refresh();
    else awareness.setLocalState(state());
  };

  cleanups.push(
    createRoot((dispose) => {
      createEffect(on(actor, announceNow, { defer: true }));
      return dispose;
    }),
  );

  // Leaving the page takes this person off everyone's screen at once; coming back (from the back/forward cache) returns them.
  const onPageHide = (): void => {
    publish.cancel();
    awareness?.setLocalState(null);
  };
  const onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted) announceNow();
  };
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('pageshow', onPageShow);
  cleanups.push(() => {
    window.removeEventListener('pagehide', onPageHide);
    window.removeEventListener('pageshow', onPageShow);
  });

  const attach = (provider: WebsocketProvider): void => {
    if (gone || awareness !== null) return;
    const attached = provider.awareness;
    awareness = attached;
    const onStatus = ({ status }: { status: string }): void => {
      if (status === 'connected') announceNow();
    };
    attached.on('change', refresh);
    provider.on('status', onStatus);
    cleanups.push(() => {
      attached.off('change', refresh);
      provider.off('status', onStatus);
    });
    announceNow();
    refresh();
  };

  return {
    peers,
    setCell: (next) => {
      if (next?.activityId === cell?.activityId && next?.field === cell?.field) return;
      cell = next;
      publish();
    },
    setEditing: (next) => {
      if (next === editing) return;
      editing = next;
      publish();
    },
    attach,
    dispose: () => {
      if (gone) return;
      publish.cancel();
      awareness?.setLocalState(null);
      gone = true;
      for (const cleanup of cleanups.splice(0)) cleanup();
    },
  };
}
