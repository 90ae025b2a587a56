// The plan's vocabulary and plain-data types: names of the shared types, fields, statuses and snapshots.
// Pure data, no Yjs: the UI, the CSV module and the server import these freely.

/** A nominal string type, so an activity id cannot be passed where a plan id is expected. */
export type Brand<T, B extends string> = T & { readonly __brand: B };

export type PlanId = Brand<string, 'PlanId'>;
export type ActivityId = Brand<string, 'ActivityId'>;
export type FocusAreaId = Brand<string, 'FocusAreaId'>;
export type ParticipantId = Brand<string, 'ParticipantId'>;

/** Version of the document layout below; written into `meta.schemaVersion`. */
export const SCHEMA_VERSION = 1;

/** Names of the top-level shared types (DESIGN, "Contract: the Yjs document"). */
export const TOP = {
  meta: 'meta',
  participants: 'participants',
  focusAreas: 'focusAreas',
  activities: 'activities',
  log: 'log',
} as const;

/** Status keys in display order; the Swedish words live in i18n. */
export const STATUSES = [
  'not_started',
  'in_progress',
  'awaiting_decision',
  'waiting',
  'blocked',
  'paused',
  'done',
] as const;
export type Status = (typeof STATUSES)[number];

export const STEPS = [1, 2, 3] as const;
export type Step = (typeof STEPS)[number];

/** The reform's ten supporting parts (*bärande delar*). */
export const REFORM_PARTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type ReformPart = (typeof REFORM_PARTS)[number];

export const PARTICIPANT_KINDS = ['region', 'municipality', 'association', 'joint', 'other'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

export const TEMPLATE_IDS = ['jamtland-harjedalen', 'blekinge', 'empty'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** Field limits, shared by the editors (maxlength) and the validation. */
export const LIMITS = {
  title: 200,
  name: 200,
  text: 4000,
  responsible: 200,
  note: 8000,
  decision: 4000,
  priority: 99,
} as const;

export interface PlanMeta {
  readonly title: string;
  readonly county: string;
  readonly template: TemplateId;
  readonly createdAt: string;
  readonly schemaVersion: number;
}

export interface Participant {
  readonly id: ParticipantId;
  readonly name: string;
  readonly kind: ParticipantKind;
  readonly order: string;
}

export interface FocusArea {
  readonly id: FocusAreaId;
  readonly name: string;
  readonly priority: number;
  readonly order: string;
}

export interface Activity {
  readonly id: ActivityId;
  readonly focusAreaId: FocusAreaId;
  readonly step: Step;
  readonly text: string;
  /** Owner ids in the participants' order. */
  readonly owners: readonly ParticipantId[];
  readonly responsible: string;
  readonly status: Status;
  /** `YYYY-MM-DD`, or empty when no date is set. */
  readonly due: string;
  readonly reformParts: readonly ReformPart[];
  readonly note: string;
  /** The steering group's decision on this activity (*beslut*), free text; empty when none. */
  readonly decision: string;
  /** `YYYY-MM-DD` of the decision, or empty. */
  readonly decisionDate: string;
  readonly order: string;
}

/** The fields a person edits in a cell; `order` changes only through a move. */
export const ACTIVITY_FIELDS = [
  'focusAreaId',
  'step',
  'text',
  'owners',
  'responsible',
  'status',
  'due',
  'reformParts',
  'note',
  'decision',
  'decisionDate',
] as const;
export type ActivityField = (typeof ACTIVITY_FIELDS)[number];
export type ActivityValues = { [F in ActivityField]: Activity[F] };

/** The whole plan as plain, frozen data, every list in display order. */
export interface PlanSnapshot {
  readonly meta: PlanMeta;
  readonly participants: readonly Participant[];
  /** Priority, then order, then id. */
  readonly focusAreas: readonly FocusArea[];
  /** Plan order: focus area (priority, order), step, order, id. */
  readonly activities: readonly Activity[];
}

/** Who made a change, as shown in the log. */
export interface Actor {
  readonly name: string;
  readonly organisation: string;
}

export type LogTarget = 'activity' | 'focusArea' | 'participant' | 'meta';
export type LogAction = 'add' | 'set' | 'move' | 'delete';
export type LogValue = string | number | readonly string[] | readonly number[] | null;

/** One entry of the bounded in-document change log. */
export interface LogEntry {
  /** ISO timestamp of the change on the author's clock. */
  readonly at: string;
  readonly by: Actor;
  readonly target: LogTarget;
  readonly action: LogAction;
  readonly id: string;
  readonly field?: string;
  readonly from?: LogValue;
  readonly to?: LogValue;
  /** A unique id for the entry, so later entries can say they saw it. Entries from before it was added lack it. */
  readonly key?: string;
  /**
   * The keys of the cell's (or, for `add` and `delete`, the row's) newest entries as the writer saw them:
   * the entries this one supersedes. Two entries of one cell that do not see each other are concurrent.
   */
  readonly prev?: readonly string[];
  /**
   * On `delete`: the row's cells as they were, so it can be restored. On an `add` that re-creates a row
   * (a restore): the cells it was re-created with.
   */
  readonly snapshot?: Readonly<Record<string, LogValue>>;
}

/** One cell of the plan: an activity's, focus area's or participant's field, or a plan setting (`id` = `field`). */
export interface CellRef {
  readonly target: LogTarget;
  readonly id: string;
  readonly field: string;
}

/** How many log entries the document keeps; older ones are dropped (the relay keeps full history). */
export const LOG_LIMIT = 5000;
