// Counters, gauges and histograms on a registry, rendered in the Prometheus text exposition format 0.0.4.
// In-house because prom-client cost the relay ~5 MB of resident memory at idle, and we use only these three types.

/** Label values by label name; a label left out is left out of the sample. */
export type Labels<L extends string> = Partial<Record<L, string>>;

/** Called as `(value?)` or `(labels, value?)`; the value defaults to 1. */
type OptionalValue<L extends string> = { (value?: number): void; (labels: Labels<L>, value?: number): void };

/** Called as `(value)` or `(labels, value)`. */
type RequiredValue<L extends string> = { (value: number): void; (labels: Labels<L>, value: number): void };

export interface MetricOptions<L extends string> {
  readonly name: string;
  readonly help: string;
  /** The only label names the metric accepts; a metric without any has one series, shown as 0 before any use. */
  readonly labelNames?: readonly L[];
  readonly registry: Registry;
}

/** The metrics of one exposition, in the order they were created. */
export class Registry {
  readonly contentType = 'text/plain; version=0.0.4; charset=utf-8';
  private readonly metrics = new Map<string, { lines(): string[] }>();

  /** Adds `metric`; a second metric of the same name is a programming error, so it throws. */
  register(metric: { readonly name: string; lines(): string[] }): void {
    if (this.metrics.has(metric.name)) throw new Error(`metric ${metric.name} is already registered`);
    this.metrics.set(metric.name, metric);
  }

  /** The exposition of every metric (gauges' collect callbacks run first), laid out as prom-client did. */
  text(): string {
    return `${[...this.metrics.values()].map((metric) => metric.lines().join('\n')).join('\n\n')}\n`;
  }
}

/** A sample value as Prometheus (Go's ParseFloat) reads it: integers without a point, and NaN, +Inf, -Inf. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  return String(value);
}

const escapeLabelValue = (value: string): string =>
  value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

const escapeHelp = (help: string): string => help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

/** One sample line; `pairs` is the rendered label set without braces (`a="x",b="y"`), or empty. */
const sample = (name: string, pairs: string, value: number): string =>
  `${name}${pairs === '' ? '' : `{${pairs}}`} ${formatNumber(value)}`;

/** Label values level by level, in `labelNames` order; the last level holds the series under SERIES. */
type Index = Map<string | undefined | typeof SERIES, unknown>;
const SERIES = Symbol('series');
const NO_LABELS = {};

/** The number given as `(value)` or `(labels, value)`, else `fallback`. */
const valueOf = (
  labelsOrValue: object | number | undefined,
  value: number | undefined,
  fallback: number,
): number => (typeof labelsOrValue === 'number' ? labelsOrValue : (value ?? fallback));

abstract class Metric<L extends string, S> {
  readonly name: string;
  private readonly help: string;
  private readonly labelNames: readonly L[];
  /** Series keyed by their rendered label pairs, listed in `labelNames` order so equal label sets share one. */
  private readonly series = new Map<string, S>();
  private readonly index: Index = new Map();
  protected abstract readonly type: 'counter' | 'gauge' | 'histogram';

  constructor(options: MetricOptions<L>) {
    this.name = options.name;
    this.help = options.help;
    this.labelNames = options.labelNames ?? [];
    options.registry.register(this);
  }

  /** HELP, TYPE and the samples of every series. */
  lines(): string[] {
    if (this.labelNames.length === 0) this.at({});
    const lines = [`# HELP ${this.name} ${escapeHelp(this.help)}`, `# TYPE ${this.name} ${this.type}`];
    for (const [pairs, series] of this.series) lines.push(...this.samples(pairs, series));
    return lines;
  }

  /**
   * The series for `labels`, created empty on first use; a label name the metric lacks throws. Found through
   * `index` (one Map level per label name) without building a string: the relay counts every frame it receives.
   */
  protected at(labels: Labels<L>): S {
    for (const label in labels) {
      if (!this.labelNames.includes(label as L)) throw new Error(`metric ${this.name} has no label ${label}`);
    }
    let level = this.index;
    for (const label of this.labelNames) {
      const value = labels[label];
      let next = level.get(value) as Index | undefined;
      if (next === undefined) level.set(value, (next = new Map()));
      level = next;
    }
    const found = level.get(SERIES) as S | undefined;
    if (found !== undefined) return found;
    const pairs = this.labelNames
      .flatMap((label) => {
        const value = labels[label];
        return value === undefined ? [] : [`${label}="${escapeLabelValue(value)}"`];
      })
      .join(',');
    // Distinct label objects may render alike (a value left out, or given as undefined): they share one series.
    let series = this.series.get(pairs);
    if (series === undefined) this.series.set(pairs, (series = this.empty()));
    level.set(SERIES, series);
    return series;
  }

  /** The series named by the `(labels, value)` or `(value)` arguments of the public methods. */
  protected seriesOf(labelsOrValue: Labels<L> | number | undefined): S {
    return typeof labelsOrValue === 'object' ? this.at(labelsOrValue) : this.at(NO_LABELS);
  }

  protected abstract empty(): S;
  protected abstract samples(pairs: string, series: S): string[];
}

/** One number per label set; counters and gauges differ only in the changes they allow. */
abstract class Scalar<L extends string> extends Metric<L, { value: number }> {
  protected empty(): { value: number } {
    return { value: 0 };
  }

  protected samples(pairs: string, series: { value: number }): string[] {
    return [sample(this.name, pairs, series.value)];
  }
}

/** A count that only goes up. */
export class Counter<L extends string = never> extends Scalar<L> {
  protected readonly type = 'counter';

  readonly inc: OptionalValue<L> = (labelsOrValue?: Labels<L> | number, by?: number) => {
    const value = valueOf(labelsOrValue, by, 1);
    if (!(value >= 0)) throw new Error(`counter ${this.name} cannot change by ${value}`);
    this.seriesOf(labelsOrValue).value += value;
  };
}

export interface GaugeOptions<L extends string> extends MetricOptions<L> {
  /** Runs on each scrape before the gauge is rendered, to set values read from elsewhere. */
  readonly collect?: (gauge: Gauge<L>) => void;
}

/** A value that goes up and down, or is read on each scrape by `collect`. */
export class Gauge<L extends string = never> extends Scalar<L> {
  protected readonly type = 'gauge';

  constructor(private readonly options: GaugeOptions<L>) {
    super(options);
  }

  readonly set: RequiredValue<L> = (labelsOrValue: Labels<L> | number, to?: number) => {
    this.seriesOf(labelsOrValue).value = valueOf(labelsOrValue, to, 0);
  };

  readonly inc: OptionalValue<L> = (labelsOrValue?: Labels<L> | number, by?: number) => {
    this.seriesOf(labelsOrValue).value += valueOf(labelsOrValue, by, 1);
  };

  readonly dec: OptionalValue<L> = (labelsOrValue?: Labels<L> | number, by?: number) => {
    this.seriesOf(labelsOrValue).value -= valueOf(labelsOrValue, by, 1);
  };

  override lines(): string[] {
    this.options.collect?.(this);
    return super.lines();
  }
}

export interface HistogramOptions<L extends string> extends MetricOptions<L> {
  /** Upper bounds of the buckets; `+Inf` is always added after them. */
  readonly buckets: readonly number[];
}

/** Per label set: how many observations fell in each bucket alone (summed when rendered), their sum and count. */
type Observations = { readonly perBucket: number[]; sum: number; count: number };

/** Observations counted into buckets, with their sum and count. */
export class Histogram<L extends string = never> extends Metric<L, Observations> {
  protected readonly type = 'histogram';
  private readonly buckets: readonly number[];

  constructor(options: HistogramOptions<L>) {
    if (options.labelNames?.includes('le' as L)) throw new Error('le is reserved for histogram buckets');
    super(options);
    this.buckets = [...options.buckets].sort((a, b) => a - b);
  }

  readonly observe: RequiredValue<L> = (labelsOrValue: Labels<L> | number, observed?: number) => {
    const value = valueOf(labelsOrValue, observed, 0);
    const series = this.seriesOf(labelsOrValue);
    const bucket = this.buckets.findIndex((bound) => value <= bound);
    if (bucket >= 0) series.perBucket[bucket] = (series.perBucket[bucket] ?? 0) + 1;
    series.sum += value;
    series.count += 1;
  };

  protected empty(): Observations {
    return { perBucket: this.buckets.map(() => 0), sum: 0, count: 0 };
  }

  protected samples(pairs: string, { perBucket, sum, count }: Observations): string[] {
    const bucket = (le: string, value: number): string =>
      sample(`${this.name}_bucket`, pairs === '' ? `le="${le}"` : `${pairs},le="${le}"`, value);
    let cumulative = 0;
    return [
      ...this.buckets.map((bound, i) => bucket(formatNumber(bound), (cumulative += perBucket[i] ?? 0))),
      bucket('+Inf', count),
      sample(`${this.name}_sum`, pairs, sum),
      sample(`${this.name}_count`, pairs, count),
    ];
  }
}
