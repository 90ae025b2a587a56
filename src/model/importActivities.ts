// Adds the activities of a CSV import, and the focus areas and organisations the user chose to create, as one change.
import type * as Y from 'yjs';
import { commit } from './commit.ts';
import type { LogRecord } from './log.ts';
import { nameKey } from './names.ts';
import { compareByOrder, orderKeysAfter } from './order.ts';
import type { LocalOrigin } from './origins.ts';
import { activityRowOf, newId, readPlan } from './plan.ts';
import { ok } from './result.ts';
import type { Result } from './result.ts';
import type {
  ActivityId,
  ActivityValues,
  FocusArea,
  FocusAreaId,
  ParticipantId,
  ParticipantKind,
  PlanSnapshot,
} from './schema.ts';
import { activitiesOf, focusAreasOf, newRow, participantsOf } from './shared.ts';
import { parseActivityValues, parseName, parsePriority } from './validate.ts';
import { orderNewNames } from './importOrder.ts';

/** The cells of one imported activity other than its focus area and owners, as the preview parsed them. */
export type ImportedCells = Omit<ActivityValues, 'focusAreaId' | 'owners'>;

/** One activity to import; its focus area and owners by name, so they are matched against the plan as it is then. */
export interface ImportActivityRow {
  /** The line in the file where the row starts (for messages). */
  readonly line: number;
  readonly focusArea: string;
  /** The file's priority for the focus area: it picks among areas of one name and is a new area's priority. */
  readonly priority: number | null;
  readonly owners: readonly string[];
  readonly cells: ImportedCells;
}

/** The names, unknown to the plan, that the user chose to create (compared as `nameKey`). */
export interface ImportChoices {
  readonly createFocusAreas: readonly string[];
  readonly createOwners: readonly string[];
}

export interface ImportOutcome {
  readonly added: number;
  /** Rows left out because a focus area or owner they name neither exists nor was chosen to be created. */
  readonly skipped: number;
  readonly createdFocusAreas: number;
  readonly createdOwners: number;
}

/** A new area's priority when the file gives none: what "Nytt fokusområde" starts with. */
const DEFAULT_PRIORITY = 1;

interface NewRow {
  readonly id: string;
  readonly name: string;
}

/**
 * Adds `rows` to the plan in ONE transaction with `origin` (one Ctrl+Z takes it all back), logged as adds:
 * first the chosen focus areas and organisations that the added rows use, then each activity last in its
 * focus area and step, in file order. Names are matched against the plan as it is now (it may have changed
 * since the preview), and every row is validated again; if any row is refused, nothing is written.
 */
export function importActivities(
  doc: Y.Doc,
  origin: LocalOrigin,
  rows: readonly ImportActivityRow[],
  choices: ImportChoices,
): Result<ImportOutcome> {
  const plan = readPlan(doc);
  const areasByKey = groupBy(plan.focusAreas, (area) => nameKey(area.name));
  const ownerIds = new Map(plan.participants.map((p) => [nameKey(p.name), p.id as string]));
  const createAreas = new Set(choices.createFocusAreas.map(nameKey));
  const createOwners = new Set(choices.createOwners.map(nameKey));
  const resolvable = (row: ImportActivityRow): boolean =>
    (areasByKey.has(nameKey(row.focusArea)) || createAreas.has(nameKey(row.focusArea))) &&
    row.owners.every((owner) => ownerIds.has(nameKey(owner)) || createOwners.has(nameKey(owner)));
  const added = rows.filter(resolvable);

  const newAreas = planNewAreas(added, areasByKey);
  if (!newAreas.ok) return newAreas;
  const newOwners = planNewOwners(added, ownerIds);
  if (!newOwners.ok) return newOwners;
  for (const area of newAreas.value) areasByKey.set(nameKey(area.name), [area]);
  for (const owner of newOwners.value) ownerIds.set(nameKey(owner.name), owner.id);

  const parsed = parseRows(added, areasByKey, ownerIds);
  if (!parsed.ok) return parsed;
  const values = parsed.value;
  const orders = orderKeysFor(plan, values);

  commit(doc, origin, () => [
    ...writeOwners(doc, newOwners.value, plan),
    ...writeAreas(doc, newAreas.value, plan),
    ...values.map((cells, i): LogRecord => {
      const id = newId<ActivityId>();
      activitiesOf(doc).set(id, activityRowOf({ ...cells, order: orders[i] ?? 'a0' }));
      return { target: 'activity', action: 'add', id, to: cells.text };
    }),
  ]);
  return ok({
    added: added.length,
    skipped: rows.length - added.length,
    createdFocusAreas: newAreas.value.length,
    createdOwners: newOwners.value.length,
  });
}

/** Each row's cells with ids for its names, validated as a new activity; a refusal names the row's line. */
function parseRows(
  rows: readonly ImportActivityRow[],
  areasByKey: ReadonlyMap<string, readonly FocusArea[]>,
  ownerIds: ReadonlyMap<string, string>,
): Result<ActivityValues[]> {
  const context = {
    focusAreaIds: new Set([...areasByKey.values()].flat().map((area) => area.id as string)),
    participantIds: new Set(ownerIds.values()),
  };
  const values: ActivityValues[] = [];
  for (const row of rows) {
    const area = pickArea(areasByKey.get(nameKey(row.focusArea)) ?? [], row.priority);
    const owners = row.owners.map((owner) => ownerIds.get(nameKey(owner)));
    const parsed = parseActivityValues({ ...row.cells, focusAreaId: area?.id, owners }, context);
    if (!parsed.ok) return { ok: false, error: { ...parsed.error, params: { line: String(row.line) } } };
    values.push(parsed.value);
  }
  return ok(values);
}

/** The focus areas to create: one per new name the added rows use, in order of first use, priority from the file. */
function planNewAreas(
  rows: readonly ImportActivityRow[],
  existing: ReadonlyMap<string, readonly FocusArea[]>,
): Result<FocusArea[]> {
  const areas = new Map<string, FocusArea>();
  for (const row of rows) {
    const key = nameKey(row.focusArea);
    if (existing.has(key) || areas.has(key)) continue;
    const name = parseName(row.focusArea, undefined, 'focusArea');
    if (!name.ok) return name;
    const firstPriority = rows.find((other) => nameKey(other.focusArea) === key && other.priority !== null);
    const priority = parsePriority(firstPriority?.priority ?? DEFAULT_PRIORITY);
    if (!priority.ok) return priority;
    areas.set(key, { id: newId<FocusAreaId>(), name: name.value, priority: priority.value, order: '' });
  }
  return ok([...areas.values()]);
}

/** The organisations to create, in the order the file lists them (see `orderNewNames`). */
function planNewOwners(
  rows: readonly ImportActivityRow[],
  existing: ReadonlyMap<string, string>,
): Result<NewRow[]> {
  const spelling = new Map<string, string>();
  const lists = rows.map((row) =>
    row.owners.filter((owner) => !existing.has(nameKey(owner))).map((owner) => nameKey(owner)),
  );
  for (const row of rows)
    for (const owner of row.owners)
      if (!existing.has(nameKey(owner)) && !spelling.has(nameKey(owner))) spelling.set(nameKey(owner), owner);
  const owners: NewRow[] = [];
  for (const key of orderNewNames(lists)) {
    const name = parseName(spelling.get(key), undefined, 'owners');
    if (!name.ok) return name;
    owners.push({ id: newId<ParticipantId>(), name: name.value });
  }
  return ok(owners);
}

function writeOwners(doc: Y.Doc, owners: readonly NewRow[], plan: PlanSnapshot): LogRecord[] {
  const keys = orderKeysAfter(lastOrder(plan.participants), owners.length);
  return owners.map(({ id, name }, i) => {
    participantsOf(doc).set(id, newRow({ name, kind: guessKind(name), order: keys[i] }));
    return { target: 'participant', action: 'add', id, to: name };
  });
}

function writeAreas(doc: Y.Doc, areas: readonly FocusArea[], plan: PlanSnapshot): LogRecord[] {
  const keys = orderKeysAfter(lastOrder(plan.focusAreas), areas.length);
  return areas.map(({ id, name, priority }, i) => {
    focusAreasOf(doc).set(id, newRow({ name, priority, order: keys[i] }));
    return { target: 'focusArea', action: 'add', id, to: name };
  });
}

/** Order keys that put each new activity last in its focus area and step, the file's rows in file order. */
function orderKeysFor(plan: PlanSnapshot, values: readonly ActivityValues[]): string[] {
  const groupOf = (value: Pick<ActivityValues, 'focusAreaId' | 'step'>): string =>
    `${value.focusAreaId}\u0000${value.step}`;
  const existing = groupBy(plan.activities, groupOf);
  const fresh = new Map<string, string[]>();
  for (const value of values) {
    const group = groupOf(value);
    if (!fresh.has(group)) {
      const count = values.filter((other) => groupOf(other) === group).length;
      fresh.set(group, orderKeysAfter(lastOrder(existing.get(group) ?? []), count).reverse());
    }
  }
  return values.map((value) => fresh.get(groupOf(value))?.pop() ?? 'a0');
}

/** Among areas of one name, the one with the file's priority (a plan may hold two of one name), else the first. */
const pickArea = (areas: readonly FocusArea[], priority: number | null): FocusArea | undefined =>
  areas.find((area) => area.priority === priority) ?? areas[0];

const lastOrder = (items: readonly { readonly id: string; readonly order: string }[]): string | null =>
  [...items].sort(compareByOrder).at(-1)?.order ?? null;

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

/**
 * A created organisation's kind, guessed from its name (the CSV has no kind column; settings can change it):
 * "Region …" is a region, "… kommunförbund" an association, "… kommun" a municipality, "Gemensamt" joint.
 */
export function guessKind(name: string): ParticipantKind {
  const key = nameKey(name);
  if (key.startsWith('region')) return 'region';
  if (key.includes('förbund')) return 'association';
  if (key.includes('kommun')) return 'municipality';
  if (key === 'gemensamt') return 'joint';
  return 'other';
}
