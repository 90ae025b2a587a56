// Strict parsers for query parameters: an ISO instant, a bounded integer; anything doubtful is refused.
// Instants come back in `Date.toISOString()` form, the form the store keeps, so they compare as text.

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/**
 * `2026-11-01T22:59:59.999Z` or with an offset (`+01:00`) → the same instant as `toISOString()` writes it;
 * null for anything else: no zone, an impossible date (Feb 30, hour 24), more than millisecond precision,
 * or an instant outside years 0000–9999 once in UTC (it would not compare as text).
 */
export function parseInstant(text: string): string | null {
  const match = INSTANT.exec(text);
  if (match === null) return null;
  // Absent optional parts (seconds, fraction, offset) read as zero.
  const field = (index: number): number => Number(match[index] ?? '0');
  const [year, month, day, hour, minute, second] = [
    field(1),
    field(2),
    field(3),
    field(4),
    field(5),
    field(6),
  ];
  const [zulu, sign, offsetHours, offsetMinutesPart] = [match[8], match[9], field(10), field(11)];
  const millis = Number((match[7] ?? '0').padEnd(3, '0'));
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutesPart > 59) return null;
  const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
  // Date.UTC maps years 0–99 to 1900–1999; set the year again to mean what was written.
  local.setUTCFullYear(year, month - 1, day);
  // Date rolls Feb 30 over to March; a date that does not survive the round trip did not exist.
  if (local.getUTCMonth() !== month - 1 || local.getUTCDate() !== day) return null;
  const offsetMinutes = zulu === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutesPart);
  const iso = new Date(local.getTime() - offsetMinutes * 60_000).toISOString();
  return /^\d{4}-/.test(iso) ? iso : null;
}

/** A decimal integer in `min..max` with no sign, spaces or leading zeros; null otherwise. */
export function parseBoundedInt(text: string, min: number, max: number): number | null {
  if (!/^(0|[1-9]\d{0,8})$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

/**
 * The single value of query parameter `name`: undefined when absent, null when given more than once
 * (which of two values was meant cannot be known).
 */
export function singleParam(params: URLSearchParams, name: string): string | undefined | null {
  const values = params.getAll(name);
  if (values.length > 1) return null;
  return values[0];
}
