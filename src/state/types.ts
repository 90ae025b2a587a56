// The contract between the plan page and the grid: the actions the grid may call and the props it receives.
import type { PlanChange } from '../model/observe.ts';
import type { BatchOutcome, CellValue } from '../model/batch.ts';
import type { ModelError, Result } from '../model/result.ts';
import type {
  ActivityField,
  ActivityId,
  FocusAreaId,
  ParticipantId,
  PlanSnapshot,
  Status,
  Step,
} from '../model/schema.ts';

export type { PlanChange } from '../model/observe.ts';
export type { BatchOutcome, CellValue } from '../model/batch.ts';

/** Where to put a new activity: a focus area and a step, optionally right after another activity. */
export interface NewActivityInput {
  focusAreaId: FocusAreaId;
  step: Step;
  text: string;
  after?: ActivityId;
}

/** A new focus area as typed: the model trims the name and parses the priority (1–99, number or digits). */
export interface NewFocusAreaInput {
  name: string;
  priority: number | string;
}

/** Where to move an activity: a focus area and step, optionally between two neighbours (end when neither). */
export interface MoveTarget {
  focusAreaId: FocusAreaId;
  step: Step;
  before?: ActivityId;
  after?: ActivityId;
}

/**
 * The plan's user actions, each one model transaction with this tab's local origin.
 * A refusal comes back as `{ ok: false, error }`; show it with t(`error.${error.code}`). Nothing is half-applied.
 */
export interface PlanActions {
  addActivity(input: NewActivityInput): Result<ActivityId>;
  /** `value` in the model's forms: strings, step 1|2|3, status key, 'YYYY-MM-DD' or '', owner id list, reform part numbers. */
  setActivityField(id: ActivityId, field: ActivityField, value: unknown): Result<void>;
  moveActivity(id: ActivityId, target: MoveTarget): Result<void>;
  deleteActivity(id: ActivityId): Result<void>;
  setPlanTitle(title: string): Result<void>;
  /** Adds a focus area after the others; a refusal (empty name, bad priority) stores nothing. */
  addFocusArea(input: NewFocusAreaInput): Result<FocusAreaId>;
  /** Re-prioritises a focus area (1 = start first); all its activities move with it. */
  setFocusAreaPriority(id: FocusAreaId, priority: number | string): Result<void>;
  /** Writes many cells as ONE undoable action (a paste); each is validated as its own edit, refused ones reported. */
  setCells(cells: readonly CellValue[]): BatchOutcome;
}

/** The toolbar's filters; the empty value ('' or 0) means "all". */
export interface GridFilters {
  owner: ParticipantId | '';
  status: Status | '';
  step: Step | 0;
}

/** Props of `<PlanGrid/>` (src/grid/PlanGrid.tsx). */
export interface PlanGridProps {
  plan: PlanSnapshot; // reactive Solid store (read it inside effects)
  onRowChanges: (listener: (change: PlanChange) => void) => () => void;
  actions: PlanActions;
  readOnly: boolean;
  quickFilter: string;
  filters: GridFilters;
  onSelectionChange?: (ids: ActivityId[]) => void;
  onError: (error: ModelError) => void; // shown by the view in an aria-live region
  /** Cells with an open conflict: row id → fields (`conflictCells`). The grid marks them and opens the choice on Enter. */
  conflicts: ReadonlyMap<string, ReadonlySet<string>>;
  /** `field` is a column id: 'priority' stands for the row's focus area priority. */
  onOpenConflict?: (row: { id: ActivityId; focusAreaId: FocusAreaId }, field: string) => void;
  onCellFocus?: (id: ActivityId, field: string) => void;
  /** An activity to show: the grid scrolls to its row, focuses its text cell and then calls `onRevealed`. */
  reveal?: { readonly id: ActivityId } | null;
  onRevealed?: () => void;
  /** A polite message from the grid's keys (cleared, pasted, row added). */
  onAnnounce?: (text: string) => void;
  /** An assertive message from the grid's keys (a refused clear, the values a paste refused and why). */
  onProblem?: (text: string) => void;
}
