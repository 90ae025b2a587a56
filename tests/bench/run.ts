// `npm run bench [-- name…]`: runs the benchmarks (all, or those named), prints the table, and writes RESULTS.md
// from results.json, where the named ones' results replace their last.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Benchmark, Figure } from './lib/figure.ts';
import type { BenchRecord } from './lib/report.ts';
import { plainTable, writeResults } from './lib/report.ts';
import { bigPlan } from './bigPlan.ts';
import { bigPlanBrowser } from './bigPlanBrowser.ts';
import { fanout } from './fanout.ts';
import { footprint } from './footprint.ts';
import { liveEdit } from './liveEdit.ts';
import { merge } from './merge.ts';
import { storage } from './storage.ts';

const BENCHMARKS: readonly Benchmark[] = [
  storage,
  merge,
  bigPlan,
  footprint,
  liveEdit,
  bigPlanBrowser,
  fanout,
];

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');

async function main(): Promise<void> {
  const names = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const unknown = names.filter((name) => !BENCHMARKS.some((bench) => bench.name === name));
  if (unknown.length > 0) {
    console.error(
      `unknown benchmark ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`,
    );
    process.exit(2);
  }
  const selected = names.length === 0 ? BENCHMARKS : BENCHMARKS.filter((bench) => names.includes(bench.name));
  const figures: Figure[] = [];
  const fresh = new Map<string, BenchRecord>();
  for (const bench of selected) {
    console.log(`▶ ${bench.name}: ${bench.description}`);
    const started = Date.now();
    const result = await bench.run();
    figures.push(...result.figures);
    const sections = result.sections ?? {};
    fresh.set(bench.name, { date: new Date().toISOString(), figures: result.figures, sections });
    for (const [title, body] of Object.entries(sections)) console.log(`\n${title}\n${body}\n`);
    console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log(`\n${plainTable(figures)}\n`);
  const file = path.join(here, 'RESULTS.md');
  await writeResults(file, path.join(here, 'results.json'), {
    root,
    order: BENCHMARKS.map((bench) => bench.name),
    fresh,
  });
  console.log(`wrote ${path.relative(root, file)}`);
}

await main();
