// The import's messages in words: a refused row's reasons, a file that cannot be read, counts with their plurals.
import { COLUMN_LABELS } from '../../csv/importColumns.ts';
import type { CsvEncoding } from '../../csv/decodeCsv.ts';
import { MAX_IMPORT_BYTES } from '../../csv/importCsv.ts';
import type { FileProblem } from '../../csv/importCsv.ts';
import type { RowProblem } from '../../csv/importRow.ts';
import type { CsvDelimiter } from '../../csv/parseCsv.ts';
import { language, t } from '../../i18n/index.ts';
import type { MessageKey } from '../../i18n/index.ts';

/** Long cell values are cut in messages: the reason needs the start of the value, not all 4,000 characters. */
const EXCERPT = 60;
const excerpt = (value: string): string => {
  const oneLine = value.replace(/\s+/g, ' ');
  return oneLine.length > EXCERPT ? `${oneLine.slice(0, EXCERPT - 1)}…` : oneLine;
};

/** "Okänd status ”Klar-ish”." */
export function problemText(problem: RowProblem): string {
  return t(`importCsv.reason.${problem.code}`, {
    column: t(COLUMN_LABELS[problem.column]),
    value: excerpt(problem.value),
    length: problem.value.length,
    max: problem.max ?? '',
  });
}

/** Why the whole file cannot be used. */
export function fileProblemText(problem: FileProblem): string {
  switch (problem.code) {
    case 'too_big':
      return t('importCsv.problem.too_big', { max: MAX_IMPORT_BYTES / (1024 * 1024) });
    case 'unterminated_quote':
      return t('importCsv.problem.unterminated_quote', { line: problem.line });
    case 'missing_columns':
      return t('importCsv.problem.missing_columns', {
        columns: listText(problem.columns.map((column) => `”${t(COLUMN_LABELS[column])}”`)),
      });
    default:
      return t(`importCsv.problem.${problem.code}`);
  }
}

const SEPARATOR_KEYS: Record<CsvDelimiter, MessageKey> = {
  ';': 'importCsv.separator.semicolon',
  ',': 'importCsv.separator.comma',
  '\t': 'importCsv.separator.tab',
};

/** "lista.csv är läst som Windows-1252 med semikolon mellan fälten." */
export const readText = (file: string, encoding: CsvEncoding, separator: CsvDelimiter): string =>
  t('importCsv.read', {
    file,
    encoding: t(`importCsv.encoding.${encoding}`),
    separator: t(SEPARATOR_KEYS[separator]),
  });

/** One of three sentences by count: none, one, many (`{count}`). */
export function countText(
  count: number,
  keys: { none?: MessageKey; one: MessageKey; many: MessageKey },
): string {
  if (count === 0 && keys.none !== undefined) return t(keys.none);
  return count === 1 ? t(keys.one) : t(keys.many, { count });
}

/** Line numbers as a short list: "3, 5, 9" or "3, 5, 9, … (14)" past ten. */
export function linesText(lines: readonly number[]): string {
  const shown = lines.slice(0, 10).join(', ');
  return lines.length > 10 ? `${shown}, … (${lines.length})` : shown;
}

/** "A, B och C" in the interface language. */
const listText = (items: readonly string[]): string =>
  new Intl.ListFormat(language(), { type: 'conjunction' }).format(items);
