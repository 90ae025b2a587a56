// Local changes the relay has not yet confirmed: one mark per change, kept per plan on this device, so a
// reopened tab still knows what an earlier visit left unsent (the changes themselves wait in IndexedDB).
import { createSignal } from 'solid-js';
import type { Accessor } from 'solid-js';
import { currentMark, decodeClocks, markCovered, markHeld } from '../model/clocks.ts';
import type { ChangeMark } from '../model/clocks.ts';
import type { PlanDoc } from '../model/docs.ts';
import type { PlanId } from '../model/schema.ts';

export interface PendingChanges {
  /** Local changes the relay has not confirmed as stored. */
  readonly count: Accessor<number>;
  /** When the relay last confirmed everything this device had written (ISO), or null if never. */
  readonly lastSyncedAt: Accessor<string | null>;
  /** How many unconfirmed changes an earlier visit left behind, as found when the plan was opened. */
  readonly carriedOver: number;
  /** Notes a change this tab just made. */
  record(): void;
  /** Takes the relay's state vector (its sync step 1): every change it covers is confirmed. */
  confirm(stateVector: Uint8Array): void;
}

interface Stored {
  readonly marks: readonly ChangeMark[];
  readonly syncedAt: string | null;
}

const KEY_PREFIX = 'samplan.pending.';
const EMPTY: Stored = { marks: [], syncedAt: null };

const isMark = (value: unknown): value is ChangeMark =>
  typeof value === 'object' &&
  value !== null &&
  Number.isSafeInteger((value as ChangeMark).client) &&
  Number.isSafeInteger((value as ChangeMark).clock);

// Local storage is another program's input (an older version, a hand edit): keep only what is well-formed.
function load(planId: PlanId): Stored {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY_PREFIX + planId) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return EMPTY;
    const { marks, syncedAt } = raw as { marks?: unknown; syncedAt?: unknown };
    return {
      marks: Array.isArray(marks) ? marks.filter(isMark) : [],
      syncedAt: typeof syncedAt === 'string' ? syncedAt : null,
    };
  } catch {
    return EMPTY;
  }
}

function save(planId: PlanId, stored: Stored): void {
  try {
    localStorage.setItem(KEY_PREFIX + planId, JSON.stringify(stored));
  } catch {
    // Storage blocked or full: the count still shows for this visit.
  }
}

/** Tracks `doc`'s unconfirmed local changes for `planId`, starting from what this device remembered. */
export function createPendingChanges(planId: PlanId, doc: PlanDoc): PendingChanges {
  const stored = load(planId);
  let marks: ChangeMark[] = [...stored.marks];
  const [count, setCount] = createSignal(marks.length);
  const [lastSyncedAt, setLastSyncedAt] = createSignal(stored.syncedAt);
  const persist = (): void => {
    setCount(marks.length);
    save(planId, { marks, syncedAt: lastSyncedAt() });
  };

  return {
    count,
    lastSyncedAt,
    carriedOver: marks.length,
    record() {
      marks.push(currentMark(doc));
      persist();
    },
    confirm(stateVector) {
      const clocks = decodeClocks(stateVector);
      if (clocks === null) return;
      // A mark whose change this device no longer holds (its copy was cleared) can never be confirmed: drop it.
      marks = marks.filter((mark) => !markCovered(clocks, mark) && markHeld(doc, mark));
      if (marks.length === 0) setLastSyncedAt(new Date().toISOString());
      persist();
    },
  };
}
