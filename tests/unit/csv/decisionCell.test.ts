// [csv-decision] The Beslut column: a decision and its date in one field, and back.
import { describe, expect, it } from 'vitest';
import { decisionCellText, parseDecisionCell } from '../../../src/csv/decisionCell.ts';

describe('[csv-decision] the Beslut field', () => {
  it('[csv-decision-format] date first, then the text; a date alone ends with a colon; no date is the text alone', () => {
    expect(decisionCellText({ decision: 'Starta i januari', decisionDate: '2026-11-23' })).toBe(
      '2026-11-23: Starta i januari',
    );
    expect(decisionCellText({ decision: '', decisionDate: '2026-11-23' })).toBe('2026-11-23:');
    expect(decisionCellText({ decision: 'Utan datum', decisionDate: '' })).toBe('Utan datum');
    expect(decisionCellText({ decision: '', decisionDate: '' })).toBe('');
  });

  it('[csv-decision-parse] reads back every form, line breaks in the text included', () => {
    for (const decision of [
      { decision: 'Starta i januari', decisionDate: '2026-11-23' },
      { decision: '', decisionDate: '2026-11-23' },
      { decision: 'Utan datum', decisionDate: '' },
      { decision: 'Två rader\nmed beslut', decisionDate: '2027-01-10' },
      { decision: '', decisionDate: '' },
    ])
      expect(parseDecisionCell(decisionCellText(decision))).toEqual(decision);
    // Typed by hand in Excel: spaces around are forgiven; text that merely starts with a date stays text.
    expect(parseDecisionCell('  2026-11-23:   Beslut  ')).toEqual({
      decision: 'Beslut',
      decisionDate: '2026-11-23',
    });
    expect(parseDecisionCell('2026-11-23 beslutades')).toEqual({
      decision: '2026-11-23 beslutades',
      decisionDate: '',
    });
  });
});
