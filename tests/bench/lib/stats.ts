// Repeated measurement: warm-up runs (discarded), then timed runs; medians and p95 over the timed ones.
import { performance } from 'node:perf_hooks';

export interface RepeatOptions {
  /** Runs made first and thrown away (JIT, caches, SQLite pages). */
  readonly warmup: number;
  /** Runs whose samples are kept. */
  readonly runs: number;
}

/** The value at quantile `q` (0..1) of `samples`, nearest-rank on a sorted copy. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export const median = (samples: readonly number[]): number => quantile(samples, 0.5);
export const p95 = (samples: readonly number[]): number => quantile(samples, 0.95);

/** Milliseconds `fn` takes, and what it returned. */
export async function time<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/**
 * Runs `once` warm-up + runs times and collects what each timed run reports. `once` returns its own samples
 * (a duration, a rate, a size), so setup that must not be timed stays inside it, outside its stopwatch.
 */
export async function repeat<S extends Record<string, number>>(
  options: RepeatOptions,
  once: (run: number) => Promise<S> | S,
): Promise<{ [K in keyof S]: number[] }> {
  for (let i = 0; i < options.warmup; i++) await once(-1 - i);
  const samples = {} as { [K in keyof S]: number[] };
  for (let i = 0; i < options.runs; i++) {
    const result = await once(i);
    for (const key of Object.keys(result) as (keyof S)[]) {
      (samples[key] ??= []).push(result[key] as number);
    }
  }
  return samples;
}

/** Milliseconds a synchronous `fn` takes, and what it returned. */
export function timeSync<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}
