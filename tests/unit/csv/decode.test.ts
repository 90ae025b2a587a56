// [csv-decode] A CSV file's bytes as text: UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252.
import { describe, expect, it } from 'vitest';
import { decodeCsv } from '../../../src/csv/decodeCsv.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

function text(input: Uint8Array): { text: string; encoding: string } {
  const decoded = decodeCsv(input);
  if (!decoded.ok) throw new Error(`refused: ${decoded.problem}`);
  return { text: decoded.text, encoding: decoded.encoding };
}

describe('[csv-decode] reading the bytes of an imported file', () => {
  it('[csv-decode-bom] reads UTF-8 with a BOM and drops the BOM', () => {
    expect(text(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Åsa Öberg;ä')]))).toEqual({
      text: 'Åsa Öberg;ä',
      encoding: 'utf-8',
    });
  });

  it('[csv-decode-utf8] reads UTF-8 without a BOM as UTF-8', () => {
    expect(text(utf8('Fokusområde;Aktivitet\r\nSIP;Östersund'))).toEqual({
      text: 'Fokusområde;Aktivitet\r\nSIP;Östersund',
      encoding: 'utf-8',
    });
  });

  it('[csv-decode-1252] reads bytes that are not UTF-8 as Windows-1252 (Swedish Excel): "Åsa Öberg"', () => {
    // Å = 0xC5, s a, space, Ö = 0xD6, b e r g: invalid as UTF-8.
    expect(text(bytes(0xc5, 0x73, 0x61, 0x20, 0xd6, 0x62, 0x65, 0x72, 0x67))).toEqual({
      text: 'Åsa Öberg',
      encoding: 'windows-1252',
    });
  });

  it('[csv-decode-1252-c1] maps Windows-1252 punctuation at 0x80–0x9F (– ’ ” €), not ISO-8859-1 control codes', () => {
    // "a – b ’c” 5 €" as Word text saved by Excel.
    const input = bytes(0x61, 0x20, 0x96, 0x20, 0x62, 0x20, 0x92, 0x63, 0x94, 0x20, 0x35, 0x20, 0x80, 0xe4);
    expect(text(input)).toEqual({ text: 'a – b ’c” 5 €ä', encoding: 'windows-1252' });
  });

  it('[csv-decode-utf16] reads UTF-16LE with a BOM (Excel\'s "Unicode text")', () => {
    const units = [...'Aktivitet\tÖ'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]);
    expect(text(bytes(0xff, 0xfe, ...units))).toEqual({ text: 'Aktivitet\tÖ', encoding: 'utf-16le' });
  });

  it('[csv-decode-refuse] refuses an empty file, a blank one, an Excel workbook and binary data', () => {
    expect(decodeCsv(new Uint8Array())).toEqual({ ok: false, problem: 'empty' });
    expect(decodeCsv(utf8('\uFEFF \r\n'))).toEqual({ ok: false, problem: 'empty' });
    expect(decodeCsv(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00))).toEqual({ ok: false, problem: 'workbook' });
    expect(decodeCsv(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1))).toEqual({ ok: false, problem: 'workbook' });
    expect(decodeCsv(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00))).toEqual({
      ok: false,
      problem: 'binary',
    });
  });
});
