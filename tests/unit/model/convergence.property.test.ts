// [convergence-property] Random edits on 3–5 replicas under random partitions converge, and no typed value is silently lost.
// Seeded (SAMPLAN_SEED and SAMPLAN_RUNS override); a failing seed becomes a named regression test below.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addActivity,
  deleteActivity,
  moveActivity,
  setActivityField,
} from '../../../src/model/activities.ts';
import { readCell } from '../../../src/model/cells.ts';
import { openConflicts } from '../../../src/model/conflicts.ts';
import type { Conflict } from '../../../src/model/conflicts.ts';
import { dismissDeletedConflict, restoreDeletedActivity } from '../../../src/model/deleted.ts';
import { addFocusArea } from '../../../src/model/focusAreas.ts';
import { cellHeads } from '../../../src/model/heads.ts';
import { readLog } from '../../../src/model/log.ts';
import { sameLogValue } from '../../../src/model/logEntry.ts';
import { addParticipant } from '../../../src/model/participants.ts';
import { readPlan } from '../../../src/model/plan.ts';
import { resolveConflict } from '../../../src/model/resolve.ts';
import { LOG_LIMIT } from '../../../src/model/schema.ts';
import type { ActivityField, LogEntry, Step } from '../../../src/model/schema.ts';
import { alice, seededDoc, unwrap } from '../../helpers/plans.ts';
import { TestNetwork } from '../../helpers/syncedDocs.ts';

const SEED = Number(process.env.SAMPLAN_SEED ?? 20261123);
const RUNS = Number(process.env.SAMPLAN_RUNS ?? 200);
const MAX_REPLICAS = 5;

/** Small value sets, so replicas often pick the same value (no conflict) or the same cell (a conflict). */
const VALUES = {
  text: ['Alfa', 'Beta', 'Gamma'],
  status: ['in_progress', 'blocked', 'done'],
  responsible: ['', 'Karin', 'Lars'],
  note: ['', 'x', 'y'],
  due: ['', '2027-01-31', '2027-06-30'],
  step: [1, 2, 3],
} as const;
type ValueField = keyof typeof VALUES;

type Op =
  | { kind: 'edit'; replica: number; pick: number; field: ValueField | 'focusAreaId'; value: number }
  | { kind: 'add'; replica: number; pick: number; step: Step }
  | { kind: 'move'; replica: number; pick: number; area: number; step: Step; after: number }
  | { kind: 'delete'; replica: number; pick: number }
  | { kind: 'owners'; replica: number; pick: number; members: boolean[] }
  | { kind: 'resolve'; replica: number; pick: number; choice: number }
  | { kind: 'restore'; replica: number; pick: number }
  | { kind: 'dismiss'; replica: number; pick: number }
  | { kind: 'partition'; groups: number[] }
  | { kind: 'flush' };

const replica = fc.nat(MAX_REPLICAS - 1);
const pick = fc.nat(11);
const step = fc.constantFrom<Step>(1, 2, 3);
// Text and status most often, so two replicas often pick the same cell while apart.
const field = fc.constantFrom<ValueField | 'focusAreaId'>(
  'text',
  'text',
  'status',
  'status',
  'note',
  'due',
  'responsible',
  'step',
  'focusAreaId',
);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({ kind: fc.constant('edit' as const), replica, pick, field, value: fc.nat(2) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('add' as const), replica, pick, step }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      replica,
      pick,
      area: fc.nat(1),
      step,
      after: pick,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), replica, pick }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('owners' as const),
      replica,
      pick,
      members: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('resolve' as const), replica, pick, choice: fc.nat(3) }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('restore' as const), replica, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dismiss' as const), replica, pick }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('partition' as const),
      groups: fc.array(fc.nat(2), { minLength: MAX_REPLICAS, maxLength: MAX_REPLICAS }),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'flush' as const }) },
);
const scenarioArb = fc.record({
  replicas: fc.integer({ min: 3, max: MAX_REPLICAS }),
  ops: fc.array(opArb, { minLength: 20, maxLength: 80 }),
});
type Scenario = { replicas: number; ops: Op[] };

/** A small plan: two focus areas, three participants, four activities; few cells, so paths cross often. */
function fixture(): Y.Doc {
  const doc = seededDoc('empty');
  const areas = [1, 2].map((n) => unwrap(addFocusArea(doc, alice, { name: `Område ${n}`, priority: n })));
  for (const name of ['Regionen', 'Kommunen', 'Förbundet'])
    unwrap(addParticipant(doc, alice, { name, kind: 'other' }));
  for (const [i, text] of ['Ett', 'Två', 'Tre', 'Fyra'].entries())
    unwrap(addActivity(doc, alice, { focusAreaId: areas[i % 2] ?? ('' as never), step: 1, text }));
  return doc;
}
const FIXTURE = fixture();

const at = <T>(items: readonly T[], n: number): T | undefined =>
  items.length === 0 ? undefined : items[n % items.length];

const totals = { runs: 0, operations: 0, conflicts: 0, ms: 0 };

/** What a replica had when it wrote an entry: its own clock before the write, and everything it had seen. */
interface Causal {
  readonly client: number;
  readonly clock: number;
  readonly had: ReadonlyMap<number, number>;
}

/** Ground truth from Yjs itself: the writer of `a` had `b` when it wrote `a`. */
const saw = (a: Causal, b: Causal): boolean => (a.had.get(b.client) ?? 0) > b.clock;

interface Run {
  /** Entries of edits (cells, moves, owners) the replicas made. */
  readonly edits: LogEntry[];
  /** Every entry the test's operations appended, by key. */
  readonly causal: Map<string, Causal>;
}

/** Applies one operation; true when it changed something (refusals and no-ops do not count). */
function apply(net: TestNetwork, count: number, op: Op, run: Run): boolean {
  if (op.kind === 'flush') return (net.flush(), true);
  if (op.kind === 'partition') {
    const sets = [0, 1, 2].map((g) =>
      op.groups.slice(0, count).flatMap((group, i) => (group === g ? [i] : [])),
    );
    net.partition(sets.filter((set) => set.length > 0));
    return true;
  }
  const i = op.replica % count;
  const doc = net.doc(i);
  const origin = net.origin(i);
  const plan = readPlan(doc);
  const activity = at(plan.activities, op.pick);
  const before = readLog(doc).length;
  const had = Y.decodeStateVector(Y.encodeStateVector(doc));
  const causal: Causal = { client: doc.clientID, clock: had.get(doc.clientID) ?? 0, had };
  const ok = ((): boolean => {
    switch (op.kind) {
      case 'edit': {
        if (!activity) return false;
        const value =
          op.field === 'focusAreaId' ? at(plan.focusAreas, op.value)?.id : VALUES[op.field][op.value];
        return setActivityField(doc, origin, activity.id, op.field as ActivityField, value).ok;
      }
      case 'add': {
        const area = at(plan.focusAreas, op.pick);
        return (
          !!area &&
          addActivity(doc, origin, { focusAreaId: area.id, step: op.step, text: `Ny ${op.pick}` }).ok
        );
      }
      case 'move': {
        const area = at(plan.focusAreas, op.area);
        const after = at(plan.activities, op.after)?.id;
        return (
          !!activity &&
          !!area &&
          moveActivity(doc, origin, activity.id, { focusAreaId: area.id, step: op.step, after }).ok
        );
      }
      case 'delete':
        return !!activity && deleteActivity(doc, origin, activity.id).ok;
      case 'owners': {
        const owners = plan.participants.filter((_, k) => op.members[k]).map((p) => p.id);
        return !!activity && setActivityField(doc, origin, activity.id, 'owners', owners).ok;
      }
      case 'resolve': {
        const conflict = at(
          openConflicts(doc).filter((c) => c.kind === 'values'),
          op.pick,
        );
        const keep = conflict?.kind === 'values' ? at(conflict.candidates, op.choice) : undefined;
        return (
          !!conflict &&
          conflict.kind === 'values' &&
          !!keep &&
          resolveConflict(doc, origin, conflict.cell, keep.key).ok
        );
      }
      case 'restore':
      case 'dismiss': {
        const conflict = at(
          openConflicts(doc).filter((c) => c.kind === 'editedDeleted'),
          op.pick,
        );
        if (conflict?.kind !== 'editedDeleted') return false;
        return op.kind === 'restore'
          ? restoreDeletedActivity(doc, origin, conflict.deleteKey).ok
          : dismissDeletedConflict(doc, origin, conflict.deleteKey).ok;
      }
    }
  })();
  // This replica's own entries are appended at the end of its log.
  const appended = ok ? readLog(doc).slice(before) : [];
  for (const entry of appended) run.causal.set(entry.key ?? '', causal);
  if (op.kind === 'edit' || op.kind === 'move' || op.kind === 'owners') run.edits.push(...appended);
  return ok;
}

/** Heal everything; then every replica holds the same plan, log and conflicts, and every edit is accounted for. */
function checkConverged(net: TestNetwork, { edits, causal }: Run): number {
  net.healAll();
  const [doc, ...others] = net.replicas.map((r) => r.doc);
  if (!doc) throw new Error('no replicas');
  const plan = JSON.stringify(readPlan(doc));
  const log = readLog(doc);
  const conflicts = openConflicts(doc);
  expect(log.length).toBeLessThan(LOG_LIMIT);
  for (const other of others) {
    expect(JSON.stringify(readPlan(other))).toBe(plan);
    expect(readLog(other)).toEqual(log);
    expect(openConflicts(other)).toEqual(conflicts);
  }
  // The index kept up incrementally finds what one built afresh from the same bytes finds.
  const fresh = new Y.Doc();
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
  expect(openConflicts(fresh)).toEqual(conflicts);
  fresh.destroy();
  for (const conflict of conflicts) {
    if (conflict.kind === 'values') expectShowsACandidate(conflict);
    expectConcurrent(conflict, causal);
  }
  const keys = new Set(log.map((entry) => entry.key));
  for (const edit of edits) {
    expect(keys.has(edit.key)).toBe(true);
    expectAccountedFor(doc, edit, conflicts);
  }
  return conflicts.length;
}

/** The plan shows one of the values in conflict, never a third. */
function expectShowsACandidate(conflict: Extract<Conflict, { kind: 'values' }>): void {
  expect(conflict.candidates.some((c) => sameLogValue(c.value, conflict.current))).toBe(true);
}

/**
 * A conflict only ever pairs changes whose writers had not seen each other's: the candidates of a cell, or a
 * delete and each edit made meanwhile. No false alarms.
 */
function expectConcurrent(conflict: Conflict, causal: ReadonlyMap<string, Causal>): void {
  const pairs: [string, string][] =
    conflict.kind === 'values'
      ? conflict.candidates.flatMap((a) => conflict.candidates.map((b): [string, string] => [a.key, b.key]))
      : conflict.edits.map((edit): [string, string] => [conflict.deleteKey, edit.key ?? '']);
  for (const [keyA, keyB] of pairs) {
    const [a, b] = [causal.get(keyA), causal.get(keyB)];
    expect(a && b, `${keyA} and ${keyB} come from the test's own operations`).toBeTruthy();
    if (a && b && keyA !== keyB)
      expect(saw(a, b) || saw(b, a), `${JSON.stringify(conflict)} pairs changes one writer had seen`).toBe(
        false,
      );
  }
}

/**
 * An edit of a cell that can conflict is either superseded (someone who saw it wrote after it), or the cell
 * shows its value, or it is a candidate of an open conflict; on an activity deleted meanwhile, it is one of
 * the edits an "edited while deleted" conflict lists.
 */
function expectAccountedFor(doc: Y.Doc, edit: LogEntry, conflicts: readonly Conflict[]): void {
  const { field } = edit;
  if (field === undefined || field === 'order' || field === 'owners' || field === 'reformParts') return;
  const cell = { target: edit.target, id: edit.id, field };
  if (!cellHeads(doc, cell).some((head) => head.key === edit.key)) return;
  const current = readCell(doc, cell);
  if (current === undefined) {
    const listed = conflicts.some(
      (c) =>
        c.kind === 'editedDeleted' && c.activityId === edit.id && c.edits.some((e) => e.key === edit.key),
    );
    expect(listed, `edit ${JSON.stringify(edit)} on a deleted activity is not reported`).toBe(true);
    return;
  }
  const candidate = conflicts.some(
    (c) =>
      c.kind === 'values' &&
      c.cell.id === edit.id &&
      c.cell.field === field &&
      c.candidates.some((k) => k.key === edit.key),
  );
  expect(
    sameLogValue(current, edit.to) || candidate,
    `edit ${JSON.stringify(edit)} is neither shown (${JSON.stringify(current)}) nor a conflict candidate`,
  ).toBe(true);
}

function runScenario({ replicas: count, ops }: Scenario): void {
  const net = new TestNetwork(count, FIXTURE);
  try {
    const run: Run = { edits: [], causal: new Map() };
    for (const op of ops) if (apply(net, count, op, run)) totals.operations++;
    totals.conflicts += checkConverged(net, run);
    totals.runs++;
  } finally {
    net.destroy();
  }
}

describe('[convergence-property] random operations under random partitions', () => {
  afterAll(() => {
    if (totals.runs > 0)
      console.log(
        `property test: ${totals.runs} runs, ${totals.operations} operations, ${Math.round(totals.ms)} ms`,
      );
  });

  it(
    `converges with nothing typed lost (seed ${SEED}, ${RUNS} runs)`,
    () => {
      const started = performance.now();
      fc.assert(fc.property(scenarioArb, runScenario), { seed: SEED, numRuns: RUNS });
      totals.ms = performance.now() - started;
      // A vacuity guard: the runs must really have edited, and crossed paths often enough to conflict.
      expect(totals.operations).toBeGreaterThan(RUNS * 10);
      expect(totals.conflicts).toBeGreaterThan(RUNS / 10);
    },
    Math.max(60_000, RUNS * 200),
  );
});

describe('[convergence-regression] scenarios the property test once failed on', () => {
  // Found by seed 20261123 (an earlier generator, so kept as the scenario rather than seed and path): one
  // writer moved and then edited an activity another had deleted. Its two edits see each other; each is
  // concurrent with the delete, and the conflict lists both.
  it('[convergence-regression-1] two edits by one writer while another deleted the activity', () => {
    runScenario({
      replicas: 3,
      ops: [
        { kind: 'move', replica: 1, pick: 0, area: 0, step: 3, after: 0 },
        { kind: 'delete', replica: 0, pick: 0 },
        { kind: 'edit', replica: 4, pick: 13, field: 'text', value: 0 },
        { kind: 'partition', groups: [0, 0, 0, 0, 0] },
        { kind: 'add', replica: 0, pick: 0, step: 1 },
        { kind: 'edit', replica: 0, pick: 0, field: 'text', value: 0 },
        { kind: 'owners', replica: 0, pick: 0, members: [false, false, false] },
        { kind: 'resolve', replica: 0, pick: 0, choice: 0 },
      ],
    });
  });

  // Found by seed 1 (same generator): an edit racing a delete, then a resolve and more edits on the replica
  // that deleted.
  it('[convergence-regression-2] an edit racing a delete, then resolves and edits after the sync', () => {
    runScenario({
      replicas: 3,
      ops: [
        { kind: 'move', replica: 0, pick: 0, area: 0, step: 1, after: 0 },
        { kind: 'delete', replica: 0, pick: 0 },
        { kind: 'edit', replica: 1, pick: 13, field: 'note', value: 1 },
        { kind: 'edit', replica: 0, pick: 0, field: 'text', value: 0 },
        { kind: 'edit', replica: 1, pick: 0, field: 'step', value: 1 },
        { kind: 'edit', replica: 4, pick: 0, field: 'text', value: 0 },
        { kind: 'partition', groups: [0, 0, 0, 0, 0] },
        { kind: 'resolve', replica: 0, pick: 0, choice: 0 },
        { kind: 'edit', replica: 0, pick: 0, field: 'text', value: 0 },
        { kind: 'resolve', replica: 0, pick: 0, choice: 0 },
        { kind: 'owners', replica: 0, pick: 0, members: [false, false, false] },
      ],
    });
  });
});
