// The follow-up's figures: counts by status per focus area, owner organisation and reform part, and the late list.
// Pure (no DOM, no Solid, no chart library, no i18n), so the figures are tested on their own and every chart,
// table and summary shows the same numbers.
import { isOverdue } from '../../model/due.ts';
import { REFORM_PARTS, STATUSES } from '../../model/schema.ts';
import type {
  Activity,
  ActivityId,
  FocusAreaId,
  Participant,
  ParticipantId,
  PlanSnapshot,
  ReformPart,
  Status,
} from '../../model/schema.ts';

/** What a group counts; the view turns a subject into words (`noOwner` is "Ingen ansvarig"). */
export type GroupSubject =
  | { readonly kind: 'plan' }
  | { readonly kind: 'focusArea'; readonly id: FocusAreaId; readonly name: string }
  | { readonly kind: 'unknownFocusArea' }
  | { readonly kind: 'participant'; readonly id: ParticipantId; readonly name: string }
  | { readonly kind: 'noOwner' }
  | { readonly kind: 'reformPart'; readonly part: ReformPart }
  | { readonly kind: 'noReformPart' };

export type StatusCounts = Readonly<Record<Status, number>>;

export interface ProgressGroup {
  /** Unique within its list and stable across changes: the chart's axis and the table's rows key on it. */
  readonly key: string;
  readonly subject: GroupSubject;
  /** Activities in the group by status; every status is present, 0 when none. */
  readonly counts: StatusCounts;
  readonly total: number;
  readonly done: number;
  /** `done / total` as a fraction, 0 for an empty group. */
  readonly shareDone: number;
  /** `shareDone` as a whole percent, rounded half up. */
  readonly percentDone: number;
}

export interface OverdueActivity {
  readonly id: ActivityId;
  readonly text: string;
  readonly due: string;
  readonly status: Status;
  /** Whole days between the due date and today (1 = due yesterday). */
  readonly daysOverdue: number;
  /** Empty when the activity's focus area is no longer in the plan. */
  readonly focusAreaName: string;
  /** Owner names in the participants' order. */
  readonly owners: readonly string[];
}

export interface PlanProgress {
  /** The plan's focus areas in plan order; a last `unknownFocusArea` group only when an activity lost its area. */
  readonly byFocusArea: readonly ProgressGroup[];
  /** Participants in their order, then `noOwner`. An activity with several owners counts once for each. */
  readonly byOrganisation: readonly ProgressGroup[];
  /**
   * Reform parts 1–10, all listed (a part without activities is itself a finding), then `noReformPart`.
   * An activity tagged with several parts counts once for each.
   */
  readonly byReformPart: readonly ProgressGroup[];
  /** Late activities, oldest due date first, ties in plan order. */
  readonly overdue: readonly OverdueActivity[];
  /** Every activity once. */
  readonly total: ProgressGroup;
}

/** The follow-up's figures for `plan` as of `today` (`YYYY-MM-DD`). */
export function readProgress(plan: PlanSnapshot, today: string): PlanProgress {
  return {
    byFocusArea: byFocusArea(plan),
    byOrganisation: byOrganisation(plan),
    byReformPart: byReformPart(plan),
    overdue: overdueActivities(plan, today),
    total: groupOf('plan', { kind: 'plan' }, plan.activities),
  };
}

/** Counts `activities` into one group. */
export function groupOf(key: string, subject: GroupSubject, activities: readonly Activity[]): ProgressGroup {
  const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>;
  for (const activity of activities) counts[activity.status] += 1;
  const total = activities.length;
  const done = counts.done;
  const shareDone = total === 0 ? 0 : done / total;
  return { key, subject, counts, total, done, shareDone, percentDone: Math.round(shareDone * 100) };
}

function byFocusArea(plan: PlanSnapshot): ProgressGroup[] {
  const known = new Set<string>(plan.focusAreas.map((area) => area.id));
  const groups = plan.focusAreas.map((area) =>
    groupOf(
      `area:${area.id}`,
      { kind: 'focusArea', id: area.id, name: area.name },
      plan.activities.filter((activity) => activity.focusAreaId === area.id),
    ),
  );
  // A racing removal can leave activities whose area is gone; they still count, in a group of their own.
  const orphans = plan.activities.filter((activity) => !known.has(activity.focusAreaId));
  if (orphans.length > 0) groups.push(groupOf('area:unknown', { kind: 'unknownFocusArea' }, orphans));
  return groups;
}

function byOrganisation(plan: PlanSnapshot): ProgressGroup[] {
  const groups = plan.participants.map((participant) =>
    groupOf(
      `owner:${participant.id}`,
      { kind: 'participant', id: participant.id, name: participant.name },
      plan.activities.filter((activity) => activity.owners.includes(participant.id)),
    ),
  );
  const ownerless = plan.activities.filter((activity) => activity.owners.length === 0);
  groups.push(groupOf('owner:none', { kind: 'noOwner' }, ownerless));
  return groups;
}

function byReformPart(plan: PlanSnapshot): ProgressGroup[] {
  const groups = REFORM_PARTS.map((part) =>
    groupOf(
      `part:${part}`,
      { kind: 'reformPart', part },
      plan.activities.filter((activity) => activity.reformParts.includes(part)),
    ),
  );
  const untagged = plan.activities.filter((activity) => activity.reformParts.length === 0);
  groups.push(groupOf('part:none', { kind: 'noReformPart' }, untagged));
  return groups;
}

function overdueActivities(plan: PlanSnapshot, today: string): OverdueActivity[] {
  const areaNames = new Map<string, string>(plan.focusAreas.map((area) => [area.id, area.name]));
  const ownerNames = new Map<string, Participant['name']>(
    plan.participants.map((participant) => [participant.id, participant.name]),
  );
  return (
    plan.activities
      .filter((activity) => isOverdue(activity, today))
      .map((activity) => ({
        id: activity.id,
        text: activity.text,
        due: activity.due,
        status: activity.status,
        daysOverdue: daysBetween(activity.due, today),
        focusAreaName: areaNames.get(activity.focusAreaId) ?? '',
        owners: activity.owners.flatMap((owner) => ownerNames.get(owner) ?? []),
      }))
      // ISO dates sort as text; the sort is stable, so equal dates keep plan order.
      .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))
  );
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`); 0 when either does not parse. */
export function daysBetween(from: string, to: string): number {
  const start = utcDay(from);
  const end = utcDay(to);
  if (start === null || end === null) return 0;
  // Counted in UTC, so a change to or from summer time never makes a day 23 or 25 hours long.
  return Math.round((end - start) / DAY_MS);
}

function utcDay(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) return null;
  const [, year, month, day] = match;
  return Date.UTC(Number(year), Number(month) - 1, Number(day));
}
