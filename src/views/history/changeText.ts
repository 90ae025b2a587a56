// Logged changes in words for the history dialog: "ändrade Status: Pågår → Klar", "tog bort aktiviteten".
import { t } from '../../i18n/index.ts';
import type { MessageKey } from '../../i18n/index.ts';
import type { CellHistoryItem } from '../../state/history.ts';
import type { LogEntry, LogTarget, PlanSnapshot } from '../../model/schema.ts';
import { authorLine, fieldLabel, valueText } from './describe.ts';

type RowTarget = Exclude<LogTarget, 'meta'>;
type RowAction = 'add' | 'recreate' | 'delete' | 'move';

const ROW_ACTIONS: Readonly<Record<RowTarget, Readonly<Record<RowAction, MessageKey>>>> = {
  activity: {
    add: 'history.since.activity.add',
    recreate: 'history.since.activity.recreate',
    delete: 'history.since.activity.delete',
    move: 'history.since.activity.move',
  },
  focusArea: {
    add: 'history.since.focusArea.add',
    recreate: 'history.since.focusArea.recreate',
    delete: 'history.since.focusArea.delete',
    move: 'history.since.focusArea.move',
  },
  participant: {
    add: 'history.since.participant.add',
    recreate: 'history.since.participant.recreate',
    delete: 'history.since.participant.delete',
    move: 'history.since.participant.move',
  },
};

/** A move that only changed the row's place among its neighbours (its order key), not a cell anyone reads. */
const isPlaceOnly = (entry: Pick<LogEntry, 'action' | 'field'>): boolean =>
  entry.action === 'move' && entry.field === 'order';

/**
 * What the entry did, in words: "Status: Pågår → Klar" for a cell (ids as names, keys in Swedish, as of
 * `plan`), or "tog bort aktiviteten" for a whole row. A re-created row (a restore) reads as restored.
 */
export function changeWhat(entry: LogEntry, plan: PlanSnapshot): string {
  if (entry.field !== undefined && !isPlaceOnly(entry)) {
    return t('history.since.set', {
      field: fieldLabel({ target: entry.target, field: entry.field }),
      from: valueText(entry.field, entry.from, plan),
      to: valueText(entry.field, entry.to, plan),
    });
  }
  if (entry.target === 'meta') return t('history.since.plan');
  const action: RowAction =
    entry.action === 'add'
      ? entry.snapshot === undefined
        ? 'add'
        : 'recreate'
      : entry.action === 'set'
        ? 'move'
        : entry.action;
  return t(ROW_ACTIONS[entry.target][action]);
}

/** "Alice Andersson, Region X, 2026-11-23 14:32: Status: Pågår → Klar". */
export const changeLine = (entry: LogEntry, plan: PlanSnapshot): string =>
  t('history.line', { byAt: authorLine(entry.by, entry.at), what: changeWhat(entry, plan) });

/** How a cell got one of its values: "ändrade", or "lade till aktiviteten" when it came with its row. */
export function cellChangeHow(target: LogTarget, change: CellHistoryItem): string {
  if (change.action === 'set' || target === 'meta') return t('history.cell.set');
  const action: RowAction = change.action === 'add' ? (change.recreated ? 'recreate' : 'add') : change.action;
  return t(ROW_ACTIONS[target][action]);
}
