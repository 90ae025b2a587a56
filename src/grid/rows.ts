// Derives the grid's row objects from a plan snapshot: plain data, names and priorities resolved, one row per activity.
import type {
  Activity,
  ActivityId,
  FocusAreaId,
  ParticipantId,
  PlanSnapshot,
  ReformPart,
  Status,
  Step,
} from '../model/schema.ts';

/** One grid row: an activity's fields (named as the model's `ActivityField`s) plus the values the grid shows for them. */
export interface GridRow {
  readonly id: ActivityId;
  /** The focus area's priority; editing it re-prioritises the whole focus area. */
  readonly priority: number;
  readonly focusAreaId: FocusAreaId;
  readonly focusAreaName: string;
  readonly step: Step;
  readonly text: string;
  readonly owners: readonly ParticipantId[];
  /** Owner names in the participants' order, joined with ", ". */
  readonly ownerNames: string;
  readonly responsible: string;
  readonly status: Status;
  readonly due: string;
  readonly reformParts: readonly ReformPart[];
  readonly note: string;
  readonly decision: string;
  readonly decisionDate: string;
}

/** Name and priority lookups for one snapshot. */
export interface RowLookup {
  readonly focusAreas: ReadonlyMap<string, { readonly name: string; readonly priority: number }>;
  readonly participantNames: ReadonlyMap<string, string>;
}

/** Builds the lookups `toGridRow` needs from a snapshot. */
export function readLookup(plan: PlanSnapshot): RowLookup {
  return {
    focusAreas: new Map(
      plan.focusAreas.map((area) => [area.id, { name: area.name, priority: area.priority }]),
    ),
    participantNames: new Map(plan.participants.map((p) => [p.id, p.name])),
  };
}

/** One activity as a plain, frozen row (arrays copied, so no store proxy reaches the grid). */
export function toGridRow(activity: Activity, lookup: RowLookup): GridRow {
  const area = lookup.focusAreas.get(activity.focusAreaId);
  const owners = [...activity.owners];
  return Object.freeze({
    id: activity.id,
    priority: area?.priority ?? 0,
    focusAreaId: activity.focusAreaId,
    focusAreaName: area?.name ?? '',
    step: activity.step,
    text: activity.text,
    owners,
    ownerNames: owners
      .map((id) => lookup.participantNames.get(id))
      .filter((name): name is string => name !== undefined)
      .join(', '),
    responsible: activity.responsible,
    status: activity.status,
    due: activity.due,
    reformParts: [...activity.reformParts],
    note: activity.note,
    decision: activity.decision,
    decisionDate: activity.decisionDate,
  });
}

/** All rows in plan order (the snapshot's activities already are). */
export function toGridRows(plan: PlanSnapshot): GridRow[] {
  const lookup = readLookup(plan);
  return plan.activities.map((activity) => toGridRow(activity, lookup));
}

/** True when two lists hold the same items in the same order. */
export function sameList<T>(a: readonly T[] | null | undefined, b: readonly T[] | null | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((item, index) => item === b[index]);
}

/** True when two rows would show the same thing, so the grid can keep the old object and skip a refresh. */
export function sameRow(a: GridRow, b: GridRow): boolean {
  return (
    a.id === b.id &&
    a.priority === b.priority &&
    a.focusAreaId === b.focusAreaId &&
    a.focusAreaName === b.focusAreaName &&
    a.step === b.step &&
    a.text === b.text &&
    sameList(a.owners, b.owners) &&
    a.ownerNames === b.ownerNames &&
    a.responsible === b.responsible &&
    a.status === b.status &&
    a.due === b.due &&
    sameList(a.reformParts, b.reformParts) &&
    a.note === b.note &&
    a.decision === b.decision &&
    a.decisionDate === b.decisionDate
  );
}
