// Change events for the app: which activities a transaction touched, whether the structure changed, and who made it.
import type * as Y from 'yjs';
import { isOrigin } from './origins.ts';
import type { ChangeSource } from './origins.ts';
import type { ActivityId } from './schema.ts';
import { activitiesOf, focusAreasOf, metaOf, participantsOf } from './shared.ts';

export interface PlanChange {
  /** 'local' for this tab's own actions; everything else (relay, IndexedDB, other tabs) is 'remote'. */
  readonly source: ChangeSource;
  /** Activities added, edited, moved or deleted. */
  readonly activities: ReadonlySet<ActivityId>;
  /** The title, participants or focus areas changed (names, priorities, order). */
  readonly structure: boolean;
}

/**
 * Calls `cb` once per transaction that changed the plan (log-only transactions are skipped).
 * Returns the unsubscribe function.
 */
export function onPlanChange(doc: Y.Doc, cb: (change: PlanChange) => void): () => void {
  let touched = new Set<ActivityId>();
  let structure = false;
  const activities = activitiesOf(doc);
  const structural = [metaOf(doc), participantsOf(doc), focusAreasOf(doc)];

  const onActivities = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    for (const event of events) {
      // A nested change names its row in the path; a change to the map itself lists the rows added or removed.
      const [rowId] = event.path;
      if (typeof rowId === 'string') touched.add(rowId as ActivityId);
      else for (const key of event.changes.keys.keys()) touched.add(key as ActivityId);
    }
  };
  const onStructure = (): void => {
    structure = true;
  };
  const flush = (transaction: Y.Transaction): void => {
    if (touched.size === 0 && !structure) return;
    const change: PlanChange = {
      source: isOrigin(transaction.origin) && transaction.origin.kind === 'local' ? 'local' : 'remote',
      activities: touched,
      structure,
    };
    touched = new Set();
    structure = false;
    cb(change);
  };

  activities.observeDeep(onActivities);
  for (const type of structural) type.observeDeep(onStructure);
  doc.on('afterTransaction', flush);
  return () => {
    activities.unobserveDeep(onActivities);
    for (const type of structural) type.unobserveDeep(onStructure);
    doc.off('afterTransaction', flush);
  };
}
