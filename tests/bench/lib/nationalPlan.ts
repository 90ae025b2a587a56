// The national plan the big-plan benchmarks share: 21 counties' focus areas and municipalities, 5,000 activities,
// then 20,000 edits spread over status, owners, due dates, responsible and notes.
import * as Y from 'yjs';
import { addActivity, setActivityField } from '../../../src/model/activities.ts';
import { addFocusArea } from '../../../src/model/focusAreas.ts';
import { addParticipant } from '../../../src/model/participants.ts';
import { STATUSES, STEPS } from '../../../src/model/schema.ts';
import type { ActivityId, FocusAreaId, ParticipantId } from '../../../src/model/schema.ts';
import { alice, bertil, seededDoc, unwrap } from '../../helpers/plans.ts';

const COUNTIES = 21;
const AREAS_PER_COUNTY = 12;
const MUNICIPALITIES_PER_COUNTY = 14;
export const ACTIVITIES = 5000;
export const EDITS = 20_000;

/** The plan as 21 counties would fill it: focus areas and municipalities per county, activities, then edits. */
export function buildNationalPlan(): { doc: Y.Doc; addsOnlyBytes: number } {
  const doc = seededDoc('empty', 'Nationell plan');
  const areas: FocusAreaId[] = [];
  const participants: ParticipantId[] = [];
  for (let county = 1; county <= COUNTIES; county++) {
    for (let a = 1; a <= AREAS_PER_COUNTY; a++) {
      areas.push(unwrap(addFocusArea(doc, alice, { name: `Län ${county}: fokusområde ${a}`, priority: a })));
    }
    participants.push(unwrap(addParticipant(doc, alice, { name: `Region ${county}`, kind: 'region' })));
    for (let m = 1; m <= MUNICIPALITIES_PER_COUNTY; m++) {
      participants.push(
        unwrap(addParticipant(doc, alice, { name: `Kommun ${county}-${m}`, kind: 'municipality' })),
      );
    }
  }
  const ids: ActivityId[] = [];
  for (let i = 0; i < ACTIVITIES; i++) {
    const focusAreaId = areas[i % areas.length];
    const step = STEPS[i % STEPS.length];
    if (focusAreaId === undefined || step === undefined) throw new Error('no area');
    const text = `Aktivitet ${i}: samordnad vård och omsorg för personer med samsjuklighet, insats ${i % 97}`;
    ids.push(unwrap(addActivity(doc, i % 2 ? bertil : alice, { focusAreaId, step, text })));
  }
  const addsOnlyBytes = Y.encodeStateAsUpdate(doc).length;
  for (let i = 0; i < EDITS; i++) {
    const id = ids[(i * 7919) % ids.length];
    if (id === undefined) throw new Error('no activity');
    const origin = i % 2 ? bertil : alice;
    switch (i % 5) {
      case 0:
        unwrap(setActivityField(doc, origin, id, 'status', STATUSES[i % STATUSES.length]));
        break;
      case 1: {
        const first = participants[i % participants.length];
        const second = participants[(i * 3 + 1) % participants.length];
        unwrap(setActivityField(doc, origin, id, 'owners', [first, second]));
        break;
      }
      case 2:
        unwrap(setActivityField(doc, origin, id, 'due', `2027-${String((i % 12) + 1).padStart(2, '0')}-15`));
        break;
      case 3:
        unwrap(setActivityField(doc, origin, id, 'responsible', `Handläggare ${i % 400}`));
        break;
      default:
        unwrap(setActivityField(doc, origin, id, 'note', `Uppföljning ${i}: avstämt med styrgruppen.`));
    }
  }
  return { doc, addsOnlyBytes };
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
