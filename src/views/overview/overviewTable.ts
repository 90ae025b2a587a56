// The overview as data: the plan as the reports print it, one row per focus area, one cell per step. Pure.
import { isOverdue } from '../../model/due.ts';
import { ownerNamesText } from '../../model/ownerNames.ts';
import { STEPS } from '../../model/schema.ts';
import type {
  Activity,
  ActivityId,
  FocusAreaId,
  ParticipantId,
  PlanSnapshot,
  Status,
  Step,
} from '../../model/schema.ts';

/** One activity as a cell lists it. */
export interface OverviewItem {
  readonly id: ActivityId;
  readonly text: string;
  readonly status: Status;
  /** The owners' names in the participants' order, joined with ", "; empty when no one owns it. */
  readonly owners: string;
  /** `YYYY-MM-DD` or empty. */
  readonly due: string;
  readonly overdue: boolean;
  readonly decision: string;
  /** `YYYY-MM-DD` or empty. */
  readonly decisionDate: string;
}

/** The activities of one focus area in one step, in plan order. */
export interface OverviewCell {
  /** `<focusAreaId>/<step>`: a stable key, so a live update keeps the cells it did not change. */
  readonly id: string;
  readonly step: Step;
  readonly items: readonly OverviewItem[];
}

/** One focus area: its header and a cell per step (Steg 1, 2, 3). */
export interface OverviewRow {
  readonly id: FocusAreaId;
  readonly name: string;
  readonly priority: number;
  /** True on the first row of its priority: where the printed plan draws a line between priority groups. */
  readonly firstOfPriority: boolean;
  readonly cells: readonly OverviewCell[];
  readonly total: number;
  readonly done: number;
  readonly overdue: number;
}

export interface OverviewTable {
  /** Every focus area in priority order, those without activities too. */
  readonly rows: readonly OverviewRow[];
  readonly activities: number;
  readonly overdue: number;
}

/**
 * The overview of `plan` on `today` (`YYYY-MM-DD`). Relies on the snapshot's order: focus areas by priority,
 * order and id; activities in plan order. Activities whose focus area is gone (a removal racing an edit) have
 * no row to go in and are left out, as the plan's table leaves them out of every focus area.
 */
export function readOverviewTable(plan: PlanSnapshot, today: string): OverviewTable {
  const ownerNames = ownerNamesText(plan);
  const byArea = new Map<FocusAreaId, OverviewItem[][]>(
    plan.focusAreas.map((area) => [area.id, STEPS.map(() => [])]),
  );
  let activities = 0;
  let overdue = 0;
  for (const activity of plan.activities) {
    const cells = byArea.get(activity.focusAreaId);
    if (cells === undefined) continue;
    const item = itemOf(activity, ownerNames, today);
    cells[STEPS.indexOf(activity.step)]?.push(item);
    activities += 1;
    if (item.overdue) overdue += 1;
  }
  const rows = plan.focusAreas.map((area, i): OverviewRow => {
    const cells = byArea.get(area.id) ?? [];
    const items = cells.flat();
    return {
      id: area.id,
      name: area.name,
      priority: area.priority,
      firstOfPriority: i === 0 || plan.focusAreas[i - 1]?.priority !== area.priority,
      cells: STEPS.map((step, s) => ({ id: `${area.id}/${step}`, step, items: cells[s] ?? [] })),
      total: items.length,
      done: items.filter((item) => item.status === 'done').length,
      overdue: items.filter((item) => item.overdue).length,
    };
  });
  return { rows, activities, overdue };
}

type OwnerNames = (owners: readonly ParticipantId[]) => string;

function itemOf(activity: Activity, ownerNames: OwnerNames, today: string): OverviewItem {
  return {
    id: activity.id,
    text: activity.text,
    status: activity.status,
    owners: ownerNames(activity.owners),
    due: activity.due,
    overdue: isOverdue(activity, today),
    decision: activity.decision,
    decisionDate: activity.decisionDate,
  };
}
