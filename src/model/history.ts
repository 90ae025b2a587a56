// History from the in-document log: a cell's earlier values, and what changed in the plan since a date.
import type * as Y from 'yjs';
import { indexedLog } from './heads.ts';
import { cellValueOf } from './logEntry.ts';
import { readPlan } from './plan.ts';
import type { Actor, CellRef, FocusAreaId, LogAction, LogEntry, LogValue } from './schema.ts';

/** One value a cell had: who set it, when, and how (an edit, a move, or the row being added or restored). */
export interface CellChange {
  /** Absent on entries written before entries had keys. */
  readonly key: string | undefined;
  readonly at: string;
  readonly by: Actor;
  readonly action: LogAction;
  /** The cell's field, so a list of changes across cells can say which each was. */
  readonly field: string;
  readonly from: LogValue;
  readonly to: LogValue;
}

/** The changes of one focus area's activities (or, with `focusAreaId` null, of the plan itself). */
export interface ChangeGroup {
  readonly focusAreaId: FocusAreaId | null;
  /** The focus area's name now, or as last logged if it was removed; '' for the plan-level group. */
  readonly name: string;
  /** Newest first. */
  readonly changes: readonly PlanChangeEntry[];
}

export interface PlanChangeEntry {
  readonly entry: LogEntry;
  /**
   * The activity's text now, or as it was when deleted. For a focus area's or participant's entry, its name;
   * for a plan setting, ''.
   */
  readonly activityText: string;
}

/** The values the cell had, newest first, as far back as the bounded log reaches. */
export function cellHistory(doc: Y.Doc, cell: CellRef): CellChange[] {
  const changes: CellChange[] = [];
  const log = indexedLog(doc);
  for (let i = log.length - 1; i >= 0; i--) {
    const entry = log[i];
    if (entry === undefined || entry.target !== cell.target || entry.id !== cell.id) continue;
    const change = toCellChange(entry, cell.field);
    if (change !== undefined) changes.push(change);
  }
  return changes;
}

/** What the entry did to `field`, or undefined when it did not touch it. */
export function toCellChange(entry: LogEntry, field: string): CellChange | undefined {
  const to = cellValueOf(entry, field);
  if (to === undefined) return undefined;
  return {
    key: entry.key,
    at: entry.at,
    by: entry.by,
    action: entry.action,
    field,
    from: entry.field === field ? (entry.from ?? null) : null,
    to,
  };
}

/**
 * Every logged change at or after `sinceIso` (an ISO date or timestamp), grouped by focus area in plan order
 * (focus areas removed since come after the others) and newest first in a group. Changes to participants,
 * focus areas themselves and the plan's settings come first, in the group whose `focusAreaId` is null.
 */
export function changesSince(doc: Y.Doc, sinceIso: string): ChangeGroup[] {
  const log = indexedLog(doc);
  const names = rowNames(doc, log);
  const groups = new Map<FocusAreaId | null, PlanChangeEntry[]>([[null, []]]);
  for (const area of readPlan(doc).focusAreas) groups.set(area.id, []);
  for (let i = log.length - 1; i >= 0; i--) {
    const entry = log[i];
    if (entry === undefined || entry.at < sinceIso) continue;
    const area = entry.target === 'activity' ? (names.activityArea.get(entry.id) ?? null) : null;
    const label = names.label.get(`${entry.target}:${entry.id}`) ?? '';
    let group = groups.get(area);
    if (group === undefined) groups.set(area, (group = []));
    group.push({ entry, activityText: label });
  }
  return [...groups]
    .filter(([, changes]) => changes.length > 0)
    .map(([focusAreaId, changes]) => ({
      focusAreaId,
      name: focusAreaId === null ? '' : (names.label.get(`focusArea:${focusAreaId}`) ?? ''),
      changes,
    }));
}

/** Each row's label (activity text, name) and each activity's focus area: from the plan, else as last logged. */
function rowNames(doc: Y.Doc, log: readonly LogEntry[]) {
  const label = new Map<string, string>();
  const activityArea = new Map<string, FocusAreaId>();
  // Oldest first, so the last thing the log says about a removed row is what stays.
  for (const entry of log) {
    const text = loggedLabel(entry);
    if (text !== undefined) label.set(`${entry.target}:${entry.id}`, text);
    const area = loggedArea(entry);
    if (area !== undefined) activityArea.set(entry.id, area);
  }
  const plan = readPlan(doc);
  for (const area of plan.focusAreas) label.set(`focusArea:${area.id}`, area.name);
  for (const participant of plan.participants) label.set(`participant:${participant.id}`, participant.name);
  for (const activity of plan.activities) {
    label.set(`activity:${activity.id}`, activity.text);
    activityArea.set(activity.id, activity.focusAreaId);
  }
  return { label, activityArea };
}

/** What the entry says the row is called (an activity's text, a focus area's or participant's name). */
function loggedLabel(entry: LogEntry): string | undefined {
  if (entry.target === 'meta') return undefined;
  const field = entry.target === 'activity' ? 'text' : 'name';
  const value =
    entry.action === 'delete' ? (entry.snapshot?.[field] ?? entry.from) : cellValueOf(entry, field);
  return typeof value === 'string' ? value : undefined;
}

function loggedArea(entry: LogEntry): FocusAreaId | undefined {
  if (entry.target !== 'activity') return undefined;
  const value = entry.action === 'delete' ? entry.snapshot?.focusAreaId : cellValueOf(entry, 'focusAreaId');
  return typeof value === 'string' ? (value as FocusAreaId) : undefined;
}
