// Order keys: fractional index strings, so a move rewrites one key; equal keys (two clients, same gap) tie-break on id.
import { generateKeyBetween } from 'fractional-indexing';

export interface Ordered {
  readonly id: string;
  readonly order: string;
}

/** Compares by order key, then by id, so every replica sorts equal keys the same way (excalidraw). */
export const compareByOrder = (a: Ordered, b: Ordered): number =>
  a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export const sortByOrder = <T extends Ordered>(items: readonly T[]): T[] => [...items].sort(compareByOrder);

/** Where to place an item among its siblings: right before or after one of them, or (neither) last. */
export interface Placement {
  readonly before?: string | undefined;
  readonly after?: string | undefined;
}

/**
 * A key that sorts at `placement` among `siblings` (the moving item itself excluded). An unknown anchor id
 * places the item last, so a racing delete of the anchor never loses the item.
 */
export function orderKeyFor(siblings: readonly Ordered[], placement: Placement = {}): string {
  const sorted = sortByOrder(siblings);
  const anchorId = placement.before ?? placement.after;
  const index = anchorId === undefined ? -1 : sorted.findIndex((item) => item.id === anchorId);
  if (index < 0) return generateKeyBetween(sorted.at(-1)?.order ?? null, null);
  const gapStart = placement.before !== undefined ? index - 1 : index;
  const low = gapStart >= 0 ? (sorted[gapStart]?.order ?? null) : null;
  // Equal keys can sit on both sides of the gap; look past them for a strictly greater upper bound.
  let high: string | null = null;
  for (let i = gapStart + 1; i < sorted.length; i++) {
    const key = sorted[i]?.order;
    if (key !== undefined && (low === null || key > low)) {
      high = key;
      break;
    }
  }
  return generateKeyBetween(low, high);
}

/** Keys for `count` new items appended in sequence after `last` (templates, imports). */
export function orderKeysAfter(last: string | null, count: number): string[] {
  const keys: string[] = [];
  let previous = last;
  for (let i = 0; i < count; i++) {
    previous = generateKeyBetween(previous, null);
    keys.push(previous);
  }
  return keys;
}
