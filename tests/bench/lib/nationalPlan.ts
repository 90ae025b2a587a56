// The national plan the big-plan benchmarks share: 21 counties' focus areas and municipalities, 5,000 activities,
// then 20,000 edits spread over status, owners, due dates, responsible and notes.
import { generateKeyBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { addActivity, prepareActivityField, setActivityField } from '../../../src/model/activities.ts';
import { addFocusArea } from '../../../src/model/focusAreas.ts';
import type { LocalOrigin } from '../../../src/model/origins.ts';
import { addParticipant } from '../../../src/model/participants.ts';
import { newActivityRow, newId } from '../../../src/model/plan.ts';
import { STATUSES, STEPS } from '../../../src/model/schema.ts';
import type {
  ActivityField,
  ActivityId,
  FocusAreaId,
  ParticipantId,
  ParticipantKind,
  Step,
} from '../../../src/model/schema.ts';
import { activitiesOf, focusAreasOf, logOf, newRow, participantsOf } from '../../../src/model/shared.ts';
import type { Row } from '../../../src/model/shared.ts';
import { alice, bertil, seededDoc, unwrap } from '../../helpers/plans.ts';

const COUNTIES = 21;
const AREAS_PER_COUNTY = 12;
const MUNICIPALITIES_PER_COUNTY = 14;
export const ACTIVITIES = 5000;
export const EDITS = 20_000;

/** How the plan is written: through the model (each change logged), or straight to the cells (no log). */
interface PlanWriter {
  addFocusArea(name: string, priority: number): FocusAreaId;
  addParticipant(name: string, kind: ParticipantKind): ParticipantId;
  addActivity(origin: LocalOrigin, focusAreaId: FocusAreaId, step: Step, text: string): ActivityId;
  setActivityField(origin: LocalOrigin, id: ActivityId, field: ActivityField, value: unknown): void;
}

const modelWriter = (doc: Y.Doc): PlanWriter => ({
  addFocusArea: (name, priority) => unwrap(addFocusArea(doc, alice, { name, priority })),
  addParticipant: (name, kind) => unwrap(addParticipant(doc, alice, { name, kind })),
  addActivity: (origin, focusAreaId, step, text) =>
    unwrap(addActivity(doc, origin, { focusAreaId, step, text })),
  setActivityField: (origin, id, field, value) => unwrap(setActivityField(doc, origin, id, field, value)),
});

/**
 * The model's own rows and cell writes without their log entries: the same cells, sets written as diffs, one
 * transaction per change. Order keys are appended in sequence, as the model places a row last.
 */
function cellWriter(doc: Y.Doc): PlanWriter {
  const lastKeys = new Map<string, string | null>();
  const nextKey = (siblings: string): string => {
    const key = generateKeyBetween(lastKeys.get(siblings) ?? null, null);
    lastKeys.set(siblings, key);
    return key;
  };
  const addRow = <T extends string>(rows: Y.Map<Row>, origin: LocalOrigin, row: Row): T => {
    const id = newId<T>();
    doc.transact(() => rows.set(id, row), origin);
    return id;
  };
  return {
    addFocusArea: (name, priority) =>
      addRow(focusAreasOf(doc), alice, newRow({ name, priority, order: nextKey('areas') })),
    addParticipant: (name, kind) =>
      addRow(participantsOf(doc), alice, newRow({ name, kind, order: nextKey('participants') })),
    addActivity: (origin, focusAreaId, step, text) =>
      addRow(
        activitiesOf(doc),
        origin,
        newActivityRow(focusAreaId, step, text, nextKey(`${focusAreaId} ${step}`)),
      ),
    setActivityField: (origin, id, field, value) => {
      const prepared = unwrap(prepareActivityField(doc, id, field, value));
      if (!prepared.unchanged) doc.transact(() => prepared.write(), origin);
    },
  };
}

/** The plan as 21 counties would fill it: focus areas and municipalities per county, activities, then edits. */
export function buildNationalPlan(): { doc: Y.Doc; addsOnlyBytes: number } {
  const doc = seededDoc('empty', 'Nationell plan');
  return { doc, addsOnlyBytes: writeNationalPlan(doc, modelWriter(doc)) };
}

/**
 * The same plan and edits with no change log: each change written to its cells as the model writes them, without
 * the entry that would record it. What the document schema and the edits' history cost on their own.
 */
export function buildUnloggedNationalPlan(): Y.Doc {
  const doc = seededDoc('empty', 'Nationell plan');
  if (logOf(doc).length > 0) throw new Error('the empty template logged its seeding');
  writeNationalPlan(doc, cellWriter(doc));
  return doc;
}

/** Writes the plan into `doc`; returns the document's size after the adds, before the edits. */
function writeNationalPlan(doc: Y.Doc, writer: PlanWriter): number {
  const areas: FocusAreaId[] = [];
  const participants: ParticipantId[] = [];
  for (let county = 1; county <= COUNTIES; county++) {
    for (let a = 1; a <= AREAS_PER_COUNTY; a++)
      areas.push(writer.addFocusArea(`Län ${county}: fokusområde ${a}`, a));
    participants.push(writer.addParticipant(`Region ${county}`, 'region'));
    for (let m = 1; m <= MUNICIPALITIES_PER_COUNTY; m++) {
      participants.push(writer.addParticipant(`Kommun ${county}-${m}`, 'municipality'));
    }
  }
  const ids: ActivityId[] = [];
  for (let i = 0; i < ACTIVITIES; i++) {
    const focusAreaId = areas[i % areas.length];
    const step = STEPS[i % STEPS.length];
    if (focusAreaId === undefined || step === undefined) throw new Error('no area');
    const text = `Aktivitet ${i}: samordnad vård och omsorg för personer med samsjuklighet, insats ${i % 97}`;
    ids.push(writer.addActivity(i % 2 ? bertil : alice, focusAreaId, step, text));
  }
  const addsOnlyBytes = Y.encodeStateAsUpdate(doc).length;
  for (let i = 0; i < EDITS; i++) {
    const id = ids[(i * 7919) % ids.length];
    if (id === undefined) throw new Error('no activity');
    const origin = i % 2 ? bertil : alice;
    const [field, value] = nthEdit(i, participants);
    writer.setActivityField(origin, id, field, value);
  }
  return addsOnlyBytes;
}

/** Edit `i`: status, owners, due date, responsible or note in turn. */
function nthEdit(i: number, participants: readonly ParticipantId[]): [ActivityField, unknown] {
  switch (i % 5) {
    case 0:
      return ['status', STATUSES[i % STATUSES.length]];
    case 1:
      return [
        'owners',
        [participants[i % participants.length], participants[(i * 3 + 1) % participants.length]],
      ];
    case 2:
      return ['due', `2027-${String((i % 12) + 1).padStart(2, '0')}-15`];
    case 3:
      return ['responsible', `Handläggare ${i % 400}`];
    default:
      return ['note', `Uppföljning ${i}: avstämt med styrgruppen.`];
  }
}

/** The document's encoded size without its change log: a copy with every log entry deleted. */
export function sizeWithoutLog(doc: Y.Doc): number {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const log = copy.getArray('log');
  log.delete(0, log.length);
  return Y.encodeStateAsUpdate(copy).length;
}

/**
 * The size of the plan's current cells written once, with no history and no log: the floor the document schema
 * sets (one Y.Map per row, one key per cell), whatever the edits were.
 */
export function sizeOfCellsOnly(doc: Y.Doc): number {
  const copy = new Y.Doc();
  copy.transact(() => {
    for (const name of ['meta', 'participants', 'focusAreas', 'activities']) {
      const target = copy.getMap(name);
      for (const [key, value] of doc.getMap(name)) target.set(key, copied(value));
    }
  });
  return Y.encodeStateAsUpdate(copy).length;
}

const copied = (value: unknown): unknown => {
  if (!(value instanceof Y.Map)) return value;
  const map = new Y.Map<unknown>();
  for (const [key, inner] of value as Y.Map<unknown>) map.set(key, copied(inner));
  return map;
};
