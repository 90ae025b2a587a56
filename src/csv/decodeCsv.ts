// A CSV file's bytes as text: UTF-8 (with or without BOM), UTF-16 with BOM, or else Windows-1252 as Swedish Excel saves it.

/** The encodings a CSV file is read in; the preview names the one used. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Why the bytes are not a text file worth parsing. */
export type DecodeProblem = 'empty' | 'workbook' | 'binary';

export type DecodedCsv =
  | { readonly ok: true; readonly text: string; readonly encoding: CsvEncoding }
  | { readonly ok: false; readonly problem: DecodeProblem };

/**
 * The text of a CSV file. A BOM decides the encoding (and is dropped); otherwise bytes that are valid UTF-8
 * are UTF-8, and anything else is Windows-1252: what Excel's "CSV (semikolonavgränsad)" writes on a Swedish
 * Windows, with å ä ö as single bytes. Every byte sequence is some Windows-1252 text, so the caller's header
 * check is what tells a CSV from other text; an Excel workbook (.xlsx, .xls) or other binary file is refused here.
 */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decoded(decodeUtf8(bytes.subarray(3), false), 'utf-8');
  if (startsWith(bytes, [0xff, 0xfe])) return decoded(decodeWith('utf-16le', bytes.subarray(2)), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decoded(decodeWith('utf-16be', bytes.subarray(2)), 'utf-16be');
  if (isWorkbook(bytes)) return { ok: false, problem: 'workbook' };
  // A NUL byte never occurs in a text file saved as UTF-8 or Windows-1252.
  if (bytes.includes(0)) return { ok: false, problem: 'binary' };
  const utf8 = decodeUtf8(bytes, true);
  if (utf8 !== null) return decoded(utf8, 'utf-8');
  return decoded(decodeWindows1252(bytes), 'windows-1252');
}

function decoded(text: string | null, encoding: CsvEncoding): DecodedCsv {
  if (text === null) return { ok: false, problem: 'binary' };
  // A second BOM (or one the decoder kept) is not part of the header's first name.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return body.trim() === '' ? { ok: false, problem: 'empty' } : { ok: true, text: body, encoding };
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((byte, i) => bytes[i] === byte);

// .xlsx is a zip file ("PK\3\4"); .xls is an OLE compound file. People pick these when they meant the CSV.
const isWorkbook = (bytes: Uint8Array): boolean =>
  startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]);

/** UTF-8 text, or null when `fatal` and the bytes are not valid UTF-8. */
function decodeUtf8(bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder('utf-8', { fatal, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeWith(encoding: 'utf-16le' | 'utf-16be', bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

// Windows-1252's characters at 0x80–0x9F (where ISO-8859-1 has control codes): € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ.
// Unassigned bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) keep their own code point, as the WHATWG decoder does.
const C1 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * Windows-1252 text. Browsers decode it fully; Node 20's TextDecoder treats the label as ISO-8859-1 and leaves
 * 0x80–0x9F as control codes, so those (– ’ ” € in text written in Word) are mapped here: the same in both.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009F]/g, (c) => C1.charAt(c.charCodeAt(0) - 0x80));
}
