// Where a replica's own changes stand against another state vector: the sync layer's acknowledgements.
import * as Y from 'yjs';
import type { PlanDoc } from './docs.ts';

/**
 * A point in one replica's own stream of changes: everything `client` wrote up to (not including) `clock`.
 * Recorded after each local change; the relay has it once its state vector reaches `clock` for `client`.
 */
export interface ChangeMark {
  readonly client: number;
  readonly clock: number;
}

/** The mark of everything this replica has written so far. */
export const currentMark = (doc: PlanDoc): ChangeMark => ({
  client: doc.clientID,
  clock: Y.getState(doc.store, doc.clientID),
});

/** Decodes a state vector (as the relay's sync step 1 carries it); null if the bytes are not one. */
export function decodeClocks(stateVector: Uint8Array): ReadonlyMap<number, number> | null {
  try {
    return Y.decodeStateVector(stateVector);
  } catch {
    return null;
  }
}

/** True when `clocks` already holds everything up to `mark`. */
export const markCovered = (clocks: ReadonlyMap<number, number>, mark: ChangeMark): boolean =>
  (clocks.get(mark.client) ?? 0) >= mark.clock;

/** True when this document still holds the change `mark` points at (a cleared device copy does not). */
export const markHeld = (doc: PlanDoc, mark: ChangeMark): boolean =>
  Y.getState(doc.store, mark.client) >= mark.clock;
