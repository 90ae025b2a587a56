// Point 3, Node-side parts: a national plan of 5,000 activities with 20,000 edits; size, readPlan, CSV export.
import { gzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { exportCsv } from '../../src/csv/exportCsv.ts';
import { addActivity, setActivityField } from '../../src/model/activities.ts';
import { addFocusArea } from '../../src/model/focusAreas.ts';
import { addParticipant } from '../../src/model/participants.ts';
import { readPlan } from '../../src/model/plan.ts';
import { STATUSES, STEPS } from '../../src/model/schema.ts';
import type { ActivityId, FocusAreaId, ParticipantId } from '../../src/model/schema.ts';
import { alice, bertil, seededDoc, unwrap } from '../helpers/plans.ts';
import { figureOf } from './lib/figure.ts';
import type { Benchmark } from './lib/figure.ts';
import { repeat, timeSync } from './lib/stats.ts';

const BENCH = 'bigplan';
const COUNTIES = 21;
const AREAS_PER_COUNTY = 12;
const MUNICIPALITIES_PER_COUNTY = 14;
const ACTIVITIES = 5000;
const EDITS = 20_000;

/** The plan as 21 counties would fill it: focus areas and municipalities per county, activities, then edits. */
function buildNationalPlan(): { doc: Y.Doc; addsOnlyBytes: number } {
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

export const bigPlan: Benchmark = {
  name: BENCH,
  description: '5,000 activities with 20,000 edits: document size, readPlan, CSV export (Node)',
  async run() {
    const built = timeSync(buildNationalPlan);
    const { doc, addsOnlyBytes } = built.value;
    const encoded = Y.encodeStateAsUpdate(doc);
    const gzipped = gzipSync(encoded).length;
    const plan = readPlan(doc);
    if (plan.activities.length !== ACTIVITIES) throw new Error(`expected ${ACTIVITIES} activities`);
    const rows = exportCsv(plan).split('\r\n').length - 2;
    if (rows !== ACTIVITIES) throw new Error(`CSV has ${rows} rows`);

    const timed = await repeat({ warmup: 3, runs: 20 }, () => ({
      readPlan: timeSync(() => readPlan(doc)).ms,
      exportCsv: timeSync(() => exportCsv(plan)).ms,
      both: timeSync(() => exportCsv(readPlan(doc))).ms,
      load: timeSync(() => {
        const fresh = new Y.Doc();
        Y.applyUpdate(fresh, encoded);
        return fresh;
      }).ms,
    }));
    const mb = 1024 * 1024;
    return {
      figures: [
        figureOf(BENCH, 'build: 5,000 adds + 20,000 edits (once)', 'ms', [built.ms]),
        figureOf(BENCH, 'document encoded size', 'MB', [encoded.length / mb], {
          goal: { below: 2, text: '< 2 MB' },
        }),
        figureOf(BENCH, 'document encoded size, gzip', 'MB', [gzipped / mb]),
        figureOf(BENCH, 'document size after the 5,000 adds, before edits', 'MB', [addsOnlyBytes / mb]),
        figureOf(BENCH, 'readPlan (5,000 activities)', 'ms', timed.readPlan),
        figureOf(BENCH, 'exportCsv of a snapshot, 5,000 rows', 'ms', timed.exportCsv),
        figureOf(BENCH, 'CSV export: exportCsv(readPlan(doc))', 'ms', timed.both, {
          goal: { below: 300, text: '< 300 ms' },
        }),
        figureOf(BENCH, 'apply the whole state to an empty Y.Doc', 'ms', timed.load, {
          note: 'Node proxy for first load; browser cold open not measured yet',
        }),
      ],
    };
  },
};
