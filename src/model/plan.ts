// Creating a plan from a template, and reading the whole plan as a plain, frozen snapshot.
import * as Y from 'yjs';
import { nanoid } from 'nanoid';
import { compareByOrder, orderKeysAfter } from './order.ts';
import { TEMPLATE_ORIGIN } from './origins.ts';
import { fail, ok } from './result.ts';
import type { Result } from './result.ts';
import {
  LIMITS,
  PARTICIPANT_KINDS,
  REFORM_PARTS,
  SCHEMA_VERSION,
  STATUSES,
  STEPS,
  TEMPLATE_IDS,
} from './schema.ts';
import type {
  Activity,
  ActivityId,
  FocusArea,
  FocusAreaId,
  Participant,
  ParticipantId,
  ParticipantKind,
  PlanMeta,
  PlanSnapshot,
  ReformPart,
  Status,
  Step,
  TemplateId,
} from './schema.ts';
import {
  activitiesOf,
  focusAreasOf,
  metaOf,
  newRow,
  newSet,
  num,
  participantsOf,
  setMembers,
  str,
} from './shared.ts';
import type { Row } from './shared.ts';
import { templateSeed } from './templates.ts';
import { parseName, parseTemplateId } from './validate.ts';

/** A new random, URL-safe id for a row. */
export const newId = <T extends string>(): T => nanoid() as T;

/**
 * Writes a new plan from `template` into an empty doc, in one transaction. Done once, by whoever creates
 * the plan (the relay at `POST /api/plans`); everyone else receives it by sync.
 */
export function seedPlan(
  doc: Y.Doc,
  template: TemplateId,
  input: { readonly title: string; readonly createdAt: string },
): Result<void> {
  const title = parseName(input.title, LIMITS.title, 'title');
  if (!title.ok) return title;
  const checked = parseTemplateId(template);
  if (!checked.ok) return checked;
  if (isPlanSeeded(doc)) return fail('bad_template', 'the document already holds a plan');
  const seed = templateSeed(checked.value);
  doc.transact(() => {
    const meta = metaOf(doc);
    meta.set('title', title.value);
    meta.set('county', seed.county);
    meta.set('template', checked.value);
    meta.set('createdAt', input.createdAt);
    meta.set('schemaVersion', SCHEMA_VERSION);
    const participantKeys = orderKeysAfter(null, seed.participants.length);
    seed.participants.forEach((participant, i) => {
      participantsOf(doc).set(
        newId(),
        newRow({ name: participant.name, kind: participant.kind, order: participantKeys[i] }),
      );
    });
    const areaKeys = orderKeysAfter(null, seed.focusAreas.length);
    seed.focusAreas.forEach((area, i) => {
      const focusAreaId = newId<FocusAreaId>();
      focusAreasOf(doc).set(
        focusAreaId,
        newRow({ name: area.name, priority: area.priority, order: areaKeys[i] }),
      );
      const activityKeys = orderKeysAfter(null, area.activities.length);
      area.activities.forEach((activity, j) => {
        activitiesOf(doc).set(
          newId(),
          newActivityRow(
            focusAreaId,
            activity.step,
            activity.text,
            activityKeys[j] ?? 'a0',
            activity.reformParts,
          ),
        );
      });
    });
  }, TEMPLATE_ORIGIN);
  return ok(undefined);
}

/** A fresh activity row: not started, no owners, its other text cells empty. */
export function newActivityRow(
  focusAreaId: FocusAreaId,
  step: Step,
  text: string,
  order: string,
  reformParts: readonly ReformPart[] = [],
): Row {
  return activityRowOf({
    focusAreaId,
    step,
    text,
    owners: [],
    responsible: '',
    status: 'not_started',
    due: '',
    reformParts,
    note: '',
    decision: '',
    decisionDate: '',
    order,
  });
}

/**
 * A row holding every cell of `activity` (a restore re-creates one under its old id). Empty text cells are left
 * out: an absent cell reads as empty, and each one written costs about 20 bytes in every replica for good (a
 * 5,000-row plan: 0.5 MB). The sets are always created, since two replicas creating the same set at once would
 * each write their own map under one key and only one would keep its members.
 */
export function activityRowOf(activity: Omit<Activity, 'id'>): Row {
  const cells: Record<string, unknown> = {
    focusAreaId: activity.focusAreaId,
    step: activity.step,
    text: activity.text,
    owners: newSet(activity.owners),
    responsible: activity.responsible,
    status: activity.status,
    due: activity.due,
    reformParts: newSet(activity.reformParts),
    note: activity.note,
    decision: activity.decision,
    decisionDate: activity.decisionDate,
    order: activity.order,
  };
  return newRow(Object.fromEntries(Object.entries(cells).filter(([, value]) => value !== '')));
}

/** True once the plan's content has arrived (the relay seeds it; a new replica is empty until first sync). */
export const isPlanSeeded = (doc: Y.Doc): boolean => typeof metaOf(doc).get('schemaVersion') === 'number';

/** The whole plan, every list in display order. Values other replicas wrote badly read as safe defaults. */
export function readPlan(doc: Y.Doc): PlanSnapshot {
  const participants = readParticipants(doc);
  const participantRank = rankOf(participants);
  const focusAreas = [...focusAreasOf(doc)]
    .map(([id, row]) => readFocusArea(id, row))
    .sort(compareFocusAreas);
  const areaRank = rankOf(focusAreas);
  const activities = [...activitiesOf(doc)]
    .map(([id, row]) => readActivityRow(id, row, participantRank))
    .sort((a, b) => compareActivities(a, b, areaRank));
  return deepFreeze({ meta: readMeta(doc), participants, focusAreas, activities });
}

/** One activity, or undefined when it does not exist (any more). */
export function readActivity(doc: Y.Doc, id: ActivityId): Activity | undefined {
  const row = activitiesOf(doc).get(id);
  if (!(row instanceof Y.Map)) return undefined;
  return deepFreeze(readActivityRow(id, row, rankOf(readParticipants(doc))));
}

const readParticipants = (doc: Y.Doc): Participant[] =>
  [...participantsOf(doc)].map(([id, row]) => readParticipant(id, row)).sort(compareByOrder);

/** Each id's position in an already sorted list. */
const rankOf = (items: readonly { readonly id: string }[]): Map<string, number> =>
  new Map(items.map((item, i) => [item.id, i]));

function readMeta(doc: Y.Doc): PlanMeta {
  const meta = metaOf(doc);
  const template = str(meta, 'template', 'empty');
  return {
    title: str(meta, 'title'),
    county: str(meta, 'county'),
    template: TEMPLATE_IDS.includes(template as TemplateId) ? (template as TemplateId) : 'empty',
    createdAt: str(meta, 'createdAt'),
    schemaVersion: num(meta, 'schemaVersion', 0),
  };
}

function readParticipant(id: string, row: Row): Participant {
  const kind = str(row, 'kind', 'other');
  return {
    id: id as ParticipantId,
    name: str(row, 'name'),
    kind: PARTICIPANT_KINDS.includes(kind as ParticipantKind) ? (kind as ParticipantKind) : 'other',
    order: str(row, 'order'),
  };
}

function readFocusArea(id: string, row: Row): FocusArea {
  return {
    id: id as FocusAreaId,
    name: str(row, 'name'),
    priority: num(row, 'priority', 1),
    order: str(row, 'order'),
  };
}

function readActivityRow(id: string, row: Row, participantRank: ReadonlyMap<string, number>): Activity {
  const step = num(row, 'step', 1);
  const status = str(row, 'status', 'not_started');
  // Owners removed from the plan (a racing removal) are left out of the snapshot but kept in the doc.
  const owners = setMembers(row, 'owners')
    .filter((owner) => participantRank.has(owner))
    .sort((a, b) => (participantRank.get(a) ?? 0) - (participantRank.get(b) ?? 0)) as ParticipantId[];
  const reformParts = setMembers(row, 'reformParts')
    .map(Number)
    .filter((part): part is ReformPart => REFORM_PARTS.includes(part as ReformPart))
    .sort((a, b) => a - b);
  return {
    id: id as ActivityId,
    focusAreaId: str(row, 'focusAreaId') as FocusAreaId,
    step: STEPS.includes(step as Step) ? (step as Step) : 1,
    text: str(row, 'text'),
    owners,
    responsible: str(row, 'responsible'),
    status: STATUSES.includes(status as Status) ? (status as Status) : 'not_started',
    due: str(row, 'due'),
    reformParts,
    note: str(row, 'note'),
    // Plans made before decisions existed have no such cells: they read as empty.
    decision: str(row, 'decision'),
    decisionDate: str(row, 'decisionDate'),
    order: str(row, 'order'),
  };
}

/** Focus areas by priority (1 first), then their order, then id. */
export const compareFocusAreas = (a: FocusArea, b: FocusArea): number =>
  a.priority - b.priority || compareByOrder(a, b);

/**
 * Plan order: focus area rank, step, order, id. An activity whose focus area was removed by a racing edit
 * sorts last rather than disappearing: nothing typed is lost.
 */
function compareActivities(a: Activity, b: Activity, areaRank: ReadonlyMap<string, number>): number {
  const rankA = areaRank.get(a.focusAreaId) ?? Number.MAX_SAFE_INTEGER;
  const rankB = areaRank.get(b.focusAreaId) ?? Number.MAX_SAFE_INTEGER;
  return rankA - rankB || a.step - b.step || compareByOrder(a, b);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
