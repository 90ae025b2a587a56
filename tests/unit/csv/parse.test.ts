// [csv-parse] CSV text as records with the line each starts on (RFC 4180, read as Excel and LibreOffice write it).
import { describe, expect, it } from 'vitest';
import { detectSeparator, parseCsv } from '../../../src/csv/parseCsv.ts';
import type { CsvDelimiter, CsvRecord } from '../../../src/csv/parseCsv.ts';

function records(text: string, separator?: CsvDelimiter): readonly CsvRecord[] {
  const parsed = parseCsv(text, separator);
  if (!parsed.ok) throw new Error(`refused at line ${parsed.line}`);
  return parsed.records;
}

const fields = (text: string): (readonly string[])[] => records(text).map((record) => record.fields);

describe('[csv-parse] splitting CSV text into records', () => {
  it('[csv-parse-quotes] reads quoted fields with doubled quotes and separators inside', () => {
    expect(fields('a;"b;c";"say ""hi""";d\r\n')).toEqual([['a', 'b;c', 'say "hi"', 'd']]);
    expect(fields('"";x;')).toEqual([['', 'x', '']]);
    // A quote inside an unquoted field is just a character; text after a closing quote is kept.
    expect(fields('5" rör;"a"b')).toEqual([['5" rör', 'ab']]);
  });

  it('[csv-parse-breaks] keeps CRLF, LF and CR inside quoted cells and ends records on any of them', () => {
    expect(fields('"a\r\nb";"c\nd";"e\rf"\r\nx;y\nz;w\rq;r')).toEqual([
      ['a\r\nb', 'c\nd', 'e\rf'],
      ['x', 'y'],
      ['z', 'w'],
      ['q', 'r'],
    ]);
  });

  it('[csv-parse-lines] gives each record the physical line it starts on, also after multi-line cells', () => {
    const text = 'h1;h2\r\n"one\r\ntwo\r\nthree";x\r\nnext;y\r\n\r\n"a\rb";"c\nd"\nlast;z\r\n';
    expect(records(text).map((record) => [record.line, record.fields[0]])).toEqual([
      [1, 'h1'],
      [2, 'one\r\ntwo\r\nthree'],
      [5, 'next'],
      [6, ''],
      [7, 'a\rb'],
      [10, 'last'],
    ]);
  });

  it('[csv-parse-separator] detects ; , or tab from the header line, outside quotes; ; on a tie', () => {
    expect(detectSeparator('Prioritet;Fokusområde;Steg\r\n1,2,3,4,5')).toBe(';');
    expect(detectSeparator('Prioritet,Fokusområde,"Steg;x"\r\n')).toBe(',');
    expect(detectSeparator('Aktivitet\tFokusområde')).toBe('\t');
    expect(detectSeparator('Aktivitet')).toBe(';');
    const parsed = parseCsv('Aktivitet,Fokusområde\r\n"a, b",SIP\r\n');
    expect(parsed.ok && parsed.separator).toBe(',');
    expect(parsed.ok && parsed.records[1]?.fields).toEqual(['a, b', 'SIP']);
  });

  it('[csv-parse-sep-line] honours Excel\'s "sep=," first line and counts it as line 1', () => {
    const parsed = parseCsv('sep=,\r\nAktivitet;x,Fokusområde\r\na;b,SIP\r\n');
    expect(parsed.ok && parsed.separator).toBe(',');
    expect(parsed.ok && parsed.records.map((record) => [record.line, ...record.fields])).toEqual([
      [2, 'Aktivitet;x', 'Fokusområde'],
      [3, 'a;b', 'SIP'],
    ]);
  });

  it('[csv-parse-unterminated] refuses a quote that is never closed, naming the line it opened on', () => {
    expect(parseCsv('a;b\r\nc;"open\r\nstill open\r\n')).toEqual({
      ok: false,
      problem: 'unterminated_quote',
      line: 2,
    });
    expect(parseCsv('a;b\r\n"x\r\ny";z\r\n"never')).toEqual({
      ok: false,
      problem: 'unterminated_quote',
      line: 4,
    });
  });

  it('[csv-parse-bom] drops a BOM the text still has, and reads an empty text as no records', () => {
    expect(fields('\uFEFFa;b')).toEqual([['a', 'b']]);
    expect(fields('')).toEqual([]);
  });
});
