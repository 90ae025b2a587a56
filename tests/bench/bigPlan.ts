// Point 3, Node-side parts: a national plan of 5,000 activities with 20,000 edits; size, readPlan, CSV export.
import { gzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { exportCsv } from '../../src/csv/exportCsv.ts';
import { readPlan } from '../../src/model/plan.ts';
import { figureOf } from './lib/figure.ts';
import type { Benchmark } from './lib/figure.ts';
import {
  ACTIVITIES,
  buildNationalPlan,
  buildUnloggedNationalPlan,
  sizeOfCellsOnly,
  sizeWithoutLog,
} from './lib/nationalPlan.ts';
import { repeat, timeSync } from './lib/stats.ts';

const BENCH = 'bigplan';

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
    const unloggedBytes = Y.encodeStateAsUpdate(buildUnloggedNationalPlan()).length;
    return {
      figures: [
        figureOf(BENCH, 'build: 5,000 adds + 20,000 edits (once)', 'ms', [built.ms]),
        figureOf(BENCH, 'document encoded size', 'MB', [encoded.length / mb], {
          goal: { below: 2, text: '< 2 MB' },
        }),
        figureOf(BENCH, 'document encoded size, gzip', 'MB', [gzipped / mb]),
        figureOf(BENCH, 'document size after the 5,000 adds, before edits', 'MB', [addsOnlyBytes / mb]),
        figureOf(BENCH, 'document size without its change log (5,000 entries)', 'MB', [
          sizeWithoutLog(doc) / mb,
        ]),
        figureOf(
          BENCH,
          'the same adds and edits written with no change log at all',
          'MB',
          [unloggedBytes / mb],
          {
            note: `cells and their edits' history alone; under 2 MB this leaves ${Math.round((2 * mb - unloggedBytes) / 1024)} KB for any in-document log`,
          },
        ),
        figureOf(BENCH, 'current cells written once: no history, no log', 'MB', [sizeOfCellsOnly(doc) / mb], {
          note: 'the floor of the document schema for this plan',
        }),
        figureOf(BENCH, 'readPlan (5,000 activities)', 'ms', timed.readPlan),
        figureOf(BENCH, 'exportCsv of a snapshot, 5,000 rows', 'ms', timed.exportCsv),
        figureOf(BENCH, 'CSV export: exportCsv(readPlan(doc))', 'ms', timed.both, {
          goal: { below: 300, text: '< 300 ms' },
        }),
        figureOf(BENCH, 'apply the whole state to an empty Y.Doc', 'ms', timed.load, {
          note: 'Node proxy for first load; in Chromium see bigplanbrowser',
        }),
      ],
    };
  },
};
