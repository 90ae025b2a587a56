// Shapes shared by the history dialog and its panels.
import type { ActivityId } from '../../model/schema.ts';

/** A grid cell: the activity's row and the column's field (`priority` is the activity's focus area's). */
export interface FocusedCell {
  readonly id: ActivityId;
  readonly field: string;
}

/** How a panel reports back: a result to announce politely, or a refusal to announce at once. */
export interface HistoryMessages {
  announce(text: string): void;
  problem(text: string): void;
}
