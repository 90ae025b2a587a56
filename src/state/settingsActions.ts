// The plan settings' user actions: title, county, participants and focus areas, each one logged, undoable transaction.
import {
  addFocusArea,
  moveFocusArea,
  removeFocusArea,
  renameFocusArea,
  setFocusAreaPriority,
} from '../model/focusAreas.ts';
import { setPlanCounty, setPlanTitle } from '../model/meta.ts';
import type { Placement } from '../model/order.ts';
import {
  addParticipant,
  moveParticipant,
  removeParticipant,
  renameParticipant,
} from '../model/participants.ts';
import type { OwnedActivities } from '../model/participants.ts';
import { readPlan } from '../model/plan.ts';
import { ok } from '../model/result.ts';
import type { Result } from '../model/result.ts';
import type { FocusAreaId, ParticipantId, ParticipantKind } from '../model/schema.ts';
import type { PlanHandle } from '../sync/openPlan.ts';

export type { OwnedActivities } from '../model/participants.ts';

/** Which way a move goes in a list shown top to bottom. */
export type Direction = 'up' | 'down';

/**
 * What the settings view may change. Every function is one model transaction with the tab's local origin, so
 * it is logged and one Ctrl+Z takes it back; a refusal comes back as `{ ok: false, error }` and changes nothing.
 */
export interface SettingsActions {
  setTitle(title: string): Result<void>;
  /** The county (*län*); may be empty. */
  setCounty(county: string): Result<void>;
  addParticipant(input: {
    readonly name: string;
    readonly kind: ParticipantKind | string;
  }): Result<ParticipantId>;
  renameParticipant(id: ParticipantId, name: string): Result<void>;
  /** Swaps places with the neighbour above or below; at the end of the list nothing changes. */
  moveParticipant(id: ParticipantId, direction: Direction): Result<void>;
  /** `owned` is required when the participant owns activities: hand them over, or just drop it as owner. */
  removeParticipant(id: ParticipantId, owned?: OwnedActivities): Result<void>;
  addFocusArea(input: { readonly name: string; readonly priority: number | string }): Result<FocusAreaId>;
  renameFocusArea(id: FocusAreaId, name: string): Result<void>;
  setFocusAreaPriority(id: FocusAreaId, priority: number | string): Result<void>;
  /**
   * Moves a focus area past its neighbour of the same priority (the plan is ordered by priority first, so a
   * move across priorities would show no change); without such a neighbour nothing changes.
   */
  moveFocusArea(id: FocusAreaId, direction: Direction): Result<void>;
  /** `withActivities` must be true when the focus area still has activities: they are deleted with it. */
  removeFocusArea(id: FocusAreaId, options: { readonly withActivities: boolean }): Result<void>;
}

/**
 * Where `id` goes to move one step `direction` among `items` (in display order), staying within its group
 * (`groupOf`, e.g. a focus area's priority); null when it is already at that end of its group.
 */
export function placementFor<T extends { readonly id: string }>(
  items: readonly T[],
  id: string,
  direction: Direction,
  groupOf: (item: T) => unknown = () => null,
): Placement | null {
  const index = items.findIndex((item) => item.id === id);
  const self = items[index];
  const neighbour = items[direction === 'up' ? index - 1 : index + 1];
  if (self === undefined || neighbour === undefined || groupOf(neighbour) !== groupOf(self)) return null;
  return direction === 'up' ? { before: neighbour.id } : { after: neighbour.id };
}

/** The settings actions on `handle`'s plan, carrying its local origin. */
export function createSettingsActions(handle: Pick<PlanHandle, 'doc' | 'origin'>): SettingsActions {
  const { doc, origin } = handle;
  return {
    setTitle: (title) => setPlanTitle(doc, origin, title),
    setCounty: (county) => setPlanCounty(doc, origin, county),
    addParticipant: (input) => addParticipant(doc, origin, input),
    renameParticipant: (id, name) => renameParticipant(doc, origin, id, name),
    moveParticipant: (id, direction) => {
      const placement = placementFor(readPlan(doc).participants, id, direction);
      return placement === null ? ok(undefined) : moveParticipant(doc, origin, id, placement);
    },
    removeParticipant: (id, owned) => removeParticipant(doc, origin, id, owned),
    addFocusArea: (input) => addFocusArea(doc, origin, input),
    renameFocusArea: (id, name) => renameFocusArea(doc, origin, id, name),
    setFocusAreaPriority: (id, priority) => setFocusAreaPriority(doc, origin, id, priority),
    moveFocusArea: (id, direction) => {
      const placement = placementFor(readPlan(doc).focusAreas, id, direction, (area) => area.priority);
      return placement === null ? ok(undefined) : moveFocusArea(doc, origin, id, placement);
    },
    removeFocusArea: (id, options) => removeFocusArea(doc, origin, id, options),
  };
}
