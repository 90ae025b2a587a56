// Runs one user action as one transaction with its typed origin and its log entries.
import type * as Y from 'yjs';
import { appendLog } from './log.ts';
import type { LogRecord } from './log.ts';
import type { LocalOrigin } from './origins.ts';

/**
 * Applies `write` in a single `doc.transact` with `origin`, logging what it returns in the same transaction.
 * Callers validate first: `write` must not fail half-way, so a refusal never leaves a partial change.
 */
export function commit(doc: Y.Doc, origin: LocalOrigin, write: () => readonly LogRecord[]): void {
  doc.transact(() => appendLog(doc, origin.actor, write()), origin);
}
