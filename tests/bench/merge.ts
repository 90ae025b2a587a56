// Point 4: two replicas each make 1,000 edits apart, then sync by state vectors: time, bytes, nothing lost.
import { isDeepStrictEqual } from 'node:util';
import * as Y from 'yjs';
import { setActivityField } from '../../src/model/activities.ts';
import { readPlan } from '../../src/model/plan.ts';
import { STATUSES } from '../../src/model/schema.ts';
import type { ActivityId, PlanSnapshot } from '../../src/model/schema.ts';
import type { LocalOrigin } from '../../src/model/origins.ts';
import { alice, bertil, seededDoc, unwrap } from '../helpers/plans.ts';
import { figureOf } from './lib/figure.ts';
import type { Benchmark } from './lib/figure.ts';
import { repeat, timeSync } from './lib/stats.ts';

const BENCH = 'merge';
const EDITS = 1000;
const FIELDS = ['text', 'note', 'responsible', 'status', 'due'] as const;
type Field = (typeof FIELDS)[number];

/** A cell and the last value one replica wrote to it. */
type LastWrites = Map<string, { id: ActivityId; field: Field; value: string }>;

function valueFor(field: Field, who: string, n: number): string {
  switch (field) {
    case 'status':
      return STATUSES[n % STATUSES.length] ?? 'not_started';
    case 'due':
      return `2027-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`;
    default:
      return `${who} ${field} ${n}`;
  }
}

/** `EDITS` edits on `doc`, spread over the plan's activities and fields; the last value written to each cell. */
function editApart(
  doc: Y.Doc,
  origin: LocalOrigin,
  who: string,
  ids: readonly ActivityId[],
  seed: number,
): LastWrites {
  const last: LastWrites = new Map();
  for (let i = 0; i < EDITS; i++) {
    const n = seed + i * 13;
    const id = ids[(n * 31) % ids.length];
    const field = FIELDS[(n * 7) % FIELDS.length];
    if (id === undefined || field === undefined) throw new Error('no activity');
    const value = valueFor(field, who, n);
    unwrap(setActivityField(doc, origin, id, field, value));
    last.set(`${id}/${field}`, { id, field, value });
  }
  return last;
}

/** Cells whose merged value is neither replica's last write (where it wrote the cell): must be none. */
function lostWrites(plan: PlanSnapshot, a: LastWrites, b: LastWrites): { lost: number; both: number } {
  const byId = new Map(plan.activities.map((activity) => [activity.id as string, activity]));
  let lost = 0;
  let both = 0;
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const fromA = a.get(key);
    const fromB = b.get(key);
    const cell = fromA ?? fromB;
    if (cell === undefined) continue;
    const merged = byId.get(cell.id)?.[cell.field];
    if (fromA && fromB) both++;
    const allowed = [fromA?.value, fromB?.value].filter((v) => v !== undefined);
    if (!allowed.includes(merged as string)) lost++;
  }
  return { lost, both };
}

export const merge: Benchmark = {
  name: BENCH,
  description: 'Offline merge of two replicas with 1,000 edits each',
  async run() {
    const base = Y.encodeStateAsUpdate(seededDoc());
    let checked = 0;
    let overlapping = 0;
    const samples = await repeat({ warmup: 3, runs: 20 }, (run) => {
      const a = new Y.Doc();
      const b = new Y.Doc();
      Y.applyUpdate(a, base);
      Y.applyUpdate(b, base);
      const ids = readPlan(a).activities.map((activity) => activity.id);
      const seed = (run + 10) * 1009;
      const lastA = editApart(a, alice, 'Alice', ids, seed);
      const lastB = editApart(b, bertil, 'Bertil', ids, seed + 5);
      const { ms, value: bytes } = timeSync(() => {
        // One round trip each way, as y-protocols sync step 1/2: send my state vector, get what I miss.
        const svA = Y.encodeStateVector(a);
        const svB = Y.encodeStateVector(b);
        const toB = Y.encodeStateAsUpdate(a, svB);
        const toA = Y.encodeStateAsUpdate(b, svA);
        Y.applyUpdate(b, toB);
        Y.applyUpdate(a, toA);
        return { aToB: svA.length + toB.length, bToA: svB.length + toA.length };
      });
      const planA = readPlan(a);
      if (!isDeepStrictEqual(planA, readPlan(b))) throw new Error('replicas did not converge');
      const { lost, both } = lostWrites(planA, lastA, lastB);
      if (lost > 0) throw new Error(`${lost} edits lost in the merge`);
      checked++;
      overlapping = both;
      return { ms, aToB: bytes.aToB / 1024, bToA: bytes.bToA / 1024 };
    });
    const note = `every run converged, 0 edits lost (${checked} runs checked; ~${overlapping} cells edited on both sides)`;
    return {
      figures: [
        figureOf(BENCH, 'sync 2 × 1,000 offline edits to convergence', 'ms', samples.ms, { note }),
        figureOf(BENCH, 'bytes A → B (state vector + diff)', 'KB', samples.aToB),
        figureOf(BENCH, 'bytes B → A (state vector + diff)', 'KB', samples.bToA),
      ],
    };
  },
};
