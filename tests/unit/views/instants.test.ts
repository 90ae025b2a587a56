// [history-dates] Dates and times typed into the history dialog become the ISO instants the log and the relay compare.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endOfLocalPick, isoDateDaysAgo, startOfLocalDay } from '../../../src/views/history/instants.ts';

// Swedish time, with its summer-time switches, whatever zone the machine running the tests is in.
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Stockholm';
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('[history-dates] local days and times as instants', () => {
  it('a day starts at local midnight: 23:00 UTC the evening before in winter, 22:00 in summer', () => {
    expect(startOfLocalDay('2026-11-24')).toBe('2026-11-23T23:00:00.000Z');
    expect(startOfLocalDay('2026-06-10')).toBe('2026-06-09T22:00:00.000Z');
    // The day summer time begins has 23 hours; it still starts at midnight.
    expect(startOfLocalDay('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay('2026-03-30')).toBe('2026-03-29T22:00:00.000Z');
  });

  it('a plan "on a date" is the plan at the end of that local day, or of the chosen minute or second', () => {
    expect(endOfLocalPick('2026-11-01')).toBe('2026-11-01T22:59:59.999Z');
    expect(endOfLocalPick('2026-11-01', '')).toBe('2026-11-01T22:59:59.999Z');
    expect(endOfLocalPick('2026-11-01', '14:30')).toBe('2026-11-01T13:30:59.999Z');
    expect(endOfLocalPick('2026-11-01', '14:30:05')).toBe('2026-11-01T13:30:05.999Z');
    expect(endOfLocalPick('2026-07-01', '00:00')).toBe('2026-06-30T22:00:59.999Z');
  });

  it('refuses dates and times that do not exist, and anything not written as ISO', () => {
    for (const date of ['2026-02-30', '2026-13-01', '2026-1-5', '1/5/2026', '', 'igår']) {
      expect(startOfLocalDay(date), date).toBeNull();
      expect(endOfLocalPick(date), date).toBeNull();
    }
    for (const time of ['24:00', '12:60', '12:30:60', '9:30', 'lunch']) {
      expect(endOfLocalPick('2026-11-01', time), time).toBeNull();
    }
  });

  it('counts back calendar days, across the switch to winter time and the turn of a year', () => {
    expect(isoDateDaysAgo(30, new Date(2026, 10, 23, 0, 30))).toBe('2026-10-24');
    expect(isoDateDaysAgo(1, new Date(2026, 9, 26, 0, 30))).toBe('2026-10-25');
    expect(isoDateDaysAgo(30, new Date(2027, 0, 10, 12, 0))).toBe('2026-12-11');
    expect(isoDateDaysAgo(0, new Date(2026, 4, 1, 23, 59))).toBe('2026-05-01');
  });

  it('a year below 100 stays that year instead of turning into the 1900s', () => {
    expect(startOfLocalDay('0099-05-01')?.startsWith('0099-04-30')).toBe(true);
  });
});
