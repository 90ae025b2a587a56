// [csv-import-words] The import's reasons and file problems in Swedish, as the preview shows them.
import { describe, expect, it } from 'vitest';
import { previewCsvText } from '../../../src/csv/importCsv.ts';
import { readPlan } from '../../../src/model/plan.ts';
import { LIMITS } from '../../../src/model/schema.ts';
import { fileProblemText, linesText, problemText } from '../../../src/views/import/importTexts.ts';
import { seededDoc } from '../../helpers/plans.ts';

const plan = readPlan(seededDoc());

/** "Rad 3: reason reason" for each refused row of `text`. */
function refusedLines(text: string): string[] {
  const outcome = previewCsvText(text, plan);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
  return outcome.preview.refusals.map(
    (refusal) => `Rad ${refusal.line}: ${refusal.problems.map(problemText).join(' ')}`,
  );
}

describe('[csv-import-words] the import preview in words', () => {
  it('[csv-import-words-reasons] names the column, the value and the rule for each reason', () => {
    const long = 'å'.repeat(LIMITS.text + 5);
    const text = [
      'Fokusområde;Aktivitet;Steg;Status;Klart senast;Ansvarig;Reformdelar;Beslut',
      'SIP;a;4;Klar-ish;2027-02-30;Nordanstig;0;',
      `;${long};;;;;;2026-13-01: Beslut`,
      '',
    ].join('\r\n');
    expect(refusedLines(text)).toEqual([
      'Rad 2: Okänt steg ”4”. Steg är 1, 2 eller 3. Okänd ansvarig ”Nordanstig”. Okänd status ”Klar-ish”. ' +
        'Klart senast: ”2027-02-30” är inget datum. Skriv ÅÅÅÅ-MM-DD, till exempel 2027-03-31. ' +
        'Reformdelar ”0” går inte. Reformdelarna är numrerade 1–10.',
      `Rad 3: Fokusområde saknas. Aktivitet är för lång: ${LIMITS.text + 5} tecken, högst ${LIMITS.text} går. ` +
        'Beslut: ”2026-13-01” är inget datum. Skriv ÅÅÅÅ-MM-DD, till exempel 2027-03-31.',
    ]);
  });

  it('[csv-import-words-file] explains a file that cannot be used', () => {
    expect(fileProblemText({ code: 'too_big' })).toBe('Filen är för stor. Den får vara högst 5 MB.');
    expect(fileProblemText({ code: 'missing_columns', columns: ['focusArea', 'text'] })).toBe(
      'Filen saknar ”Fokusområde” och ”Aktivitet”. Första raden ska innehålla rubrikerna, som i Samplans export.',
    );
    expect(fileProblemText({ code: 'unterminated_quote', line: 7 })).toContain('rad 7');
    expect(linesText([3, 5, 9])).toBe('3, 5, 9');
    expect(linesText(Array.from({ length: 12 }, (_, i) => i + 1))).toBe(
      '1, 2, 3, 4, 5, 6, 7, 8, 9, 10, … (12)',
    );
  });
});
