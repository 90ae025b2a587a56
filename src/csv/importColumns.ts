// Which column of an imported CSV holds what: header names matched in Swedish or English, in any order.
import { en } from '../i18n/en.ts';
import { ACTIVITY_FIELD_LABELS } from '../i18n/fieldLabels.ts';
import { sv } from '../i18n/sv.ts';
import type { MessageKey } from '../i18n/sv.ts';
import { nameKey } from '../model/names.ts';
import type { ActivityField } from '../model/schema.ts';

/** The columns an import understands: DESIGN's CSV columns, plus a separate decision date. */
export type ImportColumn = 'priority' | 'focusArea' | Exclude<ActivityField, 'focusAreaId'>;

/** Each column's header text (also its name in messages). */
const { focusAreaId: focusArea, ...otherFields } = ACTIVITY_FIELD_LABELS;
export const COLUMN_LABELS = {
  priority: 'column.priority',
  focusArea,
  ...otherFields,
} as const satisfies Record<ImportColumn, MessageKey>;

/** Without these a row cannot become an activity; every other column has a default. */
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['focusArea', 'text'];

export interface HeaderMatch {
  /** Where each known column is (the first one, if a name repeats). */
  readonly columns: ReadonlyMap<ImportColumn, number>;
  /** Header names that are not ours, and repeats of ours, as the file spells them: their cells are not read. */
  readonly ignored: readonly string[];
  readonly missing: readonly ImportColumn[];
}

const byName = new Map<string, ImportColumn>(
  (Object.entries(COLUMN_LABELS) as [ImportColumn, MessageKey][]).flatMap(([column, key]) => [
    [nameKey(sv[key]), column],
    [nameKey(en[key]), column],
  ]),
);

/** Matches a header row by name (case and spacing do not matter); empty header cells are passed over. */
export function matchHeader(header: readonly string[]): HeaderMatch {
  const columns = new Map<ImportColumn, number>();
  const ignored: string[] = [];
  header.forEach((name, index) => {
    if (name.trim() === '') return;
    const column = byName.get(nameKey(name));
    if (column === undefined || columns.has(column)) ignored.push(name.trim());
    else columns.set(column, index);
  });
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.has(column));
  return { columns, ignored, missing };
}
