// Who this device's user is, as written into the change log and announced as presence. The "who am I" dialog
// stores the identity; until then, or when the stored one is unusable, the user is unnamed.
import { createSignal } from 'solid-js';
import type { Accessor } from 'solid-js';
import type { Actor } from '../model/schema.ts';
import { svText } from '../i18n/index.ts';

/** Where the identity lives in local storage: `{ "name": string, "organisation": string }`. */
export const ACTOR_KEY = 'samplan.actor';
/** The longest name or organisation kept (the relay keeps as much as an update's author). */
export const ACTOR_MAX_LENGTH = 100;
const MAX_LENGTH = ACTOR_MAX_LENGTH;

const usable = (value: unknown, allowEmpty: boolean): value is string =>
  typeof value === 'string' && value.trim().length <= MAX_LENGTH && (allowEmpty || value.trim() !== '');

/** The identity kept on this device, or null when there is none (or it is not well-formed). */
export function storedActor(): Actor | null {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(ACTOR_KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return null;
    const { name, organisation } = raw as Partial<Record<keyof Actor, unknown>>;
    if (!usable(name, false) || !usable(organisation, true)) return null;
    return { name: name.trim(), organisation: organisation.trim() };
  } catch {
    return null;
  }
}

// The identity as a signal, so presence, the header and the local origin follow a change at once.
const [identity, setIdentity] = createSignal<Actor | null>(storedActor());

/** The identity chosen on this device (null until the user has said who they are); reactive. */
export const storedIdentity: Accessor<Actor | null> = identity;

/** The trimmed identity if it can be kept (a name of 1–100 characters, an organisation of at most 100), else null. */
export function parseActor(input: { name: string; organisation: string }): Actor | null {
  const actor = { name: input.name.trim(), organisation: input.organisation.trim() };
  return usable(actor.name, false) && usable(actor.organisation, true) ? actor : null;
}

/** Keeps `actor` on this device (local storage `samplan.actor`) and makes it the current identity. */
export function storeActor(actor: Actor): void {
  const kept = parseActor(actor);
  if (kept === null) return;
  try {
    localStorage.setItem(ACTOR_KEY, JSON.stringify(kept));
  } catch {
    // Storage refused (private mode, full): the identity still holds for this tab.
  }
  setIdentity(kept);
}

// Another tab of this browser that changes the identity changes it here too.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === ACTOR_KEY || event.key === null) setIdentity(storedActor());
  });
}

/** The actor of this tab's changes: the current identity, or the unnamed user. */
export const currentActor = (): Actor => identity() ?? { name: svText('actor.unknown'), organisation: '' };
