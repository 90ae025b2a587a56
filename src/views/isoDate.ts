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

/** The local date and time of an ISO timestamp as `YYYY-MM-DD HH:MM`, or '' when it does not parse. */
export function isoDateTimeOf(timestamp: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return '';
  return `${isoDate(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** `HH:MM` for a moment today, `YYYY-MM-DD HH:MM` otherwise: short where the day goes without saying. */
export function stampOf(timestamp: string, now: Date = new Date()): string {
  const full = isoDateTimeOf(timestamp);
  return full.startsWith(isoDate(now)) ? full.slice(11) : full;
}
