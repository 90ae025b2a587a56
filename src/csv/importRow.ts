// One CSV row as an activity to import, or the reasons it cannot be one; the model's validators judge each cell.
import { en } from '../i18n/en.ts';
import { sv } from '../i18n/sv.ts';
import type { ImportActivityRow, ImportedCells } from '../model/importActivities.ts';
import { nameKey } from '../model/names.ts';
import type { Result } from '../model/result.ts';
import { LIMITS, STATUSES } from '../model/schema.ts';
import type { FocusArea, Participant, Status, Step } from '../model/schema.ts';
import {
  parseDate,
  parseName,
  parsePriority,
  parseReformParts,
  parseStatus,
  parseStep,
  parseText,
} from '../model/validate.ts';
import { parseDecisionCell } from './decisionCell.ts';
import type { ImportColumn } from './importColumns.ts';

/** Why a cell cannot be used; the model's error codes, so the wording matches the rest of the app. */
export type RowProblemCode =
  | 'required'
  | 'too_long'
  | 'bad_step'
  | 'bad_status'
  | 'bad_date'
  | 'bad_priority'
  | 'bad_reform_part'
  | 'unknown_focus_area'
  | 'unknown_participant';

/** One reason a row is refused: which column, what it held, and (for too long text) the limit. */
export interface RowProblem {
  readonly code: RowProblemCode;
  readonly column: ImportColumn;
  readonly value: string;
  readonly max?: number;
}

/** The plan's names to match against, by `nameKey`. */
export interface RowLookup {
  readonly focusAreas: ReadonlyMap<string, FocusArea>;
  readonly participants: ReadonlyMap<string, Participant>;
}

export interface RowReading {
  /** The activity, unless a problem other than an unknown name stands in the way. */
  readonly row: ImportActivityRow | null;
  readonly problems: readonly RowProblem[];
  /** The names the plan lacks, as the file spells them: the row waits on the user's choice to create them. */
  readonly unknownFocusArea: string | null;
  readonly unknownOwners: readonly string[];
}

const MAX: Partial<Record<ImportColumn, number>> = {
  focusArea: LIMITS.name,
  owners: LIMITS.name,
  text: LIMITS.text,
  responsible: LIMITS.responsible,
  note: LIMITS.note,
  decision: LIMITS.decision,
};

const fold = (text: string): string => nameKey(text.replace(/_/g, ' '));

/** Status by key, Swedish or English label, in any case ("Klar", "done", "In progress"). */
const STATUS_BY_NAME = new Map<string, Status>(
  STATUSES.flatMap((status) => [
    [fold(status), status],
    [fold(sv[`status.${status}`]), status],
    [fold(en[`status.${status}`]), status],
  ]),
);

// ISO, also as spreadsheets may rewrite it: 2027-3-1, 2027/03/01, 2027.03.01, or with a time of day after it.
// Day-first and month-first dates (01/03/2027) are refused: for days up to 12 no one can tell which was meant.
const DATE_LIKE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;

/** A date as `YYYY-MM-DD` when it is one of the unambiguous spellings above; otherwise the text as it is. */
export function normaliseDate(text: string): string {
  const match = DATE_LIKE.exec(text.trim());
  if (match === null) return text.trim();
  const [, year = '', month = '', day = ''] = match;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

type Cell = (column: ImportColumn) => string;

/** Returns a parsed value, or records the refusal as a problem of `column` and returns `fallback`. */
type Take = <T>(column: ImportColumn, raw: string, result: Result<T>, fallback: T) => T;

/** Reads one data row. `cell` gives a column's text ('' when the file lacks the column). */
export function readRow(cell: Cell, lookup: RowLookup, line: number): RowReading {
  const problems: RowProblem[] = [];
  const take: Take = (column, raw, result, fallback) => {
    if (result.ok) return result.value;
    const code = result.error.code as RowProblemCode;
    const max = code === 'too_long' ? MAX[column] : undefined;
    const value = raw.trim();
    problems.push(max === undefined ? { code, column, value } : { code, column, value, max });
    return fallback;
  };
  const cells = readCells(cell, take);
  const priorityText = cell('priority').trim();
  const priority =
    priorityText === '' ? null : take('priority', priorityText, parsePriority(priorityText), null);
  const areaName = take('focusArea', cell('focusArea'), parseName(cell('focusArea'), LIMITS.name), '');
  const area = areaName === '' ? undefined : lookup.focusAreas.get(nameKey(areaName));
  const owners = readOwners(cell('owners'), lookup, (name, result) => take('owners', name, result, ''));
  const unknownFocusArea = area === undefined && areaName !== '' ? areaName : null;
  const unknown: RowProblem[] = [
    ...(unknownFocusArea === null ? [] : [problem('unknown_focus_area', 'focusArea', unknownFocusArea)]),
    ...owners.unknown.map((name) => problem('unknown_participant', 'owners', name)),
  ];
  if (problems.length > 0)
    return { row: null, problems: [...problems, ...unknown], unknownFocusArea: null, unknownOwners: [] };
  return {
    row: { line, focusArea: area?.name ?? areaName, priority, owners: owners.names, cells },
    problems: unknown,
    unknownFocusArea,
    unknownOwners: owners.unknown,
  };
}

const problem = (code: RowProblemCode, column: ImportColumn, value: string): RowProblem => ({
  code,
  column,
  value,
});

/** The activity's own cells, each by the model's validator; empty optional cells take the defaults a new row has. */
function readCells(cell: Cell, take: Take): ImportedCells {
  const read = (column: ImportColumn, max: number, required = false): string =>
    take(column, cell(column), parseText(cell(column), max, required), '');
  const stepText = cell('step')
    .trim()
    .replace(/^(?:steg|step)\s*/i, '');
  const statusText = cell('status').trim();
  const partsText = cell('reformParts').trim();
  return {
    step: take<Step>('step', cell('step'), parseStep(stepText === '' ? 1 : stepText), 1),
    text: read('text', LIMITS.text, true),
    responsible: read('responsible', LIMITS.responsible),
    status: take<Status>(
      'status',
      statusText,
      parseStatus(statusText === '' ? 'not_started' : STATUS_BY_NAME.get(fold(statusText))),
      'not_started',
    ),
    due: take('due', cell('due'), parseDate(normaliseDate(cell('due'))), ''),
    reformParts: take(
      'reformParts',
      partsText,
      parseReformParts(partsText === '' ? [] : partsText.split(/[\s,;]+/)),
      [],
    ),
    note: read('note', LIMITS.note),
    ...readDecision(cell, take),
  };
}

/** "2026-11-23: text" from Beslut; a Beslutsdatum column, where a file has one, gives the date instead. */
function readDecision(cell: Cell, take: Take): Pick<ImportedCells, 'decision' | 'decisionDate'> {
  const { decision, decisionDate } = parseDecisionCell(cell('decision'));
  const dateColumn: ImportColumn = cell('decisionDate').trim() === '' ? 'decision' : 'decisionDate';
  const dateText = dateColumn === 'decision' ? decisionDate : cell('decisionDate');
  return {
    decision: take('decision', decision, parseText(decision, LIMITS.decision, false), ''),
    decisionDate: take(dateColumn, dateText, parseDate(normaliseDate(dateText)), ''),
  };
}

/**
 * Owners by name, separated by `,` `;` or line breaks (the export joins them with ", "); the plan's spelling
 * for known ones, each once. Names the plan lacks are kept (as written) and listed as unknown.
 */
function readOwners(
  text: string,
  lookup: RowLookup,
  check: (name: string, result: Result<string>) => string,
): { names: string[]; unknown: string[] } {
  const names = new Map<string, string>();
  const unknown: string[] = [];
  for (const written of ownerNamesIn(text, lookup)) {
    if (written.trim() === '') continue;
    const key = nameKey(written);
    if (names.has(key)) continue;
    const known = lookup.participants.get(key);
    const name = known?.name ?? check(written, parseName(written, LIMITS.name));
    if (name === '') continue;
    names.set(key, name);
    if (known === undefined) unknown.push(name);
  }
  return { names: [...names.values()], unknown };
}

/**
 * The names in an owners cell. A known participant whose name holds a separator ("Vård, stöd och omsorg") is one
 * name, not two: at each piece the longest run of pieces that spells a known name is taken whole.
 */
function ownerNamesIn(text: string, lookup: RowLookup): string[] {
  const pieces = text.split(/([,;\r\n]+)/);
  const names: string[] = [];
  const longest = 2 * separatorsInNames(lookup);
  // Pieces alternate: name, separators, name, … (even indexes are names).
  for (let start = 0; start < pieces.length; start += 2) {
    let end = start;
    for (let last = Math.min(pieces.length - 1, start + longest); last > start; last -= 2) {
      if (lookup.participants.has(nameKey(pieces.slice(start, last + 1).join('')))) {
        end = last;
        break;
      }
    }
    names.push(pieces.slice(start, end + 1).join(''));
    start = end;
  }
  return names;
}

const separatorCounts = new WeakMap<RowLookup, number>();

/** The most separators any known participant's name holds (usually none): how far a name can reach. */
function separatorsInNames(lookup: RowLookup): number {
  let most = separatorCounts.get(lookup);
  if (most === undefined) {
    most = 0;
    for (const key of lookup.participants.keys()) most = Math.max(most, key.match(/[,;]+/g)?.length ?? 0);
    separatorCounts.set(lookup, most);
  }
  return most;
}
