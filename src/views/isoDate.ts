// Dates as people in Sweden write them: YYYY-MM-DD in local time.

const pad = (n: number): string => String(n).padStart(2, '0');

/** The local calendar date of `date` as `YYYY-MM-DD`. */
export const isoDate = (date: Date = new Date()): string =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** The local date of an ISO timestamp, or '' when it does not parse. */
export function isoDateOf(timestamp: string): string {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? '' : isoDate(date);
}
