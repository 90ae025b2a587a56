// CSV text as records (RFC 4180, read leniently the way Excel and LibreOffice write it), each with its line in the file.

/** The separators a file may use: `;` (Swedish Excel), `,` (most others), tab (Excel's "Unicode text"). */
export type CsvDelimiter = ';' | ',' | '\t';

/** One record: its fields, and the physical line (1-based) where it starts, for messages that point at it. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

export type ParsedCsv =
  | { readonly ok: true; readonly separator: CsvDelimiter; readonly records: readonly CsvRecord[] }
  | { readonly ok: false; readonly problem: 'unterminated_quote'; readonly line: number };

const DELIMITERS: readonly CsvDelimiter[] = [';', ',', '\t'];

// Excel writes and honours a first line "sep=;" that names the separator; it is not part of the data.
const SEP_LINE = /^sep=([;,\t])[ \t]*(?:\r\n|\r|\n|$)/i;

/**
 * Splits `text` into records. Fields are separated by `separator` (or the one the header line uses most);
 * a field that starts with `"` may hold separators, line breaks (CRLF, LF or CR) and `""` for a quote. Line
 * ends are CRLF, LF or CR; a last line end is not an empty record. A quote that is never closed is refused
 * with the line where it opened, since everything after it would otherwise be read as one cell.
 */
export function parseCsv(text: string, separator?: CsvDelimiter): ParsedCsv {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const sepLine = SEP_LINE.exec(body);
  const start = sepLine === null ? 0 : sepLine[0].length;
  const sep = separator ?? (sepLine?.[1] as CsvDelimiter | undefined) ?? detectSeparator(body.slice(start));
  const records: CsvRecord[] = [];
  let line = sepLine === null ? 1 : 2;
  let at = start;
  let fields: string[] = [];
  let recordLine = line;
  while (at < body.length) {
    let value: string;
    if (body[at] === '"') {
      const quoted = readQuoted(body, at + 1);
      if (quoted === null) return { ok: false, problem: 'unterminated_quote', line };
      line += countLineBreaks(body, at, quoted.end);
      // Text after the closing quote (`"a"b`) is kept, as Excel does, rather than refusing the file.
      const end = fieldEnd(body, quoted.end, sep);
      value = quoted.value + body.slice(quoted.end, end);
      at = end;
    } else {
      const end = fieldEnd(body, at, sep);
      value = body.slice(at, end);
      at = end;
    }
    fields.push(value);
    if (body[at] === sep) {
      at += 1;
      if (at < body.length) continue;
      // A separator at the very end leaves one more, empty, field on the last record.
      fields.push('');
    }
    records.push({ line: recordLine, fields });
    if (at < body.length) at += body.startsWith('\r\n', at) ? 2 : 1;
    line += 1;
    fields = [];
    recordLine = line;
  }
  return { ok: true, separator: sep, records };
}

/**
 * The separator of a file: the one of `;` `,` tab that occurs most often (outside quotes) in its first line,
 * the header. A tie, or none at all, counts as `;`, what DESIGN's format and Swedish Excel use.
 */
export function detectSeparator(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c as CsvDelimiter))
      counts.set(c as CsvDelimiter, (counts.get(c as CsvDelimiter) ?? 0) + 1);
  }
  let best: CsvDelimiter = ';';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** A quoted field's value from just after its opening quote, and where its closing quote ends; null if never closed. */
function readQuoted(text: string, from: number): { value: string; end: number } | null {
  let value = '';
  let at = from;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote < 0) return null;
    value += text.slice(at, quote);
    if (text[quote + 1] !== '"') return { value, end: quote + 1 };
    value += '"';
    at = quote + 2;
  }
}

/** Where an unquoted field ends: at the next separator or line end. */
function fieldEnd(text: string, from: number, sep: CsvDelimiter): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === sep || c === '\n' || c === '\r') return i;
  }
  return text.length;
}

/** Line breaks in text[from, to): CRLF, LF and a lone CR each count as one, as editors number lines. */
function countLineBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '\n') breaks += 1;
    else if (c === '\r' && text[i + 1] !== '\n') breaks += 1;
  }
  return breaks;
}
