// Spreadsheet clipboard text (TSV as Excel and LibreOffice write it) and the grid's display values as model values.
// Pure: no DOM, no AG Grid, so the parsing and conversion are tested in Node.
import { en } from '../i18n/en.ts';
import { sv } from '../i18n/sv.ts';
import { nameKey } from '../model/names.ts';
import { fail, ok } from '../model/result.ts';
import type { ModelError, Result } from '../model/result.ts';
import { STATUSES } from '../model/schema.ts';
import type { CellValue } from '../model/batch.ts';
import type { FocusArea, Participant, Status } from '../model/schema.ts';
import type { ColumnId } from './columns.ts';
import type { GridRow } from './rows.ts';

/**
 * Splits clipboard text into rows of fields. Fields are tab-separated and rows end with CRLF or LF; a field that
 * starts with `"` is quoted and may hold tabs, line breaks and `""` (one quote). One final line end is no row.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let at = 0;
  const endRow = (): void => {
    rows.push(row);
    row = [];
  };
  while (at <= text.length) {
    let field: string;
    if (text[at] === '"') {
      const quoted = readQuoted(text, at + 1);
      if (quoted !== null) {
        field = quoted.value;
        at = quoted.end;
      } else {
        // No closing quote before the field ends: the spreadsheet meant the quote literally.
        const end = fieldEnd(text, at);
        field = text.slice(at, end);
        at = end;
      }
    } else {
      const end = fieldEnd(text, at);
      field = text.slice(at, end);
      at = end;
    }
    row.push(field);
    if (at >= text.length) {
      endRow();
      break;
    }
    if (text[at] === '\t') at += 1;
    else {
      at += text.startsWith('\r\n', at) ? 2 : 1;
      endRow();
      if (at >= text.length) break;
    }
  }
  return rows;
}

/** Where an unquoted field ends: at the next tab or line end. */
function fieldEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\t' || c === '\n' || c === '\r') return i;
  }
  return text.length;
}

/** A quoted field from just after its opening quote; null unless its closing quote is followed by a field end. */
function readQuoted(text: string, from: number): { value: string; end: number } | null {
  let value = '';
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      const next = text[i + 1];
      return next === undefined || next === '\t' || next === '\n' || next === '\r'
        ? { value, end: i + 1 }
        : null;
    }
    value += c;
    i += 1;
  }
  return null;
}

/** One field as a spreadsheet writes it: quoted when it holds a tab, a line break or starts with a quote. */
export function formatTsvField(value: string): string {
  return /[\t\r\n]/.test(value) || value.startsWith('"') ? `"${value.replaceAll('"', '""')}"` : value;
}

/** What the conversion looks names up in. */
export interface PasteLookup {
  readonly focusAreas: readonly FocusArea[];
  readonly participants: readonly Participant[];
}

const fold = nameKey;

/** A status by its Swedish or English label, or by its key, in any case. */
function parseStatusText(text: string): Result<Status> {
  const wanted = fold(text);
  const found = STATUSES.find(
    (key) =>
      fold(key) === wanted || fold(sv[`status.${key}`]) === wanted || fold(en[`status.${key}`]) === wanted,
  );
  return found === undefined ? fail('bad_status', `not a status: ${text}`, 'status') : ok(found);
}

/** "Steg 2", "Step 2" or "2". */
function parseStepText(text: string): Result<number> {
  const match = /^\s*(?:steg|step)?\s*([123])\s*$/i.exec(text);
  return match ? ok(Number(match[1])) : fail('bad_step', `not a step: ${text}`, 'step');
}

/** Names separated by commas (or semicolons), each a participant of the plan; empty for none. */
function parseOwnersText(text: string, participants: readonly Participant[]): Result<string[]> {
  const names = text
    .split(/[,;\n]/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const ids: string[] = [];
  for (const name of names) {
    const found = participants.find((p) => fold(p.name) === fold(name));
    if (found === undefined) return fail('unknown_participant', `no participant ${name}`, 'owners');
    ids.push(found.id);
  }
  return ok(ids);
}

/** "1, 3" (commas, semicolons or spaces between); empty for none. The model checks the range. */
function parseReformPartsText(text: string): Result<number[]> {
  const parts = text.split(/[\s,;]+/).filter((part) => part !== '');
  if (parts.some((part) => !/^\d+$/.test(part)))
    return fail('bad_reform_part', `not reform parts: ${text}`, 'reformParts');
  return ok(parts.map(Number));
}

/**
 * The model value for text shown in (or pasted into) a column: status by label or key, step as "Steg 2" or "2",
 * focus area by name, owners by comma-separated names, reform parts as "1, 3", due as YYYY-MM-DD, text as is.
 * The model validates the result again when it is written.
 */
export function parseDisplayValue(column: ColumnId, text: string, lookup: PasteLookup): Result<unknown> {
  switch (column) {
    case 'status':
      return parseStatusText(text);
    case 'step':
      return parseStepText(text);
    case 'focusAreaId': {
      const area = lookup.focusAreas.find((candidate) => fold(candidate.name) === fold(text));
      return area ? ok(area.id) : fail('unknown_focus_area', `no focus area ${text}`, 'focusAreaId');
    }
    case 'owners':
      return parseOwnersText(text, lookup.participants);
    case 'reformParts':
      return parseReformPartsText(text);
    case 'due':
    case 'decisionDate':
    case 'priority':
      return ok(text.trim());
    case 'text':
    case 'responsible':
    case 'note':
    case 'decision':
      return ok(text);
  }
}

/** A refused pasted value: where it was meant to go (the grid's row index, the column) and why. */
export interface PasteRefusal {
  readonly rowIndex: number;
  readonly column: ColumnId;
  readonly error: ModelError;
}

/** The cells a paste writes, with each one's place in the grid, and what was refused or did not fit. */
export interface PastePlan {
  readonly cells: readonly CellValue[];
  readonly places: readonly { readonly rowIndex: number; readonly column: ColumnId }[];
  readonly refused: readonly PasteRefusal[];
  /** Values that fell beyond the last row or column. */
  readonly outside: number;
}

/**
 * Lays a block over the grid from the focused cell rightwards and downwards, in the rows and columns as shown
 * (`rows[0]` is the focused row, at grid row index `firstRowIndex`; `columns[0]` the focused column).
 */
export function planPaste(
  block: readonly (readonly string[])[],
  rows: readonly GridRow[],
  firstRowIndex: number,
  columns: readonly ColumnId[],
  lookup: PasteLookup,
  /** False for a cell the paste must leave alone (an open conflict); it is left out without a refusal. */
  writable: (row: GridRow, column: ColumnId) => boolean = () => true,
): PastePlan {
  const cells: CellValue[] = [];
  const places: { rowIndex: number; column: ColumnId }[] = [];
  const refused: PasteRefusal[] = [];
  let outside = 0;
  block.forEach((values, r) => {
    const row = rows[r];
    values.forEach((text, c) => {
      const column = columns[c];
      if (row === undefined || column === undefined) {
        outside += 1;
        return;
      }
      const rowIndex = firstRowIndex + r;
      if (!writable(row, column)) return;
      const value = parseDisplayValue(column, text, lookup);
      if (!value.ok) {
        refused.push({ rowIndex, column, error: value.error });
        return;
      }
      // A row's priority is its focus area's: pasting it re-prioritises the area.
      const cell =
        column === 'priority'
          ? { target: 'focusArea' as const, id: row.focusAreaId, field: 'priority' }
          : { target: 'activity' as const, id: row.id, field: column };
      cells.push({ cell, value: value.value });
      places.push({ rowIndex, column });
    });
  });
  return { cells, places, refused, outside };
}
