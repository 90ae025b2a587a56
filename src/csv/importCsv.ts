// The preview of a CSV import: which rows become activities, which cannot and why, and which names the plan lacks.
// Pure: bytes and a plan snapshot in, plain data out; nothing changes until importActivities is called.
import type { ImportActivityRow, ImportChoices } from '../model/importActivities.ts';
import { nameKey } from '../model/names.ts';
import type { FocusArea, Participant, PlanSnapshot } from '../model/schema.ts';
import { decodeCsv } from './decodeCsv.ts';
import type { CsvEncoding } from './decodeCsv.ts';
import { COLUMN_LABELS, matchHeader } from './importColumns.ts';
import type { ImportColumn } from './importColumns.ts';
import { readRow } from './importRow.ts';
import type { RowProblem } from './importRow.ts';
import { parseCsv } from './parseCsv.ts';
import type { CsvDelimiter } from './parseCsv.ts';

/** Larger files are refused before they are read: a county plan's CSV is some hundred kilobytes. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Why a whole file cannot be previewed. */
export type FileProblem =
  | { readonly code: 'empty' | 'workbook' | 'binary' | 'too_big' | 'no_rows' }
  | { readonly code: 'unterminated_quote'; readonly line: number }
  | { readonly code: 'missing_columns'; readonly columns: readonly ImportColumn[] };

/** A row that will be added, if the names it waits on (none for most rows) are chosen to be created. */
export interface PreviewRow extends ImportActivityRow {
  readonly newFocusArea: string | null;
  readonly newOwners: readonly string[];
}

export interface ImportRefusal {
  readonly line: number;
  readonly problems: readonly RowProblem[];
}

/** A focus area or organisation the file names and the plan lacks; `priority` is the file's, for a focus area. */
export interface UnknownName {
  readonly name: string;
  readonly lines: readonly number[];
  readonly priority: number | null;
}

export interface ImportPreview {
  readonly encoding: CsvEncoding;
  readonly separator: CsvDelimiter;
  readonly rows: readonly PreviewRow[];
  readonly refusals: readonly ImportRefusal[];
  readonly unknownFocusAreas: readonly UnknownName[];
  readonly unknownOwners: readonly UnknownName[];
  readonly ignoredColumns: readonly string[];
  /** Lines of rows the plan already has (same focus area, step and text): importing the same file twice doubles them. */
  readonly alreadyInPlan: readonly number[];
}

export type PreviewOutcome =
  | { readonly ok: true; readonly preview: ImportPreview }
  | { readonly ok: false; readonly problem: FileProblem };

/** Decodes and previews a file's bytes (see `decodeCsv` for the encodings). */
export function previewCsvFile(bytes: Uint8Array, plan: PlanSnapshot): PreviewOutcome {
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, problem: { code: 'too_big' } };
  const decoded = decodeCsv(bytes);
  if (!decoded.ok) return { ok: false, problem: { code: decoded.problem } };
  return previewCsvText(decoded.text, plan, decoded.encoding);
}

// The export guards cells against formula injection with a leading apostrophe; the import takes it off again.
const GUARDED = /^'[=+\-@\t\r]/;
const unguard = (value: string): string => (GUARDED.test(value) ? value.slice(1) : value);

const COLUMN_ORDER = Object.keys(COLUMN_LABELS) as ImportColumn[];
const byColumn = (a: RowProblem, b: RowProblem): number =>
  COLUMN_ORDER.indexOf(a.column) - COLUMN_ORDER.indexOf(b.column);

/**
 * Previews CSV text against `plan`: the header is matched by name, then each data row becomes a row to add
 * (possibly waiting on new names), or a refusal with its line and every reason. Empty rows are passed over.
 */
export function previewCsvText(
  text: string,
  plan: PlanSnapshot,
  encoding: CsvEncoding = 'utf-8',
): PreviewOutcome {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, problem: { code: 'unterminated_quote', line: parsed.line } };
  const [header, ...records] = parsed.records.filter((record) => record.fields.some((f) => f.trim() !== ''));
  if (header === undefined) return { ok: false, problem: { code: 'empty' } };
  const match = matchHeader(header.fields);
  if (match.missing.length > 0)
    return { ok: false, problem: { code: 'missing_columns', columns: match.missing } };
  if (records.length === 0) return { ok: false, problem: { code: 'no_rows' } };

  const lookup = {
    focusAreas: firstByName(plan.focusAreas),
    participants: new Map(plan.participants.map((p): [string, Participant] => [nameKey(p.name), p])),
  };
  const existing = existingActivities(plan);
  const alreadyInPlan: number[] = [];
  const rows: PreviewRow[] = [];
  const refusals: ImportRefusal[] = [];
  const areas = new NameCollector();
  const owners = new NameCollector();
  for (const record of records) {
    const cell = (column: ImportColumn): string => {
      const index = match.columns.get(column);
      return index === undefined ? '' : unguard(record.fields[index] ?? '');
    };
    const reading = readRow(cell, lookup, record.line);
    if (reading.row === null) {
      refusals.push({ line: record.line, problems: [...reading.problems].sort(byColumn) });
      continue;
    }
    if (reading.unknownFocusArea !== null)
      areas.add(reading.unknownFocusArea, record.line, reading.row.priority);
    for (const owner of reading.unknownOwners) owners.add(owner, record.line, null);
    rows.push({ ...reading.row, newFocusArea: reading.unknownFocusArea, newOwners: reading.unknownOwners });
    if (existing.has(activityKey(reading.row.focusArea, reading.row.cells.step, reading.row.cells.text)))
      alreadyInPlan.push(record.line);
  }
  return {
    ok: true,
    preview: {
      encoding,
      separator: parsed.separator,
      rows,
      refusals,
      unknownFocusAreas: areas.list(),
      unknownOwners: owners.list(),
      ignoredColumns: match.ignored,
      alreadyInPlan,
    },
  };
}

/** The rows that the choices let through: those whose new names are all chosen to be created. */
export function importableRows(preview: ImportPreview, choices: ImportChoices): PreviewRow[] {
  const areas = new Set(choices.createFocusAreas.map(nameKey));
  const owners = new Set(choices.createOwners.map(nameKey));
  return preview.rows.filter(
    (row) =>
      (row.newFocusArea === null || areas.has(nameKey(row.newFocusArea))) &&
      row.newOwners.every((owner) => owners.has(nameKey(owner))),
  );
}

const activityKey = (focusArea: string, step: number, text: string): string =>
  `${nameKey(focusArea)}\u0000${step}\u0000${text.trim()}`;

/** The plan's activities as focus area, step and text, to spot rows that are already there. */
function existingActivities(plan: PlanSnapshot): Set<string> {
  const areaNames = new Map(plan.focusAreas.map((area) => [area.id as string, area.name]));
  return new Set(
    plan.activities.map((activity) =>
      activityKey(areaNames.get(activity.focusAreaId) ?? '', activity.step, activity.text),
    ),
  );
}

/** Focus areas by name; of two with one name, the first in plan order (the model then prefers a priority match). */
function firstByName(areas: readonly FocusArea[]): Map<string, FocusArea> {
  const byName = new Map<string, FocusArea>();
  for (const area of areas) if (!byName.has(nameKey(area.name))) byName.set(nameKey(area.name), area);
  return byName;
}

/** Unknown names in order of first use, each with the lines that use it and the first priority given for it. */
class NameCollector {
  private readonly names = new Map<string, { name: string; lines: number[]; priority: number | null }>();

  add(name: string, line: number, priority: number | null): void {
    const entry = this.names.get(nameKey(name));
    if (entry === undefined) this.names.set(nameKey(name), { name, lines: [line], priority });
    else {
      entry.lines.push(line);
      entry.priority ??= priority;
    }
  }

  list(): UnknownName[] {
    return [...this.names.values()];
  }
}
