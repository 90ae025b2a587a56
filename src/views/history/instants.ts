// Local dates and times as typed into the history dialog, turned into the ISO instants the model and the relay compare.
import { isoDate } from '../isoDate.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

/** The local date `days` calendar days before `now`, as `YYYY-MM-DD` (a day is not always 24 hours). */
export function isoDateDaysAgo(days: number, now: Date = new Date()): string {
  return isoDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() - days));
}

/** A local moment on the date `YYYY-MM-DD`, or null when the date does not exist (2026-02-30). */
function localMoment(date: string, hours: number, minutes: number, seconds: number, ms: number): Date | null {
  const match = DATE.exec(date.trim());
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const moment = new Date(2000, 0, 1, hours, minutes, seconds, ms);
  // setFullYear, not the constructor: the constructor reads years 0–99 as 1900–1999.
  moment.setFullYear(year, month - 1, day);
  if (moment.getFullYear() !== year || moment.getMonth() !== month - 1 || moment.getDate() !== day)
    return null;
  return moment;
}

/** The instant the local day `YYYY-MM-DD` begins (local midnight), as an ISO timestamp; null for no such date. */
export function startOfLocalDay(date: string): string | null {
  return localMoment(date, 0, 0, 0, 0)?.toISOString() ?? null;
}

/**
 * The last instant of what a person picked, as an ISO timestamp: the end of the local day when `time` is
 * empty, else the end of that minute (`HH:MM`) or second (`HH:MM:SS`). The plan "at 14:30" includes a change
 * that the history shows at 14:30. Null when the date or time does not exist.
 */
export function endOfLocalPick(date: string, time = ''): string | null {
  const typed = time.trim();
  if (typed === '') return localMoment(date, 23, 59, 59, 999)?.toISOString() ?? null;
  const match = TIME.exec(typed);
  if (match === null) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  const seconds = match[3] === undefined ? undefined : Number(match[3]);
  if (hours > 23 || minutes > 59 || (seconds !== undefined && seconds > 59)) return null;
  return localMoment(date, hours, minutes, seconds ?? 59, 999)?.toISOString() ?? null;
}
