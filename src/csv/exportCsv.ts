// The plan as CSV for Swedish Excel and LibreOffice (DESIGN, "CSV format"): one pure function serves the app and the relay.
import { sv } from '../i18n/sv.ts';
import type { MessageKey } from '../i18n/sv.ts';
import type { PlanSnapshot } from '../model/schema.ts';
import { ownerNamesText } from '../model/ownerNames.ts';
import { decisionCellText } from './decisionCell.ts';

export type CsvSeparator = ';' | ',';

export interface CsvOptions {
  /** `;` (the default) is what Swedish Excel expects; `,` on request. */
  readonly separator?: CsvSeparator;
}

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** The header row's columns, in the order of DESIGN's contract. */
const COLUMNS = [
  'column.priority',
  'column.focusArea',
  'column.step',
  'column.text',
  'column.owners',
  'column.responsible',
  'column.status',
  'column.due',
  'column.reformParts',
  'column.note',
  'column.decision',
] as const satisfies readonly MessageKey[];

/** Every activity of the plan (not only the rows a view shows), in plan order, with a Swedish header. */
export function exportCsv(plan: PlanSnapshot, options: CsvOptions = {}): string {
  const separator = options.separator ?? ';';
  const areas = new Map(plan.focusAreas.map((area) => [area.id as string, area]));
  const ownerNames = ownerNamesText(plan);
  const rows = plan.activities.map((activity) => {
    const area = areas.get(activity.focusAreaId);
    return [
      area ? String(area.priority) : '',
      area?.name ?? '',
      String(activity.step),
      activity.text,
      ownerNames(activity.owners),
      activity.responsible,
      sv[`status.${activity.status}`],
      activity.due,
      activity.reformParts.join(', '),
      activity.note,
      decisionCellText(activity),
    ];
  });
  const lines = [COLUMNS.map((key) => sv[key]), ...rows].map((fields) =>
    fields.map((field) => csvField(field, separator)).join(separator),
  );
  return BOM + lines.join(CRLF) + CRLF;
}

// A cell starting with one of these would be run as a formula by Excel or LibreOffice (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: guarded against formula injection, then quoted when it holds a separator, quote or line break. */
export function csvField(value: string, separator: CsvSeparator): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  const needsQuotes = guarded.includes(separator) || /["\r\n]/.test(guarded) || guarded !== guarded.trim();
  return needsQuotes ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** `aktivitetsplan-<title>-<YYYY-MM-DD>.csv`, with characters that file systems refuse left out. */
export function csvFileName(title: string, date: string): string {
  const safe = title
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F<>:"/\\|?*]+/g, ' ')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/^\.+/, '')
    .slice(0, 80);
  return `aktivitetsplan-${safe === '' ? 'plan' : safe}-${date}.csv`;
}
