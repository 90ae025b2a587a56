// Who this device's user is, as written into the change log and announced as presence. The "who am I" dialog
// (to come) stores the identity; until then, or when the stored one is unusable, the user is unnamed.
import type { Actor } from '../model/schema.ts';
import { svText } from '../i18n/index.ts';

/** Where the identity lives in local storage: `{ "name": string, "organisation": string }`. */
export const ACTOR_KEY = 'samplan.actor';
const MAX_LENGTH = 100;

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

/** The actor of this tab's changes: the stored identity, or the unnamed user. */
export const currentActor = (): Actor => storedActor() ?? { name: svText('actor.unknown'), organisation: '' };
