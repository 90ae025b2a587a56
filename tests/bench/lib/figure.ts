// What a benchmark reports: one figure per row of the results table, with its goal if the issue sets one.
import { median, p95 } from './stats.ts';

/** A goal from issue 7: the median must be below (or above) `value`. */
export interface Goal {
  readonly below?: number;
  readonly above?: number;
  /** How the goal reads in the table, e.g. "< 300 ms". */
  readonly text: string;
}

export interface Figure {
  /** Benchmark name (what `npm run bench -- <name>` selects). */
  readonly bench: string;
  readonly label: string;
  readonly unit: string;
  readonly median: number;
  /** Undefined for a figure measured once (a size, a build). */
  readonly p95?: number | undefined;
  readonly runs: number;
  readonly goal?: Goal | undefined;
  readonly note?: string | undefined;
}

/** A figure from repeated samples. */
export function figureOf(
  bench: string,
  label: string,
  unit: string,
  samples: readonly number[],
  extra: { goal?: Goal; note?: string } = {},
): Figure {
  return {
    bench,
    label,
    unit,
    median: median(samples),
    p95: samples.length > 1 ? p95(samples) : undefined,
    runs: samples.length,
    goal: extra.goal,
    note: extra.note,
  };
}

/** True or false when the figure has a goal, undefined otherwise. Judged on the p95 where there is one. */
export function goalMet(figure: Figure): boolean | undefined {
  const goal = figure.goal;
  if (goal === undefined) return undefined;
  const value = figure.p95 ?? figure.median;
  if (goal.below !== undefined && !(value < goal.below)) return false;
  if (goal.above !== undefined && !(value > goal.above)) return false;
  return true;
}

export interface BenchResult {
  readonly figures: readonly Figure[];
  /** Extra sections for RESULTS.md (e.g. the chunk list), by title. */
  readonly sections?: Readonly<Record<string, string>>;
}

/** A benchmark module: a name and a run that returns its figures. */
export interface Benchmark {
  readonly name: string;
  readonly description: string;
  run(): Promise<BenchResult>;
}
