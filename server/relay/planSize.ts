// Keeps one loaded plan under its size limit, cheaply: a running upper bound, measured exactly only near the limit.
import { encodeDoc, mergeUpdateList } from '../../src/model/docs.ts';
import type { PlanDoc } from '../../src/model/docs.ts';

/**
 * A plan's size is its state encoded as one update (what compaction stores). Encoding a large plan on every
 * update would cost O(plan) each time, so this keeps an upper bound instead: the stored updates' sizes at load
 * plus every accepted update's size (merging only ever saves bytes). Only when the bound would pass the limit is
 * the real size measured, and the bound reset to it.
 */
export class PlanSize {
  private bound = 0;

  constructor(private readonly maxBytes: number) {}

  /** Counts updates that are in the doc or on their way (those loaded from storage, then each accepted one). */
  added(updates: readonly Uint8Array[]): void {
    for (const update of updates) this.bound += update.length;
  }

  /** True when the upper bound alone shows `update` fits: no need to measure the doc. */
  withinBound(update: Uint8Array): boolean {
    return this.bound + update.length <= this.maxBytes;
  }

  /**
   * True when `doc` with `update` applied would still be at most the limit; call before storing the update.
   * When the bound is passed the doc is measured, so it must then hold every update counted by `added`.
   */
  fits(doc: PlanDoc, update: Uint8Array): boolean {
    if (this.withinBound(update)) return true;
    const current = encodeDoc(doc);
    const after = mergeUpdateList([current, update]).length;
    // From here on the bound is exact again; `added` adds the update's own size if it is accepted.
    this.bound = current.length;
    return after <= this.maxBytes;
  }
}
