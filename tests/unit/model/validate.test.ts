// [validate] Values from people, files and the network are parsed or refused at the boundary.
import { describe, expect, it } from 'vitest';
import {
  cleanText,
  parseDate,
  parseName,
  parseOwners,
  parseReformParts,
  parseStep,
} from '../../../src/model/validate.ts';

describe('[validate] values from people, files and the network', () => {
  it('accepts real ISO dates and the empty date only', () => {
    expect(parseDate('2026-11-23')).toEqual({ ok: true, value: '2026-11-23' });
    expect(parseDate(' ')).toEqual({ ok: true, value: '' });
    expect(parseDate('2024-02-29').ok).toBe(true);
    for (const bad of ['2025-02-29', '2026-13-01', '2026-1-5', '20261123', 'igår', null])
      expect(parseDate(bad).ok).toBe(false);
  });

  it('cleans text: CRLF to LF, control characters dropped, trimmed', () => {
    expect(cleanText('  rad1\r\nrad2\u0007\u0000 ')).toBe('rad1\nrad2');
    expect(parseName('Två\nrader')).toEqual({ ok: true, value: 'Två rader' });
  });

  it('parses steps, reform parts and owners from strings or numbers', () => {
    expect(parseStep('2')).toEqual({ ok: true, value: 2 });
    expect(parseStep(2.5).ok).toBe(false);
    expect(parseReformParts(['10', 3, 3])).toEqual({ ok: true, value: [3, 10] });
    expect(parseReformParts([0]).ok).toBe(false);
    const context = { focusAreaIds: new Set<string>(), participantIds: new Set(['p1', 'p2']) };
    expect(parseOwners(['p2', 'p1', 'p2'], context)).toEqual({ ok: true, value: ['p2', 'p1'] });
    expect(parseOwners(['p3'], context).ok).toBe(false);
    expect(parseOwners([{}], context).ok).toBe(false);
  });
});
