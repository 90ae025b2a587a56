// Undo and redo of the local user's own changes only, refused where someone else has changed the cell since.
import * as Y from 'yjs';
import { cellHeads, rowHeads } from './heads.ts';
import { isLogEntry } from './logEntry.ts';
import type { LocalOrigin } from './origins.ts';
import { ok } from './result.ts';
import type { Result } from './result.ts';
import { TOP } from './schema.ts';
import type { LogEntry } from './schema.ts';

/** What `undo` and `redo` did: `done` is false when there was nothing to undo (or redo). */
export interface UndoOutcome {
  readonly done: boolean;
}

/** The local user's undo history of one open plan. */
export interface PlanUndo {
  /** Reverts this user's newest change still on the stack; refused (stack kept) when someone changed its cells since. */
  undo(): Result<UndoOutcome>;
  /** Puts back the change undone last; refused (stack kept) when someone changed its cells since the undo. */
  redo(): Result<UndoOutcome>;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Calls `listener` whenever either stack changes; returns the unsubscribe function. */
  onStacksChange(listener: () => void): () => void;
  destroy(): void;
}

/** Where a stack item keeps the log entries its change wrote (they say which cells it touched). */
const ENTRIES = 'samplan.entries';

/**
 * Opens an undo history over every top-level type, the log included (so an undo also withdraws its log entries
 * and the cells' earlier heads come back), tracking only `origin`: a colleague's change is never undone. Each
 * transaction is its own step (captureTimeout 0): one user action, such as a whole paste, is one transaction.
 */
export function createPlanUndo(doc: Y.Doc, origin: LocalOrigin): PlanUndo {
  const types = [TOP.meta, TOP.participants, TOP.focusAreas, TOP.activities].map((name) => doc.getMap(name));
  const log = doc.getArray<LogEntry>(TOP.log);
  const manager = new Y.UndoManager([...types, log], {
    trackedOrigins: new Set([origin]),
    captureTimeout: 0,
  });
  // The entries the running local transaction appends; observers run before the manager adds its stack item.
  let appended: LogEntry[] = [];
  const collect = (event: Y.YArrayEvent<LogEntry>, transaction: Y.Transaction): void => {
    if (transaction.origin !== origin) return;
    for (const item of event.changes.added) {
      for (const value of item.content.getContent() as unknown[]) if (isLogEntry(value)) appended.push(value);
    }
  };
  log.observe(collect);
  const remember = ({ stackItem }: { stackItem: { meta: Map<unknown, unknown> } }): void => {
    const earlier = (stackItem.meta.get(ENTRIES) as LogEntry[] | undefined) ?? [];
    stackItem.meta.set(ENTRIES, [...earlier, ...appended]);
    appended = [];
  };
  manager.on('stack-item-added', remember);
  manager.on('stack-item-updated', remember);

  /** Runs one undo or redo after the check; the opposite stack's new item inherits the entries. */
  const step = (
    from: () => { meta: Map<unknown, unknown> }[],
    to: () => { meta: Map<unknown, unknown> }[],
    run: () => unknown,
    redoing: boolean,
  ): Result<UndoOutcome> => {
    const item = from().at(-1);
    if (item === undefined) return ok({ done: false });
    const entries = (item.meta.get(ENTRIES) as LogEntry[] | undefined) ?? [];
    const refusal = findOverwrite(doc, entries, redoing);
    if (refusal !== null) return refusal;
    const before = to().length;
    appended = [];
    run();
    const added = to().at(-1);
    if (added !== undefined && to().length > before) added.meta.set(ENTRIES, entries);
    return ok({ done: true });
  };

  return {
    undo: () =>
      step(
        () => manager.undoStack,
        () => manager.redoStack,
        () => manager.undo(),
        false,
      ),
    redo: () =>
      step(
        () => manager.redoStack,
        () => manager.undoStack,
        () => manager.redo(),
        true,
      ),
    canUndo: () => manager.canUndo(),
    canRedo: () => manager.canRedo(),
    onStacksChange: (listener) => {
      const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;
      for (const name of events) manager.on(name, listener);
      return () => {
        for (const name of events) manager.off(name, listener);
      };
    },
    destroy: () => {
      log.unobserve(collect);
      manager.destroy();
    },
  };
}

/**
 * The refusal for undoing (or redoing) a step whose cells someone else has changed since, or null. Undoing is
 * safe while the step's own entries are still the heads of their cells (rows, for adds and deletes); redoing is
 * safe while the heads are still what the step's entries superseded.
 */
function findOverwrite(doc: Y.Doc, entries: readonly LogEntry[], redoing: boolean): Result<never> | null {
  const own = new Set(entries.map((entry) => entry.key).filter((key) => key !== undefined));
  for (const entry of entries) {
    if (entry.key === undefined) continue;
    const heads =
      entry.field === undefined
        ? rowHeads(doc, entry.target, entry.id)
        : cellHeads(doc, { target: entry.target, id: entry.id, field: entry.field });
    const allowed = redoing ? new Set([...own, ...(entry.prev ?? [])]) : own;
    const isForeign = (head: LogEntry): boolean => head.key !== undefined && !allowed.has(head.key);
    // A row deleted (or restored) by someone since supersedes the cell without writing it: look at the row then.
    const superseded = !redoing && !heads.some((head) => head.key === entry.key);
    const foreign =
      heads.find(isForeign) ??
      (superseded ? rowHeads(doc, entry.target, entry.id).find(isForeign) : undefined);
    if (foreign !== undefined) {
      const detail = `${entry.target} ${entry.id} ${entry.field ?? ''} was changed by ${foreign.by.name} since`;
      return {
        ok: false,
        error: { code: 'changed_since', detail, params: { name: foreign.by.name }, ...fieldOf(entry) },
      };
    }
  }
  return null;
}

const fieldOf = (entry: LogEntry): { field?: string } =>
  entry.field === undefined ? {} : { field: entry.field };
