// Point 1: live edit latency. Two people (two Chromium contexts, each with its own storage) have the same plan open
// through the relay on loopback; one edits cells through the grid as a person does (click a cell, type, Enter), and
// each edit is timed from the Enter keydown in A until the new text is in B's grid cell.
import { randomBytes } from 'node:crypto';
import type { Activity } from '../../src/model/schema.ts';
import { PlanPage } from '../e2e/pages/PlanPage.ts';
import { readOpenPlan } from '../e2e/testApi.ts';
import { Cleanup, startBenchApp } from './browser/app.ts';
import type { BenchApp } from './browser/app.ts';
import { storageTiming } from './browser/metrics.ts';
import { pageProbe, probe } from './browser/probes.ts';
import type { Wire } from './browser/probes.ts';
import { figureOf } from './lib/figure.ts';
import type { Benchmark } from './lib/figure.ts';
import { quantile } from './lib/stats.ts';

const BENCH = 'liveedit';
const WARMUP = 10;
const EDITS = 200;
/** Rows edited in turn: the first ones, in view in both pages. */
const ROWS = 8;
/** Alternated: an inline text editor and the popup text editor. */
const COLUMNS = ['responsible', 'text'] as const;
type EditedColumn = (typeof COLUMNS)[number];
const CELL_TIMEOUT_MS = 10_000;

export interface EditSample {
  /** Enter keydown in A → the value in B's cell (DOM). */
  readonly total: number;
  /** Enter keydown in A → A hands the update to its websocket. */
  readonly inA: number;
  /** A's send → B's websocket message event (relay: parse, store durably, apply, forward). */
  readonly wire: number;
  /** B's message event → the value in B's cell. */
  readonly inB: number;
  /** The value in B's cell → the next animation frame in B. */
  readonly toFrame: number;
}

const last = (wires: readonly Wire[]): Wire | undefined => wires[wires.length - 1];

/** Edit number `i`: a cell of one of `ids` through A's grid, timed until B's grid shows it. */
export async function editOnce(
  a: PlanPage,
  b: PlanPage,
  ids: readonly string[],
  i: number,
  tag: string,
): Promise<{ rowId: string; colId: EditedColumn; value: string; sample: EditSample }> {
  const rowId = ids[i % ids.length] as string;
  const colId: EditedColumn = COLUMNS[Math.floor(i / ids.length) % COLUMNS.length] ?? 'text';
  const value = `Mätning ${i} ${tag} – Östersund`;
  await probe(b.page, 'watchCell', { rowId, colId, value, timeoutMs: CELL_TIMEOUT_MS });
  await probe(a.page, 'watchEnter');
  // As a person does it: click the cell, type (the first key opens the editor), Enter.
  await a.grid.cell(rowId, colId).click();
  await a.page.keyboard.type(value);
  await a.page.keyboard.press('Enter');
  const seen = await probe(b.page, 'cellSeen');
  await a.grid.anyEditor.first().waitFor({ state: 'detached' });
  const enter = await probe(a.page, 'enterSeen');
  const sent = enter.sent[0];
  const received = last(seen.received.filter((wire) => wire.at <= seen.dom));
  if (enter.enterAt === null) throw new Error(`edit ${i}: no Enter keydown seen in A`);
  if (sent === undefined || received === undefined) {
    throw new Error(
      `edit ${i}: no sync update on the wire (sent ${enter.sent.length}, received ${seen.received.length})`,
    );
  }
  const sample: EditSample = {
    total: seen.dom - enter.enterAt,
    inA: sent.at - enter.enterAt,
    wire: received.at - sent.at,
    inB: seen.dom - received.at,
    toFrame: seen.frame - seen.dom,
  };
  return { rowId, colId, value, sample };
}

/** Opens the plan link in a new context of `app` as `name`, with the probe installed. */
export async function openAs(app: BenchApp, link: string, name: string): Promise<PlanPage> {
  const context = await app.newContext(name);
  await context.addInitScript({ content: pageProbe(0) });
  return new PlanPage(await context.newPage()).open(link);
}

/** The first `ROWS` rows of A's grid, failing when B shows other ones. */
export async function firstRows(a: PlanPage, b: PlanPage): Promise<string[]> {
  const ids = (await a.grid.renderedRowIds()).slice(0, ROWS);
  const inB = (await b.grid.renderedRowIds()).slice(0, ROWS);
  if (ids.length < ROWS || ids.join() !== inB.join()) {
    throw new Error(`the pages show different first rows: ${ids.join()} / ${inB.join()}`);
  }
  return ids;
}

export const liveEdit: Benchmark = {
  name: BENCH,
  description: `two Chromium contexts on one plan via the relay: ${EDITS} grid edits, Enter in A → text in B`,
  async run() {
    const cleanup = new Cleanup();
    try {
      const app = await startBenchApp(cleanup);
      const plan = await app.createPlan('Livemätning', 'jamtland-harjedalen');
      const link = app.link(plan);
      const a = await openAs(app, link, 'Anna Andersson');
      const b = await openAs(app, link, 'Bertil Berg');
      const ids = await firstRows(a, b);

      const samples: EditSample[] = [];
      const lastValue = new Map<string, string>();
      const tag = randomBytes(3).toString('hex');
      const record = async (i: number): Promise<EditSample> => {
        const edit = await editOnce(a, b, ids, i, tag);
        lastValue.set(`${edit.rowId}/${edit.colId}`, edit.value);
        return edit.sample;
      };
      for (let i = 0; i < WARMUP; i++) await record(i);
      const storedBefore = await storageTiming(app.url, 'appendUpdate');
      for (let i = WARMUP; i < WARMUP + EDITS; i++) samples.push(await record(i));
      const storedAfter = await storageTiming(app.url, 'appendUpdate');
      const appends = storedAfter.count - storedBefore.count;
      if (appends < EDITS) throw new Error(`the relay stored ${appends} updates for ${EDITS} edits`);
      const appendMs = ((storedAfter.seconds - storedBefore.seconds) * 1000) / appends;

      // Every edit arrived: both pages' plans hold each cell's last value and are the same.
      const planA = await readOpenPlan(a.page);
      const planB = await readOpenPlan(b.page);
      for (const [key, value] of lastValue) {
        const [rowId, colId] = key.split('/') as [string, EditedColumn];
        const activity = planB.activities.find((candidate: Activity) => candidate.id === rowId);
        if (activity?.[colId] !== value) throw new Error(`B's plan lost the edit of ${key}`);
      }
      if (JSON.stringify(planA.activities) !== JSON.stringify(planB.activities)) {
        throw new Error("A's and B's plans differ after the edits");
      }

      const series = (key: keyof EditSample): number[] => samples.map((sample) => sample[key]);
      const note = `${EDITS} edits after ${WARMUP} warm-up; ${COLUMNS.join(' and ')} cells of ${ROWS} rows`;
      return {
        figures: [
          figureOf(BENCH, 'Enter in A → text in B’s grid cell (DOM)', 'ms', series('total'), {
            goal: { below: 35, text: '< 35 ms' },
            note: `${note}; p99 ${quantile(series('total'), 0.99).toFixed(1)} ms`,
          }),
          figureOf(BENCH, '  part: Enter keydown → A sends the update', 'ms', series('inA')),
          figureOf(BENCH, '  part: A’s send → B’s socket message (relay)', 'ms', series('wire'), {
            note: 'parse, SQLite append, apply, forward',
          }),
          figureOf(BENCH, '  relay’s durable SQLite append per update (mean)', 'ms', [appendMs], {
            note: `inside the relay part; samplan_storage_seconds over ${appends} appends`,
          }),
          figureOf(BENCH, '  part: B’s socket message → text in B’s cell', 'ms', series('inB')),
          figureOf(BENCH, 'text in B’s cell → B’s next animation frame', 'ms', series('toFrame'), {
            note: 'not in the total',
          }),
        ],
      };
    } finally {
      await cleanup.run();
    }
  },
};
